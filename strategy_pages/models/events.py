"""Events: meetings, dialogues and seminars with a time, a place and a contact."""

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


class EventPage(ClassifiedPage):
    """An event staff may attend, e.g. a dialogue meeting, with its time, place and contact."""

    page_description = _("Ett evenemang, t.ex. ett dialogmöte, med tid, plats och kontakt.")

    committee = optional_committee()
    start = models.DateTimeField(_("börjar"), db_index=True)
    end = models.DateTimeField(_("slutar"), null=True, blank=True)
    listing_date_field = "start"
    whole_day = models.BooleanField(_("heldag"), default=False)
    location = models.CharField(_("plats"), max_length=255, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=255, blank=True)
    contact_email = models.EmailField(_("e-post"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    event_url = models.URLField(
        _("webbplats"), max_length=500, blank=True, help_text=_("T.ex. anmälan eller program.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("beskrivning"), blank=True)
    related = related_content()

    content_panels = [
        *IntranetPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("whole_day"),
                FieldPanel("location"),
                FieldPanel("event_url"),
            ],
            heading=_("Tid och plats"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontaktperson"),
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
        verbose_name = _("evenemang")
        verbose_name_plural = _("evenemang")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Evenemanget kan inte sluta innan det börjar.")})
