"""General sections of the intranet: a folder of pages, e.g. one brought over from Plone."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyBlock
from ..conf import top_level_parent_types
from ..visibility import visible_to
from .base import IntranetPage

#: The page types an editor may put in a section; sections nest.
SECTION_CHILD_TYPES = [
    "strategy_pages.SectionPage",
    "strategy_pages.ContentPage",
    "strategy_pages.EventPage",
    "strategy_pages.LinkPage",
    "strategy_pages.NetworkNewsPage",
]


class SectionPage(IntranetPage):
    """A section that groups pages under a heading, with an optional introductory text; lists
    what lies in it in the editors' order."""

    page_description = _("A section that gathers pages, e.g. a folder of guidelines or minutes.")

    body = StreamField(
        BodyBlock(),
        verbose_name=_("introductory text"),
        blank=True,
        help_text=_("Shown above the list of the section's pages."),
    )

    content_panels = [*IntranetPage.content_panels, FieldPanel("body")]
    search_fields = [*IntranetPage.search_fields, index.SearchField("body")]
    parent_page_types = top_level_parent_types(
        "strategy_pages.IntranetHomePage",
        "strategy_pages.SectionPage",
        "strategy_pages.CommitteePage",
    )
    subpage_types = [*SECTION_CHILD_TYPES, "strategy_pages.CalendarPage"]
    template = "strategy_pages/pages/section_page.html"

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = visible_to(self.get_children(), request).specific()
        return context
