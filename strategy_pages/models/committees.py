"""Each committee's own part of the page tree, where its showcases and responses live."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..listings import ShowcaseFilterSet, build_listing, first_of
from ..visibility import visible_to
from .base import IntranetPage, SectionIndexPage
from .consultations import ConsultationResponsePage
from .following import FollowablePage
from .news import NetworkNewsPage
from .sections import SECTION_CHILD_TYPES
from .showcases import ProjectShowcasePage
from .taxonomy import CommitteeKind


class CommitteeIndexPage(SectionIndexPage):
    """Lists the committees and company boards, grouped by kind."""

    page_description = _("The list of committees and companies.")

    subpage_types = ["strategy_pages.CommitteePage"]
    template = "strategy_pages/pages/committee_index_page.html"

    class Meta:
        verbose_name = _("committee list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = visible_to(CommitteePage.objects.child_of(self), request).select_related(
            "committee"
        )
        groups = {kind: [] for kind in CommitteeKind}
        for page in pages.order_by("committee__name"):
            groups[CommitteeKind(page.committee.kind)].append(page)
        context["committee_groups"] = [
            (kind.label, pages) for kind, pages in groups.items() if pages
        ]
        return context


LATEST_NEWS_COUNT = 5


class CommitteePage(FollowablePage, IntranetPage):
    """A committee's or company's section: its showcases, consultation responses, news and other
    pages live below it, so a group can be given editing rights on exactly this subtree."""

    page_description = _(
        "A committee's or company's own part of the intranet, where its projects and "
        "consultation responses live."
    )

    committee = models.OneToOneField(
        "strategy_pages.Committee",
        verbose_name=_("committee or company"),
        on_delete=models.PROTECT,
        related_name="section_page",
    )
    intro = models.TextField(_("introduction"), blank=True)
    facet_fields = {"committee": "committee__slug"}
    followed_field = "committee"

    content_panels = [*IntranetPage.content_panels, FieldPanel("committee"), FieldPanel("intro")]
    search_fields = [
        *IntranetPage.search_fields,
        index.FilterField("committee"),
        index.SearchField("intro"),
    ]
    parent_page_types = ["strategy_pages.CommitteeIndexPage"]
    subpage_types = [
        "strategy_pages.ProjectShowcasePage",
        "strategy_pages.ConsultationResponsePage",
        *SECTION_CHILD_TYPES,
    ]
    template = "strategy_pages/pages/committee_page.html"

    class Meta:
        verbose_name = _("committee page")
        verbose_name_plural = _("committee pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        showcases = ProjectShowcasePage.objects.child_of(self).order_by("-start_date", "-pk")
        context.update(
            build_listing(request, showcases, ShowcaseFilterSet, exclude_filters=["committee"])
        )
        context["responses"] = visible_to(
            ConsultationResponsePage.objects.child_of(self), request
        ).order_by("-meeting_date", "-pk")
        news = visible_to(NetworkNewsPage.objects.child_of(self), request)
        context["latest_news"] = first_of(request, news.order_by("-date", "-pk"), LATEST_NEWS_COUNT)
        other_types = self.get_children().not_type(
            ProjectShowcasePage, ConsultationResponsePage, NetworkNewsPage
        )
        context["other_pages"] = visible_to(other_types, request).specific()
        # Imported here: the follow-up reads the models, which are still loading at import.
        from ..follow_up.network import committee_network_context  # noqa: PLC0415

        context["network"] = committee_network_context(self.committee, request)
        return context
