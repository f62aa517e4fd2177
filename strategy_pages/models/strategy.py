"""The international strategy and its four orientations."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import (
    RICH_TEXT_FEATURES,
    BodyBlock,
    DocumentListBlock,
    GoalBlock,
    MilestoneBlock,
    ResponsibilityBlock,
)
from ..conf import top_level_parent_types
from ..listings import ShowcaseFilterSet, build_listing, first_of
from ..visibility import shared_by_like_readers, visible_to
from .base import IntranetPage
from .following import FollowablePage
from .news import NetworkNewsPage
from .showcases import ProjectShowcasePage
from .taxonomy import SustainabilityDimension

LATEST_NEWS_COUNT = 5


class StrategyPage(IntranetPage):
    """The City of Stockholm's international strategy: vision, goals, principles, who does what,
    its adoption and history. Its children are the four orientations."""

    page_description = _(
        "The City's international strategy: vision, goals, principles, responsibilities "
        "and history."
    )

    vision_title = models.CharField(
        _("vision"),
        max_length=255,
        blank=True,
        help_text=_(
            "The vision the strategy serves, e.g. “Vision 2040 – A Stockholm for everyone”."
        ),
    )
    vision_text = RichTextField(_("about the vision"), features=RICH_TEXT_FEATURES, blank=True)
    goals = StreamField(
        [("goal", GoalBlock())],
        verbose_name=_("overall goals"),
        blank=True,
        help_text=_(
            "The goals of the international work, linked to the budget's orientation goals."
        ),
    )
    principles = RichTextField(_("principles"), features=RICH_TEXT_FEATURES, blank=True)
    responsibilities = StreamField(
        [("responsibility", ResponsibilityBlock())], verbose_name=_("responsibilities"), blank=True
    )
    registry_number = models.CharField(
        _("registry number"), max_length=60, blank=True, help_text=_("E.g. 171-482/2016.")
    )
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted by"), max_length=255, blank=True, help_text=_("E.g. the City Council.")
    )
    history = StreamField([("milestone", MilestoneBlock())], verbose_name=_("history"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body text"), blank=True)
    documents = StreamField(
        [("documents", DocumentListBlock())], verbose_name=_("attached documents"), blank=True
    )

    content_panels = [
        *IntranetPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("vision_title"), FieldPanel("vision_text")], heading=_("Vision")
        ),
        FieldPanel("goals"),
        FieldPanel("principles"),
        FieldPanel("responsibilities"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("registry_number"), FieldPanel("adopted_on")]),
                FieldPanel("adopted_by"),
                FieldPanel("history"),
            ],
            heading=_("Decision and history"),
        ),
        FieldPanel("documents"),
    ]
    search_fields = [
        *IntranetPage.search_fields,
        index.SearchField("vision_title"),
        index.SearchField("vision_text"),
        index.SearchField("goals"),
        index.SearchField("principles"),
        index.SearchField("responsibilities"),
        index.SearchField("body"),
        index.SearchField("registry_number"),
    ]
    parent_page_types = top_level_parent_types("strategy_pages.IntranetHomePage")
    subpage_types = ["strategy_pages.OrientationPage", "strategy_pages.FollowUpPage"]
    max_count_per_parent = 1
    template = "strategy_pages/pages/strategy_page.html"

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        orientation_pages = list(
            visible_to(OrientationPage.objects.child_of(self), request).select_related(
                "orientation"
            )
        )
        projects = _counts_by(ProjectShowcasePage, "orientations", request)
        news = _counts_by(NetworkNewsPage, "orientations", request)
        for orientation_page in orientation_pages:
            orientation_page.project_count = projects.get(orientation_page.orientation_id, 0)
            orientation_page.news_count = news.get(orientation_page.orientation_id, 0)
        context["orientation_pages"] = orientation_pages
        context["dimension_counts"] = self._dimension_counts(request)
        return context

    def _dimension_counts(self, request):
        """{dimension id: ServedBy} for the goals that name a sustainability dimension."""
        projects = _counts_by(ProjectShowcasePage, "dimensions", request)
        news = _counts_by(NetworkNewsPage, "dimensions", request)
        dimensions = SustainabilityDimension.objects.all()
        return {d.pk: ServedBy(d, projects.get(d.pk, 0), news.get(d.pk, 0)) for d in dimensions}


@dataclass
class ServedBy:
    """The projects and news items with a sustainability dimension that a reader may see."""

    dimension: object
    projects: int
    news: int


def _counts_by(model, relation, request):
    """{related id: how many of `model`'s pages the reader may see have it}, counted once per
    content version for all readers who see the same pages."""

    def count():
        pages = visible_to(model.objects.all(), request).filter(**{f"{relation}__isnull": False})
        counted = pages.order_by().values(relation).annotate(pages=Count("pk", distinct=True))
        return {row[relation]: row["pages"] for row in counted}

    return shared_by_like_readers(request, f"counts:{model._meta.label_lower}:{relation}", count)


class OrientationPage(FollowablePage, IntranetPage):
    """One of the four orientations; shows the showcases and news classified under it."""

    page_description = _(
        "One of the strategy's four orientations; projects and news with it are shown "
        "automatically."
    )

    orientation = models.OneToOneField(
        "strategy_pages.Orientation",
        verbose_name=_("orientation"),
        on_delete=models.PROTECT,
        related_name="page",
        help_text=_("Projects and news with this orientation are shown on the page automatically."),
    )
    purpose = models.TextField(
        _("purpose"), help_text=_("What the orientation is to achieve, in brief.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body text"), blank=True)
    followed_field = "orientation"

    content_panels = [
        *IntranetPage.content_panels,
        FieldPanel("orientation"),
        FieldPanel("purpose"),
        FieldPanel("body"),
    ]
    search_fields = [
        *IntranetPage.search_fields,
        index.SearchField("purpose", boost=2),
        index.SearchField("body"),
    ]
    parent_page_types = ["strategy_pages.StrategyPage"]
    subpage_types = []
    template = "strategy_pages/pages/orientation_page.html"

    class Meta:
        verbose_name = _("orientation")
        verbose_name_plural = _("orientations")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        showcases = ProjectShowcasePage.objects.filter(orientations=self.orientation_id)
        context.update(
            build_listing(
                request,
                showcases.order_by("-start_date", "-pk"),
                ShowcaseFilterSet,
                exclude_filters=["orientation"],
            )
        )
        news = NetworkNewsPage.objects.filter(orientations=self.orientation_id)
        newest = visible_to(news, request).select_related("committee").order_by("-date", "-pk")
        context["latest_news"] = first_of(request, newest, LATEST_NEWS_COUNT)
        return context
