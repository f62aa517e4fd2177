"""Plain information pages: guidelines, questions and answers, about a service."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyBlock, RelatedContentBlock
from ..conf import top_level_parent_types
from .base import IntranetPage
from .classification import ClassifiedPage

#: Where general pages may be created: the start page, sections, committees' pages and the
#: host's configured pages.
GENERAL_PAGE_PARENTS = top_level_parent_types(
    "strategy_pages.IntranetHomePage", "strategy_pages.SectionPage", "strategy_pages.CommitteePage"
)


def optional_committee():
    """The owning committee, optional for general pages: many belong to the whole intranet."""
    return models.ForeignKey(
        "strategy_pages.Committee",
        verbose_name=_("committee or company"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The committee or company that owns the page, if it belongs to one."),
    )


def related_content():
    return StreamField(
        RelatedContentBlock(),
        verbose_name=_("related"),
        blank=True,
        help_text=_("Pages and documents related to this page."),
    )


class ContentPage(ClassifiedPage):
    """A page of information that is neither news nor a showcase, e.g. guidelines or an FAQ."""

    page_description = _(
        "An information page, e.g. guidelines, questions and answers, or about a service."
    )

    committee = optional_committee()
    body = StreamField(BodyBlock(), verbose_name=_("body text"), blank=True)
    related = related_content()

    content_panels = [
        *IntranetPage.content_panels,
        *ClassifiedPage.image_panels,
        FieldPanel("body"),
        FieldPanel("related"),
        *ClassifiedPage.classification_panels,
    ]
    search_fields = [*ClassifiedPage.search_fields, index.SearchField("body")]
    parent_page_types = GENERAL_PAGE_PARENTS
    subpage_types = []
    template = "strategy_pages/pages/content_page.html"

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
