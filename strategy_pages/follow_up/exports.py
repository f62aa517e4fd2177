"""Exports for the city's management system: the committees' projects and study visits as CSV
and XLSX, from Wagtail's report views, with every classification field.

Project titles and addresses are given only for the live projects the exporting user may see.
In CSV, text cells that start like a formula get a leading apostrophe (XLSX has text cells),
dates are ISO 8601 text (YYYY-MM-DD) and moments Stockholm time (YYYY-MM-DD HH:MM:SS); in XLSX
they are date cells. Values of many (orientations, themes, partners) are joined by "; "."""

import datetime
import html
import re
from functools import cached_property

import django_filters
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from ..models import Committee, ProjectShowcasePage, StudyVisit
from ..spreadsheets import as_text_cell, as_workbook_cell
from ..visibility import visible_to
from .access import FollowUpMenuItem, FollowUpOnlyMixin

#: Coordinators have it: they follow up the committees' projects and export them.
MANY_SEPARATOR = "; "
BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def joined(values):
    return MANY_SEPARATOR.join(str(value) for value in values if value)


def plain_text(rich_text):
    """Rich text as the plain text a spreadsheet cell holds: one line per paragraph."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", rich_text or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def local_moment(moment):
    """A moment as Stockholm's wall-clock time, which a spreadsheet shows as it is."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0)


def partner_text(partner):
    value = partner.value
    return ", ".join(
        part for part in (value["organisation"], value["city"], value["country"]) if part
    )


class VisibleShowcases:
    """The projects whose title and address an export may show: the live ones the request may
    see, read once, when a row first asks."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def ids(self):
        showcases = visible_to(ProjectShowcasePage.objects.all(), self.request)
        return set(showcases.values_list("pk", flat=True))

    def shows(self, page):
        return page is not None and page.pk in self.ids

    def title(self, page):
        return page.title if self.shows(page) else ""

    def url(self, page):
        return page.get_full_url(self.request) if self.shows(page) else ""


class ExportColumn:
    """One column of an export: its key, its heading and how a row's value is read."""

    def __init__(self, key, heading, value):
        self.key = key
        self.heading = heading
        self.value = value


def showcase_columns(request):
    visible = VisibleShowcases(request)
    return [
        ExportColumn("id", _("ID"), lambda p: p.pk),
        ExportColumn("title", _("Title"), lambda p: p.title),
        ExportColumn("committee", _("Committee or company"), lambda p: str(p.committee or "")),
        ExportColumn(
            "committee_kind",
            _("Type of committee"),
            lambda p: p.committee.get_kind_display() if p.committee else "",
        ),
        ExportColumn("status", _("Status"), lambda p: p.get_status_display()),
        ExportColumn("start_date", _("Start date"), lambda p: p.start_date),
        ExportColumn("end_date", _("End date"), lambda p: p.end_date),
        ExportColumn("orientations", _("Orientations"), lambda p: joined(p.orientations.all())),
        ExportColumn(
            "dimensions", _("Sustainability dimensions"), lambda p: joined(p.dimensions.all())
        ),
        ExportColumn("themes", _("Themes"), lambda p: joined(p.themes.all())),
        ExportColumn(
            "partners",
            _("International partners"),
            lambda p: joined(partner_text(partner) for partner in p.partners),
        ),
        ExportColumn("contact_name", _("Contact person"), lambda p: p.contact_name),
        ExportColumn("contact_email", _("Contact email"), lambda p: p.contact_email),
        ExportColumn("contact_phone", _("Contact phone"), lambda p: p.contact_phone),
        ExportColumn("results", _("Results"), lambda p: plain_text(p.results)),
        ExportColumn(
            "lessons_learned", _("Lessons learned"), lambda p: plain_text(p.lessons_learned)
        ),
        ExportColumn(
            "transferability", _("Transferability"), lambda p: plain_text(p.transferability)
        ),
        ExportColumn(
            "reused_from",
            _("Reuses the initiative"),
            lambda p: visible.title(p.reused_from),
        ),
        ExportColumn("url", _("Address"), visible.url),
        ExportColumn(
            "last_published_at", _("Last published"), lambda p: local_moment(p.last_published_at)
        ),
    ]


def visit_columns(request):
    visible = VisibleShowcases(request)
    return [
        ExportColumn("direction", _("Direction"), lambda v: v.get_direction_display()),
        ExportColumn("committee", _("Host committee or company"), lambda v: str(v.committee)),
        ExportColumn("organisation", _("Visiting city or organisation"), lambda v: v.organisation),
        ExportColumn("country", _("Country"), lambda v: v.country),
        ExportColumn("start_date", _("First day"), lambda v: v.start_date),
        ExportColumn("end_date", _("Last day"), lambda v: v.last_day),
        ExportColumn("purpose", _("Purpose"), lambda v: v.purpose),
        ExportColumn("contact_name", _("Contact person"), lambda v: v.contact_name),
        ExportColumn("contact_email", _("Contact email"), lambda v: v.contact_email),
        ExportColumn("project", _("Project"), lambda v: visible.title(v.showcase)),
        ExportColumn("project_url", _("Project address"), lambda v: visible.url(v.showcase)),
    ]


def year_filter(model):
    """Filters by start year, offering the years that some row starts in."""

    def years():
        days = model.objects.dates("start_date", "year", order="DESC")
        return [(day.year, day.year) for day in days]

    return django_filters.TypedChoiceFilter(
        label=_("Start year"),
        field_name="start_date",
        lookup_expr="year",
        coerce=int,
        choices=years,
    )


def committee_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Committee or company"), queryset=Committee.objects.all()
    )


class ShowcaseExportFilterSet(WagtailFilterSet):
    committee = committee_filter()
    year = year_filter(ProjectShowcasePage)

    class Meta:
        model = ProjectShowcasePage
        fields = ["committee", "year"]


class VisitExportFilterSet(WagtailFilterSet):
    committee = committee_filter()
    year = year_filter(StudyVisit)

    class Meta:
        model = StudyVisit
        fields = ["committee", "year"]


class ManagementSystemExportView(FollowUpOnlyMixin, ReportView):
    """A report for the coordinators whose spreadsheet has one column per `export_columns`."""

    header_icon = "download"
    text_preprocess = {
        ReportView.FORMAT_CSV: as_text_cell,
        ReportView.FORMAT_XLSX: as_workbook_cell,
    }
    custom_value_preprocess = {
        # Stockholm time, already naive: Wagtail would move an aware moment to UTC.
        datetime.datetime: {ReportView.FORMAT_XLSX: None},
        (datetime.date, datetime.time): {ReportView.FORMAT_XLSX: None},
        str: text_preprocess,
    }

    def export_columns(self):
        raise NotImplementedError

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.columns_by_key = {column.key: column for column in self.export_columns()}

    @property
    def list_export(self):
        return list(self.columns_by_key)

    @property
    def export_headings(self):
        return {key: column.heading for key, column in self.columns_by_key.items()}

    def to_row_dict(self, item):
        return {key: column.value(item) for key, column in self.columns_by_key.items()}

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"


class ShowcaseExportView(ManagementSystemExportView):
    page_title = _("Projects for the management system")
    index_url_name = "strategy_exports:showcases"
    index_results_url_name = "strategy_exports:showcases_results"
    filterset_class = ShowcaseExportFilterSet
    export_filename = "projekt"

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Project"),
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            ),
            Column("committee", label=_("Committee or company")),
            Column("status", label=_("Status"), accessor="get_status_display"),
            DateColumn("start_date", label=_("Start date")),
            DateColumn("end_date", label=_("End date")),
        ]

    def export_columns(self):
        return showcase_columns(self.request)

    def get_queryset(self):
        showcases = visible_to(ProjectShowcasePage.objects.all(), self.request)
        return (
            showcases.select_related("committee", "reused_from")
            .prefetch_related("orientations", "dimensions", "themes")
            .order_by("committee__name", "-start_date", "pk")
        )


class VisitExportView(ManagementSystemExportView):
    page_title = _("Study visits for the management system")
    index_url_name = "strategy_exports:visits"
    index_results_url_name = "strategy_exports:visits_results"
    filterset_class = VisitExportFilterSet
    export_filename = "studiebesok"

    @property
    def columns(self):
        return [
            Column("organisation", label=_("Visiting city or organisation")),
            Column("direction", label=_("Direction"), accessor="get_direction_display"),
            Column("committee", label=_("Host committee or company")),
            DateColumn("start_date", label=_("First day")),
            DateColumn("end_date", label=_("Last day"), accessor="last_day"),
        ]

    def export_columns(self):
        return visit_columns(self.request)

    def get_queryset(self):
        return StudyVisit.objects.select_related("committee", "showcase").order_by(
            "-start_date", "organisation", "pk"
        )


export_urls = [
    path("projekt/", ShowcaseExportView.as_view(), name="showcases"),
    path(
        "projekt/results/",
        ShowcaseExportView.as_view(results_only=True),
        name="showcases_results",
    ),
    path("studiebesok/", VisitExportView.as_view(), name="visits"),
    path("studiebesok/results/", VisitExportView.as_view(results_only=True), name="visits_results"),
]


@hooks.register("register_admin_urls")
def register_export_urls():
    return [path("export/", include((export_urls, "strategy_exports")))]


@hooks.register("register_reports_menu_item")
def register_showcase_export():
    return FollowUpMenuItem(
        _("Projects for the management system"),
        reverse("strategy_exports:showcases"),
        icon_name="download",
        order=1220,
    )


@hooks.register("register_reports_menu_item")
def register_visit_export():
    return FollowUpMenuItem(
        _("Study visits for the management system"),
        reverse("strategy_exports:visits"),
        icon_name="download",
        order=1230,
    )
