"""Every number in the demo's traceability matrix is the number of results the search API gives
for the same filters and the same user, on the database and on the real engine."""

from io import StringIO
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from strategy_pages.models import FollowUpPage, ProjectShowcasePage, RoleGroup
from strategy_pages.roles import role_group

FILTERS = [
    {"axis": "orientation"},
    {"axis": "dimension"},
    {"axis": "theme"},
    {"axis": "orientation", "year": "2015"},
    {"axis": "dimension", "kind": "district"},
    {"axis": "theme", "kind": "specialist", "year": "2016"},
]


@pytest.fixture
def demo(db, settings, tmp_path, backend, reindex):
    """The demo intranet, one of its showcases visible to the coordinators only."""
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())
    restricted = ProjectShowcasePage.objects.get(slug="inkommande-studiebesok")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(role_group(RoleGroup.Role.COORDINATORS))
    reindex()
    return FollowUpPage.objects.get(slug="uppfoljning")


@pytest.fixture
def staff(client):
    client.force_login(get_user_model().objects.get(username="medarbetare"))
    return client


def search_total(client, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content.decode()
    return response.json()["total"]


def counted(matrix):
    """(what, tally, the search parameters it stands for) for every number in the matrix."""
    axis, year = matrix.axis.name, matrix.year
    base = [("type", "projectshowcase"), *([("year", str(year))] if year else [])]
    rows = [row for group in matrix.groups for row in group.rows]
    kind_scope = [("committee", row.committee.slug) for row in rows] if matrix.kind else []
    yield "everything", matrix.tally, [*base, *kind_scope]
    for column in matrix.columns:
        yield column.name, column.tally, [*base, *kind_scope, (axis, column.slug)]
    for group in matrix.groups:
        committees = [("committee", row.committee.slug) for row in group.rows]
        yield group.label, group.tally, [*base, *committees]
    for row in rows:
        committee = ("committee", row.committee.slug)
        yield row.committee.name, row.tally, [*base, committee]
        for column, cell in zip(matrix.columns, row.cells, strict=True):
            yield (
                f"{row.committee.name} × {column.name}",
                cell,
                [*base, committee, (axis, column.slug)],
            )


def as_set(params):
    return sorted((name, str(value)) for name, value in params)


def test_every_count_in_the_matrix_is_what_the_search_finds(demo, staff):
    """One demo for every filter: loading it takes longer than the searches."""
    for filters in FILTERS:
        matrix = staff.get(demo.url, filters).context["matrix"]
        assert matrix.tally.total > 0, filters
        linked = 0
        for what, tally, params in counted(matrix):
            assert search_total(staff, params) == tally.total, (filters, what, params)
            if tally.is_gap:
                continue
            # The link says the same: following it finds the same initiatives.
            assert as_set(parse_qsl(urlsplit(tally.url).query)) == as_set(params), what
            linked += 1
        assert linked > 0, filters


def test_each_status_count_is_what_the_search_finds(demo, staff):
    matrix = staff.get(demo.url).context["matrix"]
    for column in matrix.columns:
        for status, _label, count, url in column.tally.statuses:
            params = parse_qsl(urlsplit(url).query)
            assert ("status", status) in params
            assert search_total(staff, params) == count, (column.name, status)


def test_the_restricted_initiative_counts_for_coordinators_in_the_matrix_and_the_search(
    demo, client
):
    client.force_login(get_user_model().objects.get(username="samordnare"))
    coordinators = client.get(demo.url).context["matrix"].tally
    client.force_login(get_user_model().objects.get(username="medarbetare"))
    staff = client.get(demo.url).context["matrix"].tally
    assert coordinators.total == staff.total + 1
    assert search_total(client, {"type": "projectshowcase"}) == staff.total
