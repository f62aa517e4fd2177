"""The intranet's start page."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import F
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ..conf import redirect_to_front_end_login, top_level_parent_types
from ..listings import card_queryset
from ..visibility import shared_by_like_readers, visible_to
from .base import IntranetPage
from .following import Interest, Visit
from .news import NetworkNewsPage
from .showcases import ProjectShowcasePage
from .strategy import OrientationPage
from .taxonomy import Theme

LATEST_NEWS_COUNT = 5
FEATURED_COUNT = 3
RECENT_SHOWCASE_COUNT = 6
FOR_YOU_COUNT = 6
NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class ForYouItem:
    """A news item or showcase from what the user follows, for the “For you” block."""

    page: object
    is_new: bool

    @property
    def type_label(self):
        return self.page._meta.verbose_name


def published_since(pages, since):
    """Mark each of `pages` as new (`is_new`) if it was first published after `since`."""
    pages = list(pages)
    for page in pages:
        page.is_new = bool(since and page.first_published_at and page.first_published_at > since)
    return pages


class IntranetHomePage(RoutablePageMixin, IntranetPage):
    """Start page: latest network news, featured and recent showcases, the four orientations and
    a search box."""

    page_description = _(
        "The start page: latest news, featured projects, the four orientations and the search box."
    )
    has_search_box = True

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
        "strategy_pages.CalendarPage",
        "strategy_pages.LinkPage",
        "strategy_pages.FollowUpPage",
    ]
    template = "strategy_pages/pages/intranet_home_page.html"

    class Meta:
        verbose_name = _("start page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        since = self.previous_visit(request)
        lists = self.shared_lists(request)
        context.update(
            latest_news=published_since(lists["latest_news"], since),
            featured_showcases=published_since(lists["featured_showcases"], since),
            recent_showcases=published_since(lists["recent_showcases"], since),
            orientation_pages=lists["orientation_pages"],
        )
        if request.user.is_authenticated:
            news, showcases = self.visible_news_and_showcases(request)
            context.update(
                personal=True,
                for_you=self.for_you(request.user, news, showcases, since),
                new_since_last_visit=self.count_new(news, showcases, since),
                followed_themes=self.themes_to_follow(request),
            )
        return context

    def visible_news_and_showcases(self, request):
        return (
            visible_to(NetworkNewsPage.objects.descendant_of(self), request),
            visible_to(ProjectShowcasePage.objects.descendant_of(self), request),
        )

    def shared_lists(self, request):
        """The lists everyone who sees the same sections sees: a start page costs the same
        however many pages the intranet holds."""
        return shared_by_like_readers(
            request, f"start:{self.pk}", lambda: self.read_shared_lists(request)
        )

    def read_shared_lists(self, request):
        news, showcases = self.visible_news_and_showcases(request)
        featured = showcases.filter(featured=True).order_by("-start_date", "-pk")
        recent = showcases.filter(featured=False).order_by("-first_published_at", "-pk")
        latest_news = news.select_related("committee").order_by("-date", "-pk")
        orientations = visible_to(OrientationPage.objects.descendant_of(self), request)
        return {
            "latest_news": list(latest_news[:LATEST_NEWS_COUNT]),
            "featured_showcases": list(card_queryset(featured)[:FEATURED_COUNT]),
            "recent_showcases": list(card_queryset(recent)[:RECENT_SHOWCASE_COUNT]),
            "orientation_pages": list(orientations.select_related("orientation")),
        }

    def themes_to_follow(self, request):
        """Every theme with its toggle: themes have no page of their own to follow them on."""
        followed = set(
            Interest.objects.filter(user=request.user, theme__isnull=False).values_list(
                "theme", flat=True
            )
        )
        base = self.get_url(request)
        return [
            (
                theme,
                theme.pk in followed,
                base + self.reverse_subpage("follow_theme", args=[theme.slug]),
            )
            for theme in Theme.objects.order_by("name")
        ]

    @path("folj-tema/<slug:slug>/", name="follow_theme")
    def toggle_theme(self, request, slug):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        home_url = self.get_url(request)
        if not request.user.is_authenticated:
            return redirect_to_front_end_login(home_url)
        Interest.objects.toggle(request.user, get_object_or_404(Theme, slug=slug))
        return redirect(f"{home_url}#for-you-heading")

    @staticmethod
    def previous_visit(request):
        """When the user's previous visit ended; None for anonymous visitors and first visits."""
        if not request.user.is_authenticated:
            return None
        return Visit.objects.record(request.user)

    @staticmethod
    def for_you(user, news, showcases, since):
        """The newest news and showcases from or about what `user` follows."""
        interests = Interest.objects.content_filter(user)
        if not interests:
            return []
        newest = []
        for queryset in (news, showcases):
            matching = queryset.model.objects.filter(interests).values("pk")
            newest += (
                queryset.filter(pk__in=matching)
                .select_related("committee")
                .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:FOR_YOU_COUNT]
            )
        newest.sort(key=lambda page: page.first_published_at or NEVER, reverse=True)
        newest = published_since(newest[:FOR_YOU_COUNT], since)
        return [ForYouItem(page, page.is_new) for page in newest]

    @staticmethod
    def count_new(news, showcases, since):
        """How many visible news items and showcases were published since the previous visit."""
        if since is None:
            return 0
        return sum(
            pages.filter(first_published_at__gt=since).count() for pages in (news, showcases)
        )
