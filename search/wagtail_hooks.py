from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from strategy_pages.conf import (
    CALENDAR_FEED_USER_HOOK,
    FOLLOW_LISTING_HOOK,
    GRANT_ROLE_PERMISSIONS_HOOK,
    SITE_SEARCH_HOOK,
)

from .documents import document_type
from .health import search_status
from .middleware import calendar_feed_user
from .models import SearchSynonym
from .query.facets import FACETS_BY_NAME
from .reports import EDITOR_PERMISSION, NoResultsQueriesReportView, PopularQueriesReportView

report_urls = [
    path("populara/", PopularQueriesReportView.as_view(), name="popular"),
    path(
        "populara/results/",
        PopularQueriesReportView.as_view(results_only=True),
        name="popular_results",
    ),
    path("utan-traffar/", NoResultsQueriesReportView.as_view(), name="no_results"),
    path(
        "utan-traffar/results/",
        NoResultsQueriesReportView.as_view(results_only=True),
        name="no_results_results",
    ),
]


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("sokstatistik/", include((report_urls, "search_reports")))]


class EditorReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(EDITOR_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_popular_queries_report():
    return EditorReportMenuItem(
        _("Popular searches"), reverse("search_reports:popular"), icon_name="search", order=1310
    )


@hooks.register("register_reports_menu_item")
def register_no_results_report():
    return EditorReportMenuItem(
        _("Searches without results"),
        reverse("search_reports:no_results"),
        icon_name="warning",
        order=1320,
    )


class SynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "link"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["terms"]
    panels = [FieldPanel("terms")]


register_snippet(SynonymViewSet)


class SearchIndexPanel(Component):
    """On the admin dashboard: whether the engine answers and how far behind the index is."""

    name = "search_index"
    template_name = "strategy_search/admin/index_panel.html"
    # Below the editors' own panels: drafts, reviews and shortcuts come first.
    order = 900

    def __init__(self, status):
        self.status = status

    def get_context_data(self, parent_context):
        return self.status


@hooks.register("construct_homepage_panels")
def add_search_index_panel(request, panels):
    """Administrators always see the search index; editors who look after search only while
    something needs explaining: the engine does not answer, or changes failed to index."""
    user = request.user
    if not (user.is_superuser or user.has_perm(EDITOR_PERMISSION)):
        return
    status = search_status()
    if user.is_superuser or search_needs_attention(status):
        panels.append(SearchIndexPanel(status))


def search_needs_attention(status):
    return status["engine"]["status"] == "unreachable" or bool(status["queue"].get("failing"))


@hooks.register(SITE_SEARCH_HOOK)
def site_search_url(request):
    """The content's pages show a search box that leads here, wherever the host mounted it."""
    try:
        return reverse("strategy_search:search")
    except NoReverseMatch:
        return ""


SEARCH_EDITING_ROLES = ("network_editors", "coordinators")
SEARCH_EDITING_PERMISSIONS = {
    "wagtailsearchpromotions": (
        "add_searchpromotion",
        "change_searchpromotion",
        "delete_searchpromotion",
    ),
    "strategy_search": ("add_searchsynonym", "change_searchsynonym", "delete_searchsynonym"),
}


@hooks.register(GRANT_ROLE_PERMISSIONS_HOOK)
def grant_search_editing(role, group):
    """Network editors and coordinators promote results, keep synonyms and read the reports."""
    if role not in SEARCH_EDITING_ROLES:
        return
    for app_label, codenames in SEARCH_EDITING_PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


# A host without a login requirement needs no middleware: the calendar asks this hook.
hooks.register(CALENDAR_FEED_USER_HOOK, calendar_feed_user)


@hooks.register(FOLLOW_LISTING_HOOK)
def offer_to_follow_listing(request, model):
    """A listing is followed as the search for its page type with the listing's filters."""
    fields = [("type", document_type(model))]
    fields += [
        (name, value)
        for name in FACETS_BY_NAME
        if name != "type"
        for value in request.GET.getlist(name)
    ]
    return {"url": reverse("strategy_search:follow"), "fields": fields}
