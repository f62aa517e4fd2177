"""The strategy traceability matrix: committees against the strategy's orientations, the
budget's sustainability dimensions or the themes, with the initiatives (project showcases) in
each cell counted by status, and every count a link to the search that finds exactly them.

Counts follow the search's rules, so a cell's number is the number of results its link finds:
live showcases in the request's site that the user may see, a showcase's year is the year of
its start date, and several values of one filter widen (a column total over the committees of
one kind). The whole matrix takes a fixed number of queries, however many showcases: each
visible showcase's committee, status and start date, and the axis's classification rows, counted
in memory.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlencode

from django import forms
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import PageViewRestriction, Site

from ..conf import site_search_url
from ..models.showcases import ProjectShowcasePage, ShowcaseIndexPage
from ..models.taxonomy import (
    Committee,
    CommitteeKind,
    Orientation,
    ShowcaseStatus,
    SustainabilityDimension,
    Theme,
)
from ..visibility import visible_to
from .access import FollowUpMenuItem, FollowUpOnlyMixin
from .charts import stacked_bars

#: The search's name for the showcases' page type (its `type` parameter).
SHOWCASE_TYPE = "projectshowcase"
STATUSES = list(ShowcaseStatus)


@dataclass(frozen=True)
class Axis:
    """What the matrix's columns are: the filter parameter, the classification model and the
    showcase's relation to it."""

    name: str
    label: str
    singular: str
    model: type
    relation: str


AXES = {
    "orientation": Axis(
        "orientation", _("Orientations"), _("Orientation"), Orientation, "orientations"
    ),
    "dimension": Axis(
        "dimension",
        _("Sustainability dimensions"),
        _("Sustainability dimension"),
        SustainabilityDimension,
        "dimensions",
    ),
    "theme": Axis("theme", _("Themes"), _("Theme"), Theme, "themes"),
}
DEFAULT_AXIS = "orientation"


class MatrixFilterForm(forms.Form):
    """The matrix's filters, read from the query string; an invalid value is reported and left
    out rather than failing the page."""

    axis = forms.ChoiceField(
        label=pgettext_lazy("matrix", "Columns"),
        required=False,
        choices=[(name, axis.label) for name, axis in AXES.items()],
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(
        label=_("Type of committee"),
        required=False,
        choices=[("", _("All committees and companies")), *CommitteeKind.choices],
    )

    def __init__(self, data, years=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]

    def filters(self):
        """(axis name, year or None, committee kind or "") from the valid fields."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        return data["axis"] or DEFAULT_AXIS, data["year"], data["kind"] or ""


def status_labels():
    """(status, label) in the statuses' order, in the active language; read once a matrix."""
    return [(status.value, str(status.label)) for status in STATUSES]


@dataclass
class Tally:
    """Initiatives by status, their total and the search that lists them."""

    by_status: dict = field(default_factory=dict)
    url: str = ""
    status_urls: dict = field(default_factory=dict)
    #: A row's, a column's or the grand total, rather than one committee's cell.
    is_total: bool = False
    labels: list = field(default_factory=status_labels, repr=False)

    @property
    def total(self):
        return sum(self.by_status.values())

    @property
    def is_gap(self):
        return self.total == 0

    @property
    def statuses(self):
        """(status value, label, count, url) in the statuses' order."""
        return [
            (status, label, self.by_status.get(status, 0), self.status_urls.get(status, ""))
            for status, label in self.labels
        ]

    @property
    def split(self):
        """The counts by status, as the matrix shows them under the total: "1 · 2 · 0"."""
        return " · ".join(str(self.by_status.get(status, 0)) for status, _label in self.labels)

    @property
    def in_words(self):
        """ "Planned: 1, Ongoing: 2, Completed: 0"."""
        return ", ".join(
            f"{label}: {self.by_status.get(status, 0)}" for status, label in self.labels
        )

    def add(self, status, count):
        self.by_status[status] = self.by_status.get(status, 0) + count


@dataclass
class Column:
    slug: str
    name: str
    tally: Tally


@dataclass
class Row:
    committee: Committee
    cells: list
    tally: Tally

    @property
    def entries(self):
        """The row's cells, then its total."""
        return [*self.cells, self.tally]


@dataclass
class KindGroup:
    kind: str
    label: str
    rows: list
    tally: Tally


@dataclass
class Matrix:
    axis: Axis
    columns: list
    groups: list
    tally: Tally
    year: int | None = None
    kind: str = ""

    @property
    def footer(self):
        """Each column's total, then the grand total."""
        return [*(column.tally for column in self.columns), self.tally]

    @property
    def kind_label(self):
        return CommitteeKind(self.kind).label if self.kind else ""

    @property
    def gap_count(self):
        return sum(cell.is_gap for group in self.groups for row in group.rows for cell in row.cells)

    @property
    def cell_count(self):
        return sum(len(row.cells) for group in self.groups for row in group.rows)


def visible_showcases(request):
    """Live showcases of the request's site that its user may see, as the search counts them:
    search leaves out password-protected pages for everyone (a password is given per visit)."""
    showcases = ProjectShowcasePage.objects.in_site(Site.find_for_request(request))
    showcases = visible_to(showcases, request)
    protected = PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.PASSWORD)
    for protected_path in protected.values_list("page__path", flat=True):
        showcases = showcases.exclude(path__startswith=protected_path)
    return showcases


def visible_initiatives(request):
    """{showcase id: (committee id, status, start year or None)} of the showcases the request
    may see, in one query."""
    rows = visible_showcases(request).order_by()
    rows = rows.values_list("pk", "committee", "status", "start_date")
    return {pk: (committee, status, start and start.year) for pk, committee, status, start in rows}


def _classified(axis):
    """(showcase id, column id) of every showcase's value of the axis, read from the relation's
    own table: joining the pages there would cost more than it saves."""
    relation = ProjectShowcasePage._meta.get_field(axis.relation)
    through = relation.remote_field.through
    return through.objects.values_list(relation.m2m_column_name(), relation.m2m_reverse_name())


def build_matrix(request, initiatives, axis_name=DEFAULT_AXIS, year=None, kind=""):
    """The matrix of `initiatives` (see visible_initiatives) with the given filters."""
    axis = AXES[axis_name]
    tally = partial(Tally, labels=status_labels())
    committees = list(Committee.objects.order_by("name"))
    if kind:
        committees = [committee for committee in committees if committee.kind == kind]
    in_kind = {committee.pk for committee in committees}
    chosen = {
        pk: (committee, status)
        for pk, (committee, status, started) in initiatives.items()
        if (not year or started == year) and (not kind or committee in in_kind)
    }
    columns = {
        pk: Column(slug, name, tally(is_total=True))
        for pk, slug, name in axis.model.objects.values_list("pk", "slug", "name")
    }
    groups = _groups(committees, columns, tally)
    rows = {row.committee.pk: row for group in groups for row in group.rows}
    total = tally(is_total=True)
    for (committee_id, status), count in Counter(chosen.values()).items():
        total.add(status, count)
        if committee_id in rows:
            rows[committee_id].tally.add(status, count)
    cells = Counter((*chosen[pk], column_id) for pk, column_id in _classified(axis) if pk in chosen)
    for (committee_id, status, column_id), count in cells.items():
        columns[column_id].tally.add(status, count)
        if committee_id in rows:
            rows[committee_id].cells[column_id].add(status, count)
    for group in groups:
        for row in group.rows:
            row.cells = list(row.cells.values())
            for status, count in row.tally.by_status.items():
                group.tally.add(status, count)
    matrix = Matrix(axis, list(columns.values()), groups, total, year, kind)
    SearchLinks.for_request(request, axis, year).add_to(matrix)
    return matrix


def _groups(committees, columns, tally):
    """The committees' rows, grouped by kind in CommitteeKind's order, by name within."""
    by_kind = {kind: [] for kind in CommitteeKind}
    for committee in committees:
        cells = {pk: tally() for pk in columns}
        row = Row(committee, cells, tally(is_total=True))
        by_kind[CommitteeKind(committee.kind)].append(row)
    return [
        KindGroup(kind.value, kind.label, rows, tally(is_total=True))
        for kind, rows in by_kind.items()
        if rows
    ]


class SearchLinks:
    """Addresses of the search (or, without a search app, the project list) with the filters
    of a cell, a row, a column or a status."""

    def __init__(self, base_url, base_params, axis, year):
        self.base_url, self.axis = base_url, axis
        self.base_params = [*base_params, *([("year", year)] if year else [])]
        self._encoded = {}

    @classmethod
    def for_request(cls, request, axis, year):
        search_url = site_search_url(request)
        if search_url:
            return cls(search_url, [("type", SHOWCASE_TYPE)], axis, year)
        listings = ShowcaseIndexPage.objects.in_site(Site.find_for_request(request))
        listing = visible_to(listings, request).first()
        return cls(listing.get_url(request) if listing else "", [], axis, year)

    def url(self, committees=(), column=None, status=None):
        if not self.base_url:
            return ""
        params = [*self.base_params, *(("committee", slug) for slug in committees)]
        if column:
            params.append((self.axis.name, column))
        if status:
            params.append(("status", status))
        return f"{self.base_url}?{'&'.join(map(self._encode, params))}"

    def _encode(self, param):
        """One name=value, encoded once: a matrix repeats each committee and column often."""
        encoded = self._encoded.get(param)
        if encoded is None:
            encoded = self._encoded[param] = urlencode([param])
        return encoded

    def link(self, tally, committees=(), column=None):
        tally.url = self.url(committees, column)
        tally.status_urls = {s.value: self.url(committees, column, s.value) for s in STATUSES}

    def add_to(self, matrix):
        all_committees = [row.committee.slug for group in matrix.groups for row in group.rows]
        if matrix.kind and not all_committees:
            return  # no committee of that kind: a search without the filter would find others
        # Without a kind every showcase counts, one without a committee too.
        scope = all_committees if matrix.kind else []
        self.link(matrix.tally, scope)
        for column in matrix.columns:
            self.link(column.tally, scope, column.slug)
        for group in matrix.groups:
            self.link(group.tally, [row.committee.slug for row in group.rows])
            for row in group.rows:
                row.tally.url = self.url([row.committee.slug])
                for column, cell in zip(matrix.columns, row.cells, strict=True):
                    cell.url = self.url([row.committee.slug], column.slug)


def matrix_context(request):
    """Template context of the matrix with the request's filters: the filter form, the
    matrix and its charts. Shared by the follow-up page and the coordinators' admin view."""
    initiatives = visible_initiatives(request)
    years = sorted({year for _c, _s, year in initiatives.values() if year}, reverse=True)
    form = MatrixFilterForm(request.GET, years=years)
    axis, year, kind = form.filters()
    matrix = build_matrix(request, initiatives, axis, year, kind)
    return {"matrix_form": form, "matrix": matrix, "matrix_charts": charts(matrix)}


def charts(matrix):
    """Initiatives by status, per column of the axis and per kind of committee."""
    by_column = stacked_bars(
        "columns",
        _("Initiatives by %(axis)s and status") % {"axis": matrix.axis.singular.lower()},
        [(column.name, column.tally) for column in matrix.columns],
    )
    by_kind = stacked_bars(
        "kinds",
        _("Initiatives by type of committee and status"),
        [(group.label, group.tally) for group in matrix.groups],
    )
    return [by_column, by_kind]


class MatrixAdminView(FollowUpOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """The matrix in the admin, for those who follow up the committees' work."""

    page_title = _("Strategy traceability matrix")
    header_icon = "table"
    template_name = "strategy_pages/admin/follow_up_matrix.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **matrix_context(self.request)}


@hooks.register("register_admin_urls")
def register_matrix_urls():
    urls = [path("", MatrixAdminView.as_view(), name="matrix")]
    return [path("sparbarhet/", include((urls, "strategy_matrix")))]


@hooks.register("register_reports_menu_item")
def register_matrix_menu_item():
    return FollowUpMenuItem(
        _("Strategy traceability matrix"),
        reverse("strategy_matrix:matrix"),
        icon_name="table",
        order=1190,
    )
