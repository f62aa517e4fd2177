"""The traceability matrix: committees against orientations, dimensions or themes, initiatives
counted by status, gaps flagged, filters, visibility, and the coordinators' admin view."""

import datetime
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from strategy_pages.models import FollowUpPage
from tests import factories

HL = "Hägersten-Liljeholmens stadsdelsnämnd"
SODERMALM = "Södermalms stadsdelsnämnd"
STOCKHOLMSHEM = "AB Stockholmshem"


ALL = "all"


class MatrixReader(HTMLParser):
    """The matrix table as a reader sees it: {(row header, column header): cell}, where a cell
    is {"text", "split", "href", "gap"}; the totals are in row and column ALL."""

    def __init__(self):
        super().__init__()
        self.headers, self.cells, self.row = [], {}, None
        self.in_matrix = self.in_head = self.in_foot = False
        self.current, self.part = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "matrix" in (attrs.get("class") or "").split():
            self.in_matrix = True
        if not self.in_matrix:
            return
        if tag == "thead":
            self.in_head = True
        elif tag == "tfoot":
            self.in_foot = True
        elif tag in ("th", "td"):
            classes = (attrs.get("class") or "").split()
            self.current = {"tag": tag, "text": "", "split": "", "href": "", "scope": ""}
            self.current.update(scope=attrs.get("scope", ""), gap="matrix__cell--gap" in classes)
            self.part = "text"
        elif tag == "a" and self.current is not None:
            self.current["href"] = attrs["href"]
        elif tag == "span" and "matrix__split" in (attrs.get("class") or ""):
            self.part = "split"
        elif tag == "span" and "visually-hidden" in (attrs.get("class") or ""):
            self.part = "hidden"
        elif tag == "tr":
            self.row, self.column = None, 0

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_matrix = False
        if not self.in_matrix:
            return
        if tag == "thead":
            self.in_head = False
        elif tag == "span" and self.current is not None:
            self.part = "text"
        elif tag in ("th", "td") and self.current is not None:
            self._end_cell(self.current)
            self.current = None

    def _end_cell(self, cell):
        cell["text"], cell["split"] = cell["text"].strip(), cell["split"].strip()
        if self.in_head:
            self.headers.append(cell["text"])
        elif cell["scope"] == "row":
            self.row = ALL if self.in_foot else cell["text"]
        elif cell["tag"] == "td":
            self.column += 1
            last = self.column == len(self.headers) - 1
            self.cells[(self.row, ALL if last else self.headers[self.column])] = cell

    def handle_data(self, data):
        if self.current is not None and self.part in ("text", "split"):
            self.current[self.part] += data


def read_matrix(response):
    assert response.status_code == 200
    reader = MatrixReader()
    reader.feed(response.content.decode())
    return reader


def query(url):
    return parse_qs(urlsplit(url).query)


@pytest.fixture
def follow_up(tree):
    page = FollowUpPage(title="Uppföljning av strategin", slug="uppfoljning")
    tree.strategy.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def initiatives(tree, add_showcase):
    o = tree.orientations
    social = factories.DimensionFactory(name="Social hållbarhet", slug="social")
    factories.DimensionFactory(name="Ekologisk hållbarhet", slug="ekologisk")
    return {
        "planned": add_showcase(status="planned", orientations=[o["samverkan"]]),
        "ongoing": add_showcase(
            status="ongoing",
            orientations=[o["samverkan"], o["profilering"]],
            dimensions=[social],
            themes=[tree.themes["forskola"]],
            start_date=datetime.date(2015, 3, 1),
        ),
        "ongoing_too": add_showcase(status="ongoing", orientations=[o["samverkan"]]),
        "completed": add_showcase(status="completed", orientations=[o["profilering"]]),
        "sodermalm": add_showcase("sodermalm", status="ongoing", orientations=[o["samverkan"]]),
    }


def test_a_cell_counts_a_committees_initiatives_by_status(follow_up, initiatives, staff_client):
    matrix = read_matrix(staff_client.get(follow_up.url))
    cell = matrix.cells[(HL, "Samverkan")]
    assert cell["text"] == "3"
    assert cell["split"] == "1 · 2 · 0"  # planned · ongoing · completed
    assert query(cell["href"]) == {
        "type": ["projectshowcase"],
        "committee": ["hagersten-liljeholmen"],
        "orientation": ["samverkan"],
    }
    assert matrix.cells[(HL, "Profilering")]["split"] == "0 · 1 · 1"
    # A showcase with two orientations counts once in its committee's and column's totals.
    row_total = matrix.cells[(HL, ALL)]
    assert (row_total["text"], row_total["split"]) == ("4", "1 · 2 · 1")
    assert query(row_total["href"])["committee"] == ["hagersten-liljeholmen"]
    column_total = matrix.cells[(ALL, "Samverkan")]
    assert column_total["text"] == "4"
    assert "committee" not in query(column_total["href"])
    assert matrix.cells[(ALL, ALL)]["text"] == "5"


def test_empty_cells_are_flagged_as_gaps_in_words_and_without_a_link(
    follow_up, initiatives, staff_client
):
    matrix = read_matrix(staff_client.get(follow_up.url))
    gap = matrix.cells[(STOCKHOLMSHEM, "Påverkan")]
    assert gap["gap"]
    assert gap["text"] == "–"
    assert gap["href"] == ""
    assert not matrix.cells[(HL, "Samverkan")]["gap"]
    gaps = [cell for cell in matrix.cells.values() if cell["gap"]]
    # 3 committees × 4 orientations with 3 filled, and the totals of Stockholmshem,
    # Omvärldsbevakning and Påverkan.
    assert len(gaps) == 3 * 4 - 3 + 3


def test_a_restricted_initiative_counts_only_for_those_who_may_see_it(
    follow_up, initiatives, people, client
):
    restriction = PageViewRestriction.objects.create(
        page=initiatives["planned"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(people.coordinator.groups.first())
    client.force_login(people.staff)
    assert read_matrix(client.get(follow_up.url)).cells[(HL, "Samverkan")]["split"] == "0 · 2 · 0"
    client.force_login(people.coordinator)
    assert read_matrix(client.get(follow_up.url)).cells[(HL, "Samverkan")]["split"] == "1 · 2 · 0"


def test_an_unpublished_initiative_is_not_counted(follow_up, initiatives, staff_client):
    initiatives["sodermalm"].unpublish()
    matrix = read_matrix(staff_client.get(follow_up.url))
    assert matrix.cells[(SODERMALM, "Samverkan")]["gap"]


def test_the_year_filter_counts_initiatives_started_that_year(follow_up, initiatives, staff_client):
    matrix = read_matrix(staff_client.get(follow_up.url, {"year": "2015"}))
    cell = matrix.cells[(HL, "Samverkan")]
    assert (cell["text"], cell["split"]) == ("1", "0 · 1 · 0")
    assert query(cell["href"])["year"] == ["2015"]
    assert matrix.cells[(SODERMALM, "Samverkan")]["gap"]


def test_the_kind_filter_shows_only_committees_of_that_kind(follow_up, initiatives, staff_client):
    matrix = read_matrix(staff_client.get(follow_up.url, {"kind": "district"}))
    assert {row for row, _column in matrix.cells} == {HL, SODERMALM, ALL}
    column_total = matrix.cells[(ALL, "Samverkan")]
    assert column_total["text"] == "4"
    assert sorted(query(column_total["href"])["committee"]) == [
        "hagersten-liljeholmen",
        "sodermalm",
    ]


@pytest.mark.parametrize(
    ("axis", "column", "expected"),
    [("dimension", "Social hållbarhet", "1"), ("theme", "Förskola", "1")],
)
def test_the_columns_can_be_dimensions_or_themes(
    follow_up, initiatives, staff_client, axis, column, expected
):
    matrix = read_matrix(staff_client.get(follow_up.url, {"axis": axis}))
    cell = matrix.cells[(HL, column)]
    assert cell["text"] == expected
    slug = {"dimension": "social", "theme": "forskola"}[axis]
    assert query(cell["href"])[axis] == [slug]
    assert "Samverkan" not in matrix.headers


def test_an_unknown_filter_value_is_reported_and_left_out(follow_up, initiatives, staff_client):
    response = staff_client.get(follow_up.url, {"axis": "budget", "year": "1066"})
    assert 'role="alert"' in response.content.decode()
    assert read_matrix(response).cells[(HL, "Samverkan")]["text"] == "3"


def test_without_a_search_the_cells_link_to_the_project_list(
    follow_up, initiatives, staff_client, monkeypatch, tree
):
    monkeypatch.setattr("strategy_pages.follow_up.matrix.site_search_url", lambda request: "")
    cell = read_matrix(staff_client.get(follow_up.url)).cells[(HL, "Samverkan")]
    assert cell["href"].startswith(tree.showcase_index.url + "?")
    listing = staff_client.get(cell["href"])
    assert listing.context["paginator"].count == 3


def test_the_matrix_takes_as_many_queries_for_many_initiatives_as_for_few(
    follow_up, tree, add_showcase, staff_client
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(follow_up.url).status_code == 200
        return len(captured)

    add_showcase(orientations=[tree.orientations["samverkan"]])
    queries()  # the menu and the site are cached after the first request
    few = queries()
    for committee in ("hagersten-liljeholmen", "sodermalm", "stockholmshem"):
        for status in ("planned", "ongoing", "completed"):
            add_showcase(committee, status=status, orientations=list(tree.orientations.values()))
    assert queries() == few


def test_the_admin_view_is_for_those_who_follow_up(follow_up, initiatives, people, client):
    client.force_login(people.network_editor)  # may use the admin, but not follow up
    refused = client.get("/admin/sparbarhet/")
    assert refused.status_code == 302
    assert "Samverkan" not in client.get(refused.url).content.decode()
    client.force_login(people.staff)
    assert client.get("/admin/sparbarhet/").status_code == 302

    client.force_login(people.coordinator)
    response = client.get("/admin/sparbarhet/", {"axis": "orientation"})
    cell = read_matrix(response).cells[(HL, "Samverkan")]
    assert cell["text"] == "3"
    assert cell["href"].startswith("/sok/?type=projectshowcase&")


def test_the_reports_menu_offers_the_matrix_to_coordinators_only(people, client):
    client.force_login(people.coordinator)
    assert "/admin/sparbarhet/" in client.get("/admin/").content.decode()
    client.force_login(people.network_editor)
    assert "/admin/sparbarhet/" not in client.get("/admin/").content.decode()
