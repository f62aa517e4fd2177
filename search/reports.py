"""Reports for editors: what staff search for, and what they search for in vain."""

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

from strategy_pages.spreadsheets import as_text_cell, as_workbook_cell

REPORT_DAYS = 90
EDITOR_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


class SearchReportView(ReportView):
    """Open to the editors who manage promoted results, not only to superusers."""

    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-_hits"
    hits_label = _("Searches")

    @property
    def columns(self):
        return [
            Column("query_string", label=_("Search term"), sort_key="query_string"),
            NumberColumn("_hits", label=self.hits_label, sort_key="_hits"),
        ]

    custom_field_preprocess = {"query_string": {"csv": as_text_cell, "xlsx": as_workbook_cell}}

    @property
    def list_export(self):
        return ["query_string", "_hits"]

    def since(self):
        return timezone.localdate() - timezone.timedelta(days=REPORT_DAYS)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(EDITOR_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class PopularQueriesReportView(SearchReportView):
    page_title = _("Popular searches")
    index_url_name = "search_reports:popular"
    index_results_url_name = "search_reports:popular_results"

    def get_base_queryset(self):
        return Query.get_most_popular(date_since=self.since())


class NoResultsQueriesReportView(SearchReportView):
    page_title = _("Searches without results")
    index_url_name = "search_reports:no_results"
    index_results_url_name = "search_reports:no_results_results"
    hits_label = _("Searches without results")

    def get_base_queryset(self):
        return (
            Query.objects.filter(no_results_daily_hits__date__gte=self.since())
            .annotate(_hits=Sum("no_results_daily_hits__hits"))
            .filter(_hits__gt=0)
        )
