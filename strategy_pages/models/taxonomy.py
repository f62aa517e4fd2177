"""Organisations and classifications shared by news, showcases and consultation responses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class CommitteeKind(models.TextChoices):
    DISTRICT = "district", _("Stadsdelsnämnd")
    SPECIALIST = "specialist", _("Facknämnd")
    COMPANY = "company", _("Bolagsstyrelse")
    EXECUTIVE_OFFICE = "executive_office", _("Stadsledningskontoret")


class NetworkRepresentation(models.TextChoices):
    MEMBER = "member", _("Medlem")
    PROPOSED = "proposed", _("Föreslagen medlem")
    NOT_REPRESENTED = "none", _("Inte representerad")


class Committee(index.Indexed, models.Model):
    """A committee (nämnd), company board or the City Executive Office that owns content."""

    name = models.CharField(_("namn"), max_length=255, unique=True)
    short_name = models.CharField(
        _("kortnamn"), max_length=60, blank=True, help_text=_("T.ex. SDN Hägersten-Liljeholmen.")
    )
    slug = models.SlugField(_("adressnamn"), max_length=100, unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=CommitteeKind.choices)
    description = models.TextField(_("beskrivning"), blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=255, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    network_representation = models.CharField(
        _("nätverket för informationsspridning"),
        max_length=20,
        choices=NetworkRepresentation.choices,
        default=NetworkRepresentation.NOT_REPRESENTED,
        help_text=_("Om nämnden eller bolaget är representerat i nätverket."),
    )
    network_representative = models.CharField(
        _("representant i nätverket"),
        max_length=255,
        blank=True,
        help_text=_("Namn och roll på den som representerar nämnden i nätverket."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("kind")],
            heading=_("Organisation"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [FieldPanel("network_representation"), FieldPanel("network_representative")],
            heading=_("Nätverket för informationsspridning"),
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
        verbose_name = _("nämnd eller bolag")
        verbose_name_plural = _("nämnder och bolag")

    def __str__(self):
        return self.name


class Theme(index.Indexed, models.Model):
    """A cross-committee topic, e.g. from the district committees' local development programmes."""

    name = models.CharField(_("namn"), max_length=255, unique=True)
    slug = models.SlugField(_("adressnamn"), max_length=100, unique=True)
    description = models.TextField(_("beskrivning"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tema")
        verbose_name_plural = _("teman")

    def __str__(self):
        return self.name


class Orientation(models.Model):
    """One of the strategy's four orientations: profiling, horizon scanning, cooperation,
    influence."""

    name = models.CharField(_("namn"), max_length=100, unique=True)
    slug = models.SlugField(_("adressnamn"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    summary = models.TextField(_("kort beskrivning"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("summary"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("inriktning")
        verbose_name_plural = _("inriktningar")

    def __str__(self):
        return self.name


class SustainabilityDimension(models.Model):
    """One of the budget's orientation goals: social, economic, ecological or democratic
    sustainability."""

    name = models.CharField(_("namn"), max_length=100, unique=True)
    slug = models.SlugField(_("adressnamn"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("hållbarhetsdimension")
        verbose_name_plural = _("hållbarhetsdimensioner")

    def __str__(self):
        return self.name


class ShowcaseStatus(models.TextChoices):
    PLANNED = "planned", _("Planerat")
    ONGOING = "ongoing", _("Pågående")
    COMPLETED = "completed", _("Avslutat")
