"""Following up the strategy: which committees work on which orientations, and how."""

from django.utils.translation import gettext_lazy as _

from ..conf import top_level_parent_types
from ..follow_up.matrix import matrix_context
from .base import SectionIndexPage


class FollowUpPage(SectionIndexPage):
    """The strategy traceability matrix: committees against orientations, sustainability
    dimensions and themes, with the initiatives in each cell counted by status."""

    page_description = _(
        "The follow-up of the strategy: which committees work on which orientations."
    )

    parent_page_types = top_level_parent_types(
        "strategy_pages.IntranetHomePage", "strategy_pages.StrategyPage"
    )
    subpage_types = []
    max_count_per_parent = 1
    template = "strategy_pages/pages/follow_up_page.html"

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(matrix_context(request))
        return context
