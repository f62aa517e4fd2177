"""A committee's statement (yttrande) on a consultation (remiss)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import RICH_TEXT_FEATURES, BodyBlock
from .base import CommitteeOwnedPage, IntranetPage


class ConsultationResponsePage(CommitteeOwnedPage):
    """A committee's consultation response, e.g. a district committee's statement on the
    City Executive Office's proposal for an international strategy."""

    page_description = _("A committee's statement on a consultation.")

    consultation_title = models.CharField(
        _("consultation"),
        max_length=255,
        help_text=_("The consultation's title, e.g. the proposal being answered."),
    )
    consultation_registry_number = models.CharField(
        _("consultation registry number"),
        max_length=60,
        blank=True,
        help_text=_("E.g. 171-482/2016."),
    )
    registry_number = models.CharField(_("committee registry number"), max_length=60, blank=True)
    consulting_body = models.CharField(
        _("referred by"), max_length=255, blank=True, help_text=_("E.g. the City Executive Board.")
    )
    deadline = models.DateField(_("response deadline"), null=True, blank=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    listing_date_field = "meeting_date"
    decision_proposal = RichTextField(
        _("proposed decision"), features=RICH_TEXT_FEATURES, blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("statement"), blank=True)
    signed_by = models.TextField(
        _("signed by"), blank=True, help_text=_("Name and title, one per line.")
    )

    content_panels = [
        *IntranetPage.content_panels,
        FieldPanel("committee"),
        MultiFieldPanel(
            [
                FieldPanel("consultation_title"),
                FieldRowPanel(
                    [FieldPanel("consultation_registry_number"), FieldPanel("registry_number")]
                ),
                FieldPanel("consulting_body"),
                FieldRowPanel([FieldPanel("deadline"), FieldPanel("meeting_date")]),
            ],
            heading=_("The consultation"),
        ),
        FieldPanel("decision_proposal"),
        FieldPanel("body"),
        FieldPanel("signed_by"),
    ]
    search_fields = [
        *CommitteeOwnedPage.search_fields,
        index.SearchField("consultation_title", boost=2),
        index.SearchField("consultation_registry_number"),
        index.SearchField("decision_proposal"),
        index.SearchField("body"),
        index.FilterField("committee"),
        index.FilterField("meeting_date"),
        index.RelatedFields("committee", [index.SearchField("name")]),
    ]
    parent_page_types = ["strategy_pages.CommitteePage"]
    subpage_types = []
    template = "strategy_pages/pages/consultation_response_page.html"

    class Meta:
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")

    def signatories(self):
        return [line.strip() for line in self.signed_by.splitlines() if line.strip()]
