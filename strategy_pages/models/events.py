"""Calendar items: network meetings, events and application deadlines, with a time, a place and a
contact."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyBlock
from .base import IntranetPage
from .classification import ClassifiedPage
from .content import GENERAL_PAGE_PARENTS, optional_committee, related_content
from .taxonomy import EventKind


class EventPage(ClassifiedPage):
    """A calendar item: a network meeting or an event staff may attend, with its time, place and
    contact, or an application deadline, which has a moment and no end."""

    page_description = _(
        "A network meeting, an event or an application deadline, with its time, place and contact."
    )

    committee = optional_committee()
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.EVENT,
        help_text=_("An application deadline has a day and time but no end."),
    )
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    listing_date_field = "start"
    whole_day = models.BooleanField(_("all day"), default=False)
    location = models.CharField(_("location"), max_length=255, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    event_url = models.URLField(
        _("website"), max_length=500, blank=True, help_text=_("E.g. registration or programme.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    related = related_content()

    content_panels = [
        *IntranetPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("whole_day"),
                FieldPanel("location"),
                FieldPanel("event_url"),
            ],
            heading=_("Time and place"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact person"),
        ),
        *ClassifiedPage.image_panels,
        FieldPanel("body"),
        FieldPanel("related"),
        *ClassifiedPage.classification_panels,
    ]
    search_fields = [
        *ClassifiedPage.search_fields,
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    parent_page_types = GENERAL_PAGE_PARENTS
    subpage_types = []
    template = "strategy_pages/pages/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.kind == EventKind.DEADLINE and self.end:
            raise ValidationError({"end": _("A deadline has no end: leave the end empty.")})
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def is_deadline(self):
        return self.kind == EventKind.DEADLINE
