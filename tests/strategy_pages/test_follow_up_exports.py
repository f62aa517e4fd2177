"""The exports for the city's management system: every field of a project and a study visit
comes back from the CSV and the XLSX as it was entered, and nothing in a cell runs as a formula."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from strategy_pages.follow_up.exports import showcase_columns, visit_columns
from strategy_pages.models import StudyVisit, VisitDirection
from tests import factories

pytestmark = pytest.mark.django_db

SHOWCASES_URL = reverse("strategy_exports:showcases")
VISITS_URL = reverse("strategy_exports:visits")


def download(client, url, export_format, **filters):
    """The rows of an export, each a dict by column key (the headings are in Swedish)."""
    response = client.get(url, {"export": export_format, **filters})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    else:
        rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    keys = column_keys(url)
    assert list(rows[0]) == list(keys)
    return [dict(zip(keys.values(), row, strict=True)) for row in rows[1:]]


def column_keys(url):
    """{Swedish heading: key} of the export's columns, in their order."""
    columns = showcase_columns(None) if url == SHOWCASES_URL else visit_columns(None)
    with translation.override("sv"):
        return {str(column.heading): column.key for column in columns}


def as_date(value):
    """A date cell as read back: a date cell in XLSX, ISO 8601 text in CSV."""
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    assert type(value) is datetime.date
    return value


def text(value):
    """An empty cell reads back as None from XLSX and as "" from CSV."""
    return value or ""


@pytest.fixture
def showcase(add_showcase, tree):
    origin = add_showcase("sodermalm", title="Äldreomsorg med Köpenhamn")
    page = add_showcase(
        title="Kompetensutbyte inom förskolan",
        status="completed",
        start_date=datetime.date(2015, 8, 15),
        end_date=datetime.date(2016, 6, 30),
        contact_name="Karin Lind",
        contact_email="karin.lind@example.org",
        contact_phone="08-508 123 45",
        results="<p>Utomhuspedagogik i <b>tre</b> förskolor &amp; en fritidsgård.</p>",
        lessons_learned="<p>Förbered besöken med tolk.</p><p>Boka tidigt.</p>",
        transferability='<p>Se <a href="https://example.org">Erasmus+</a>.</p>',
        reused_from=origin,
        partners=[
            (
                "partner",
                {
                    "organisation": "Förskoleförvaltningen",
                    "city": "Helsingfors",
                    "country": "Finland",
                },
            ),
            ("partner", {"organisation": "Kindergarten network", "city": "", "country": "Estland"}),
        ],
    )
    social = factories.DimensionFactory(name="Social hållbarhet", slug="social", sort_order=1)
    democratic = factories.DimensionFactory(
        name="Demokratisk hållbarhet", slug="demokratisk", sort_order=4
    )
    page.orientations.set([tree.orientations["samverkan"], tree.orientations["profilering"]])
    page.dimensions.set([democratic, social])
    page.themes.set([tree.themes["forskola"], tree.themes["demokrati"]])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def visit(showcase, tree):
    return StudyVisit.objects.create(
        direction="incoming",
        committee=tree.committees["hagersten-liljeholmen"],
        organisation="Helsingfors stad",
        country="Finland",
        purpose="Se hur förskolorna arbetar med utomhuspedagogik.",
        start_date=datetime.date(2016, 3, 14),
        end_date=datetime.date(2016, 3, 15),
        contact_name="Karin Lind",
        contact_email="karin.lind@example.org",
        showcase=showcase,
    )


@pytest.fixture
def coordinator_client(client, people):
    client.force_login(people.coordinator)
    return client


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_every_field_of_a_project_comes_back(coordinator_client, showcase, export_format):
    [row] = [
        row
        for row in download(coordinator_client, SHOWCASES_URL, export_format)
        if row["title"] == "Kompetensutbyte inom förskolan"
    ]
    assert int(row["id"]) == showcase.pk
    assert row["committee"] == "Hägersten-Liljeholmens stadsdelsnämnd"
    assert row["committee_kind"] == "Stadsdelsnämnd"
    assert row["status"] == "Avslutat"
    assert as_date(row["start_date"]) == datetime.date(2015, 8, 15)
    assert as_date(row["end_date"]) == datetime.date(2016, 6, 30)
    assert row["orientations"] == "Profilering; Samverkan"
    assert row["dimensions"] == "Social hållbarhet; Demokratisk hållbarhet"
    assert row["themes"] == "Demokratiutveckling; Förskola"
    assert row["partners"] == (
        "Förskoleförvaltningen, Helsingfors, Finland; Kindergarten network, Estland"
    )
    assert (row["contact_name"], row["contact_email"], row["contact_phone"]) == (
        "Karin Lind",
        "karin.lind@example.org",
        "08-508 123 45",
    )
    assert row["results"] == "Utomhuspedagogik i tre förskolor & en fritidsgård."
    assert row["lessons_learned"] == "Förbered besöken med tolk.\nBoka tidigt."
    assert row["transferability"] == "Se Erasmus+."
    assert row["reused_from"] == "Äldreomsorg med Köpenhamn"
    assert row["url"] == "http://localhost/namnder/hagersten-liljeholmen/" + showcase.slug + "/"
    published = timezone.localtime(showcase.last_published_at).replace(microsecond=0, tzinfo=None)
    last_published = row["last_published_at"]
    if export_format == "csv":
        last_published = datetime.datetime.fromisoformat(last_published)
    assert last_published == published


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_every_field_of_a_visit_comes_back(coordinator_client, visit, showcase, export_format):
    [row] = download(coordinator_client, VISITS_URL, export_format)
    with translation.override("sv"):
        assert row["direction"] == str(VisitDirection.INCOMING.label)
    assert row["committee"] == "Hägersten-Liljeholmens stadsdelsnämnd"
    assert row["organisation"] == "Helsingfors stad"
    assert row["country"] == "Finland"
    assert as_date(row["start_date"]) == datetime.date(2016, 3, 14)
    assert as_date(row["end_date"]) == datetime.date(2016, 3, 15)
    assert row["purpose"] == "Se hur förskolorna arbetar med utomhuspedagogik."
    assert (row["contact_name"], row["contact_email"]) == ("Karin Lind", "karin.lind@example.org")
    assert row["project"] == "Kompetensutbyte inom förskolan"
    assert row["project_url"] == showcase.get_full_url()


FORMULA_TITLE = '=HYPERLINK("https://example.org","Klicka")'


def test_a_formula_comes_back_as_text_in_csv(coordinator_client, add_showcase, tree):
    add_showcase(title=FORMULA_TITLE, contact_name="@SUM(A1)", contact_phone="+46 8 508 000 00")
    for organisation in ("=1+1", " =1+1", "\n=1+1", "\uff1d1+1", "\uff20SUM(A1)"):
        StudyVisit.objects.create(
            committee=tree.committees["sodermalm"],
            organisation=organisation,
            start_date=datetime.date(2016, 5, 1),
        )
    [project] = download(coordinator_client, SHOWCASES_URL, "csv")
    assert project["title"] == f"'{FORMULA_TITLE}"
    assert project["contact_name"] == "'@SUM(A1)"
    assert project["contact_phone"] == "'+46 8 508 000 00"
    visits = download(coordinator_client, VISITS_URL, "csv")
    assert sorted(visit["organisation"] for visit in visits) == sorted(
        ["'=1+1", "' =1+1", "'\n=1+1", "'\uff1d1+1", "'\uff20SUM(A1)"]
    )


def test_a_formula_comes_back_as_it_was_typed_in_xlsx(coordinator_client, add_showcase):
    add_showcase(title=FORMULA_TITLE, contact_name="@SUM(A1)", contact_phone="+46 8 508 000 00")
    response = coordinator_client.get(SHOWCASES_URL, {"export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    cells = {str(sheet.cell(1, n).value): sheet.cell(2, n) for n in range(1, sheet.max_column + 1)}
    keys = column_keys(SHOWCASES_URL)
    cells = {keys[heading]: cell for heading, cell in cells.items()}
    assert (cells["title"].value, cells["title"].data_type) == (FORMULA_TITLE, "s")
    assert (cells["contact_name"].value, cells["contact_name"].data_type) == ("@SUM(A1)", "s")
    assert cells["contact_phone"].value == "+46 8 508 000 00"


def test_an_empty_cell_stays_empty(coordinator_client, add_showcase):
    add_showcase(title="Utan slutdatum", end_date=None)
    [csv_row] = download(coordinator_client, SHOWCASES_URL, "csv")
    [xlsx_row] = download(coordinator_client, SHOWCASES_URL, "xlsx")
    assert csv_row["end_date"] == "" and xlsx_row["end_date"] is None
    assert text(xlsx_row["results"]) == ""


def test_filters_by_committee_and_year_narrow_the_rows(coordinator_client, add_showcase, tree):
    add_showcase(title="HL 2015", start_date=datetime.date(2015, 3, 1))
    add_showcase(title="HL 2016", start_date=datetime.date(2016, 3, 1))
    add_showcase("sodermalm", title="Södermalm 2016", start_date=datetime.date(2016, 9, 1))
    hl = tree.committees["hagersten-liljeholmen"].pk

    def titles(**filters):
        return sorted(
            row["title"] for row in download(coordinator_client, SHOWCASES_URL, "csv", **filters)
        )

    assert titles() == ["HL 2015", "HL 2016", "Södermalm 2016"]
    assert titles(committee=hl) == ["HL 2015", "HL 2016"]
    assert titles(year=2016) == ["HL 2016", "Södermalm 2016"]
    assert titles(committee=hl, year=2016) == ["HL 2016"]


def test_visit_filters_narrow_the_rows(coordinator_client, tree):
    for slug, day in (
        ("sodermalm", "2016-05-01"),
        ("sodermalm", "2017-05-01"),
        ("stockholmshem", "2017-06-01"),
    ):
        StudyVisit.objects.create(
            committee=tree.committees[slug], organisation=f"{slug} {day}", start_date=day
        )
    rows = download(
        coordinator_client, VISITS_URL, "xlsx", committee=tree.committees["sodermalm"].pk, year=2017
    )
    assert [row["organisation"] for row in rows] == ["sodermalm 2017-05-01"]


@pytest.fixture
def hidden_showcases(add_showcase, tree):
    """A project behind a group restriction the coordinator is not in, and a draft."""
    restricted = add_showcase("sodermalm", title="Hemlig förhandling", slug="hemlig")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Förhandlare"))
    draft = add_showcase("sodermalm", title="Opublicerat utkast", slug="utkast", live=False)
    return restricted, draft


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_visit_names_only_projects_the_coordinator_may_see(
    coordinator_client, hidden_showcases, tree, export_format
):
    for showcase in hidden_showcases:
        StudyVisit.objects.create(
            committee=tree.committees["sodermalm"],
            organisation=f"Besök till {showcase.slug}",
            start_date=datetime.date(2016, 5, 1),
            showcase=showcase,
        )
    rows = download(coordinator_client, VISITS_URL, export_format)
    assert sorted(row["organisation"] for row in rows) == ["Besök till hemlig", "Besök till utkast"]
    for row in rows:
        assert (text(row["project"]), text(row["project_url"])) == ("", "")


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_project_names_only_origins_the_coordinator_may_see(
    coordinator_client, hidden_showcases, add_showcase, export_format
):
    for origin in hidden_showcases:
        add_showcase(title=f"Bygger på {origin.slug}", reused_from=origin)
    rows = download(coordinator_client, SHOWCASES_URL, export_format)
    assert sorted(row["title"] for row in rows) == ["Bygger på hemlig", "Bygger på utkast"]
    assert [text(row["reused_from"]) for row in rows] == ["", ""]


def test_drafts_are_not_exported(coordinator_client, add_showcase):
    add_showcase(title="Utkast", live=False)
    add_showcase(title="Publicerat")
    assert [row["title"] for row in download(coordinator_client, SHOWCASES_URL, "csv")] == [
        "Publicerat"
    ]


@pytest.mark.parametrize("url", [SHOWCASES_URL, VISITS_URL])
def test_staff_and_committee_editors_are_refused(client, people, showcase, url, settings):
    client.force_login(people.staff)
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL))
    client.force_login(people.hl_editor)
    response = client.get(url, {"export": "csv"})
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_the_reports_are_in_the_coordinators_reports_menu(coordinator_client, client, people):
    menu = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert SHOWCASES_URL in menu and VISITS_URL in menu
    client.force_login(people.hl_editor)
    assert SHOWCASES_URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_reports_list_what_they_export(coordinator_client, visit, showcase):
    projects = coordinator_client.get(SHOWCASES_URL, {"year": 2015})
    assert projects.status_code == 200
    assert "Kompetensutbyte inom förskolan" in projects.content.decode()
    assert "?year=2015&amp;export=xlsx" in projects.content.decode()
    visits = coordinator_client.get(VISITS_URL)
    assert "Helsingfors stad" in visits.content.decode()
