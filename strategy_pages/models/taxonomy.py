"""Organisations and classifications shared by news, showcases and consultation responses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class CommitteeKind(models.TextChoices):
    DISTRICT = "district", _("District committee")
    SPECIALIST = "specialist", _("Specialist committee")
    COMPANY = "company", _("Company board")
    EXECUTIVE_OFFICE = "executive_office", _("City Executive Office")


class NetworkRepresentation(models.TextChoices):
    MEMBER = "member", _("Member")
    PROPOSED = "proposed", _("Proposed member")
    NOT_REPRESENTED = "none", _("Not represented")


class Committee(index.Indexed, models.Model):
    """A committee (nämnd), company board or the City Executive Office that owns content."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("E.g. SDN Hägersten-Liljeholmen.")
    )
    slug = models.SlugField(pgettext_lazy("taxonomy", "slug"), max_length=100, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=CommitteeKind.choices)
    description = models.TextField(_("description"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    network_representation = models.CharField(
        _("information-sharing network"),
        max_length=20,
        choices=NetworkRepresentation.choices,
        default=NetworkRepresentation.NOT_REPRESENTED,
        help_text=_("Whether the committee or company is represented in the network."),
    )
    network_representative = models.CharField(
        _("representative in the network"),
        max_length=255,
        blank=True,
        help_text=_("Name and role of the person who represents the committee in the network."),
    )
    network_representative_email = models.EmailField(_("representative's email"), blank=True)
    network_mandate_start = models.DateField(_("mandate from"), null=True, blank=True)
    network_mandate_end = models.DateField(
        _("mandate until"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the mandate runs until further notice."),
    )
    editor_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editor group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="editing_committee",
        help_text=_("Its members write the committee's showcases and submit them for review."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("kind")],
            heading=_("Organisation"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("network_representation"),
                FieldPanel("network_representative"),
                FieldPanel("network_representative_email"),
                FieldRowPanel(
                    [FieldPanel("network_mandate_start"), FieldPanel("network_mandate_end")]
                ),
            ],
            heading=_("Information-sharing network"),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("network_representation"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("committee or company")
        verbose_name_plural = _("committees and companies")

    def __str__(self):
        return self.name


class Theme(index.Indexed, models.Model):
    """A cross-committee topic, e.g. from the district committees' local development programmes."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(pgettext_lazy("taxonomy", "slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class Orientation(models.Model):
    """One of the strategy's four orientations: profiling, horizon scanning, cooperation,
    influence."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(pgettext_lazy("taxonomy", "slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    summary = models.TextField(_("short description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("summary"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("orientation")
        verbose_name_plural = _("orientations")

    def __str__(self):
        return self.name


class SustainabilityDimension(models.Model):
    """One of the budget's orientation goals: social, economic, ecological or democratic
    sustainability."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(pgettext_lazy("taxonomy", "slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("sustainability dimension")
        verbose_name_plural = _("sustainability dimensions")

    def __str__(self):
        return self.name


class ShowcaseStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class VisitDirection(models.TextChoices):
    INCOMING = "incoming", _("Incoming visit")
    OUTGOING = "outgoing", _("Outgoing visit")


class EventKind(models.TextChoices):
    """What a calendar item is: a network meeting, an event anyone may attend, or the last day
    to apply for funding, e.g. from the EU or Erasmus+."""

    MEETING = "meeting", _("Network meeting")
    EVENT = "event", pgettext_lazy("calendar item", "Event")
    DEADLINE = "deadline", _("Application deadline")
