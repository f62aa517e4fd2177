"""The intranet's start page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..conf import top_level_parent_types
from ..listings import card_queryset
from ..visibility import visible_to
from .base import IntranetPage
from .news import NetworkNewsPage
from .showcases import ProjectShowcasePage
from .strategy import OrientationPage

LATEST_NEWS_COUNT = 5
FEATURED_COUNT = 3
RECENT_SHOWCASE_COUNT = 6


class IntranetHomePage(IntranetPage):
    """Start page: latest network news, featured and recent showcases, the four orientations and
    a search box."""

    page_description = _(
        "The start page: latest news, featured projects, the four orientations and the search box."
    )

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*IntranetPage.content_panels, FieldPanel("intro")]
    # The root makes it a site of its own; configured host pages make it a part of theirs.
    parent_page_types = top_level_parent_types("wagtailcore.Page")
    subpage_types = [
        "strategy_pages.StrategyPage",
        "strategy_pages.NetworkNewsIndexPage",
        "strategy_pages.ShowcaseIndexPage",
        "strategy_pages.CommitteeIndexPage",
        "strategy_pages.SectionPage",
        "strategy_pages.ContentPage",
        "strategy_pages.EventPage",
        "strategy_pages.LinkPage",
    ]
    template = "strategy_pages/pages/intranet_home_page.html"

    class Meta:
        verbose_name = _("start page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = visible_to(NetworkNewsPage.objects.descendant_of(self), request)
        showcases = visible_to(ProjectShowcasePage.objects.descendant_of(self), request)
        featured = card_queryset(showcases.filter(featured=True).order_by("-start_date", "-pk"))
        context.update(
            latest_news=news.select_related("committee").order_by("-date", "-pk")[
                :LATEST_NEWS_COUNT
            ],
            featured_showcases=featured[:FEATURED_COUNT],
            recent_showcases=card_queryset(
                showcases.filter(featured=False).order_by("-first_published_at", "-pk")
            )[:RECENT_SHOWCASE_COUNT],
            orientation_pages=visible_to(
                OrientationPage.objects.descendant_of(self), request
            ).select_related("orientation"),
        )
        return context
