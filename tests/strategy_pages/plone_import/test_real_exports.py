"""Real, untouched Plone exports imported with the command, checked as an administrator would.

plone62_volto_cei and plone62_volto_pei are one Plone 6.2 Volto site exported by
collective.exportimport and by plone.exportimport; plone_exportimport/ holds that tool's own
test exports; plone_distribution/ is the content Plone ships for a new Classic site, in two
layouts; plone/ is a Classic site (see each folder's README).
"""

import json
import re
import shutil
import tempfile
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from strategy_pages.models import ContentPage, EventPage, NetworkNewsPage, SectionPage
from strategy_pages.plone_import.models import PloneItem

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
VOLTO_CEI = FIXTURES / "plone62_volto_cei"
VOLTO_PEI = FIXTURES / "plone62_volto_pei"
BASE_IMPORT = FIXTURES / "plone_exportimport" / "base_import"
MULTILINGUAL = FIXTURES / "plone_exportimport" / "multilingual_import"
CLASSIC = FIXTURES / "plone"
DISTRIBUTION = [
    FIXTURES / "plone_distribution" / "classic_exportimport",
    FIXTURES / "plone_distribution" / "classic_items",
]
ALL_EXPORTS = [VOLTO_CEI, VOLTO_PEI, BASE_IMPORT, MULTILINGUAL, CLASSIC, *DISTRIBUTION]
# News need an owning committee to be published; the Classic site names one more committee.
CONFIG = """
default_committee = "sodermalm"

[committees."/stadsledningskontoret"]
slug = "stadsledningskontoret"
name = "Stadsledningskontoret"
kind = "executive_office"
"""
SUMMARY = re.compile(r"^(?:Dry run, nothing written: )?(\d+ items: .*)$", re.MULTILINE)


@pytest.fixture
def import_plone(tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    config = tmp_path / "plone.toml"
    config.write_text(CONFIG, encoding="utf-8")

    def run(directory, *options):
        output = StringIO()
        call_command(
            "import_plone", str(directory), "--config", str(config), *options, stdout=output
        )
        return output.getvalue()

    return run


def page_at(path):
    target = PloneItem.objects.get(path=path).target
    return target.specific if isinstance(target, Page) else target


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def summary(output):
    """The totals line, in the real run's words."""
    line = SUMMARY.search(output).group(1)
    for verb in ("create", "update", "merge"):
        line = line.replace(f"would {verb}", f"{verb}d")
    return line


def without_ids(value):
    """Stream data without the block ids Wagtail makes up on each save."""
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def bodies():
    """Every imported page by its Plone path: its type, title, place and text."""
    pages = {}
    for record in PloneItem.objects.all():
        target = record.target
        if isinstance(target, Page) and record.path != "/":
            page = target.specific
            parent = PloneItem.objects.filter(object_id=page.get_parent().pk).first()
            pages[record.path] = (
                type(page).__name__,
                page.title,
                parent.path if parent else None,
                without_ids(page.body.get_prep_value()) if page.body else [],
            )
    return pages


@pytest.mark.parametrize("export", [VOLTO_CEI, VOLTO_PEI], ids=["collective", "plone"])
class TestVoltoSite:
    def test_pages_arrive_in_their_tree_places(self, import_plone, export, tree):
        import_plone(export)
        budget = page_at("/budget-2024")
        assert isinstance(budget, ContentPage)
        assert (budget.title, budget.get_parent().pk) == ("Budget 2024", tree.home.pk)
        about = page_at("/om-oss")
        assert isinstance(about, SectionPage)
        assert about.title == "Om förvaltningen"
        children = {page.title: page for page in about.get_children().specific()}
        assert set(children) == {"Organisation", "Kontakt"}
        assert children["Organisation"].live
        assert not children["Kontakt"].live, "private in Plone"

    def test_the_block_page_shows_text_table_image_teaser_and_video(
        self, import_plone, export, staff_client
    ):
        import_plone(export)
        html = html_of(staff_client, page_at("/budget-2024"))
        about, news = page_at("/om-oss"), page_at("/budgeten-for-2024-ar-antagen")
        assert (
            f'<p>Här finns <strong>stadsdelens budget</strong> för året. Läs mer <a href="'
            f'{about.url}">om förvaltningen</a>.</p>'
        ) in html
        assert "<h2>Budget i siffror</h2>" in html
        table = re.search(r"<table>.*?</table>", html, re.DOTALL).group(0)
        headers = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", table)
        cells = re.findall(r"<td(?: [^>]*)?>(.*?)</td>", table)
        assert headers == ["år", "budget"]
        assert cells == ["2024", "1 200", "2025", "1 260"]
        image = page_at("/stadshuset.png")
        rendition = image.get_rendition("width-960")
        assert f'<img alt="Stadshuset i kvällsljus" height="{rendition.height}" src="' in html
        assert rendition.url in html
        assert f'<a href="{news.url}">Budgeten för 2024 är antagen</a>' in html
        assert "https://www.youtube.com/watch?v=aqz-KE-bpKQ" in html

    def test_the_news_item_shows_its_lead_image_and_caption(
        self, import_plone, export, staff_client
    ):
        output = import_plone(export)
        news = page_at("/budgeten-for-2024-ar-antagen")
        assert isinstance(news, NetworkNewsPage) and news.live
        assert news.image.pk == page_at("/nyhetsbild.png").pk
        assert news.image_alt == "Nämndens ordförande"
        html = html_of(staff_client, news)
        assert "<figcaption>Nämndens ordförande presenterar budgeten</figcaption>" in html
        assert "leadimage" not in output, "the news page shows its lead image itself"

    def test_the_event_keeps_its_dates_and_contact(self, import_plone, export):
        import_plone(export)
        event = page_at("/dialogmote-om-budgeten")
        assert isinstance(event, EventPage) and event.live
        assert event.start.isoformat() == "2024-12-05T17:00:00+00:00"
        assert event.end.isoformat() == "2024-12-05T18:30:00+00:00"
        assert event.location == "Medborgarhuset, Södermalm"
        assert event.contact_email == "anna.lindqvist@example.org"
        assert event.event_url == "https://www.example.org/dialogmote"

    def test_the_file_is_a_document_and_the_moved_event_redirects(
        self, import_plone, export, staff_client
    ):
        import_plone(export)
        document = page_at("/protokoll-2024-11-21.pdf")
        assert isinstance(document, get_document_model())
        assert document.title == "Protokoll 2024-11-21"
        response = staff_client.get("/om-oss/dialogmote-om-budgeten")
        assert response.status_code == 301
        assert response["Location"] == page_at("/dialogmote-om-budgeten").url

    def test_the_editors_group_may_edit_om_oss_and_nothing_else(self, import_plone, export):
        output = import_plone(export)
        anna = get_user_model().objects.get(username="anna.lindqvist")
        assert anna.email == "anna.lindqvist@example.org"
        assert not anna.has_usable_password()
        about = page_at("/om-oss")
        permissions = about.permissions_for_user(anna)
        assert permissions.can_edit() and permissions.can_add_subpage()
        assert not permissions.can_publish()
        assert page_at("/om-oss/organisation").permissions_for_user(anna).can_edit()
        assert not page_at("/budget-2024").permissions_for_user(anna).can_edit()
        assert "isReferencing" not in output and "plone_site_root" not in output


def test_both_exporters_of_the_volto_site_give_the_same_pages(import_plone):
    import_plone(VOLTO_CEI)
    from_collective, pages = bodies(), Page.objects.count()
    # Same UIDs: the second export updates the pages the first one made.
    output = import_plone(VOLTO_PEI)
    assert "created" not in summary(output)
    assert Page.objects.count() == pages
    assert bodies() == from_collective
    assert sorted(from_collective) == [
        "/budget-2024",
        "/budgeten-for-2024-ar-antagen",
        "/dialogmote-om-budgeten",
        "/om-oss",
        "/om-oss/kontakt",
        "/om-oss/organisation",
    ]


def test_an_event_with_a_bad_contact_address_keeps_everything_else(import_plone, tmp_path):
    export = tmp_path / "export"
    shutil.copytree(VOLTO_CEI, export)
    content = export / "intranat.json"
    content.write_text(
        content.read_text(encoding="utf-8")
        .replace('"anna.lindqvist@example.org"', '"anna.lindqvist(at)example.org"')
        .replace('"https://www.example.org/dialogmote"', '"www example org"'),
        encoding="utf-8",
    )
    dry_run = import_plone(export, "--dry-run")
    output = import_plone(export)
    for report in (dry_run, output):
        assert (
            "warning: /dialogmote-om-budgeten: contact_email 'anna.lindqvist(at)example.org' "
            "left out: " in report
        )
        assert "warning: /dialogmote-om-budgeten: event_url 'www example org' left out: " in report
    assert summary(dry_run) == summary(output)
    event = page_at("/dialogmote-om-budgeten")
    assert event.live and event.location == "Medborgarhuset, Södermalm"
    assert (event.contact_email, event.event_url) == ("", "")
    assert event.contact_name == "Anna Lindqvist"


def test_plone_exportimports_own_site_arrives_with_blobs_and_rights(import_plone, staff_client):
    output = import_plone(BASE_IMPORT)
    assert "Export: plone.exportimport" in output
    bar = page_at("/bar")
    assert {p.title for p in bar.get_children().specific()} == {"Foo", "An important news"}
    assert page_at("/foo/another-page").get_parent().pk == page_at("/foo").pk
    news = page_at("/bar/an-important-news")
    assert news.image.file.read(8) == b"\x89PNG\r\n\x1a\n"
    assert page_at("/bar/2025.png").title == "2025 logo"
    assert page_at("/plone.pdf").file.read(5) == b"%PDF-"
    assert get_user_model().objects.get(username="joao.silva").email == "joao.silva@plone.org.br"
    assert "/bar: Plone blocked inherited roles here" in output
    assert (
        "note: /foo/another-page: the default page of /foo in Plone, imported as a page of its "
        "own inside it; /foo keeps its own text"
    ) in output
    # Dates without a time zone are read in the site's.
    assert news.first_published_at.isoformat() == "2024-02-13T17:14:27+00:00"


MULTILINGUAL_GROUPS = [
    ("/en/a-folderish", "/de/a-folderish", "/es/a-folderish"),
    ("/en/a-folderish/a-page", "/de/a-folderish/a-page", "/es/a-folderish/a-page"),
]


def test_multilingual_pages_land_in_their_locales_as_translations(import_plone, settings):
    languages = [("sv", "Svenska"), ("en", "English"), ("de", "Deutsch"), ("es", "Español")]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = languages
    for code in ("en", "de", "es"):
        Locale.objects.get_or_create(language_code=code)
    output = import_plone(MULTILINGUAL)
    assert "warning: language" not in output
    for group in MULTILINGUAL_GROUPS:
        pages = [page_at(path) for path in group]
        assert [page.locale.language_code for page in pages] == ["en", "de", "es"]
        assert len({page.translation_key for page in pages}) == 1
    assert page_at("/es/recursos").locale.language_code == "es"
    assert page_at("/en/a-folderish").get_translation(
        Locale.objects.get(language_code="de")
    ).pk == (page_at("/de/a-folderish").pk)


def test_without_the_locales_the_report_says_where_pages_went(import_plone):
    output = import_plone(MULTILINGUAL, "--dry-run")
    for language in ("de", "en", "es"):
        assert f"warning: language {language}: the site has no locale '{language}': 6 page(s)" in (
            output
        ), language
    assert "add 'de' to WAGTAIL_CONTENT_LANGUAGES, create the locale" in output


@pytest.mark.parametrize("export", ALL_EXPORTS, ids=lambda path: path.name)
def test_a_dry_run_counts_what_the_run_does_and_a_rerun_changes_nothing(import_plone, export):
    dry_run = import_plone(export, "--dry-run")
    assert not PloneItem.objects.exists()
    first = import_plone(export)
    assert summary(dry_run) == summary(first)
    pages = Page.objects.count()
    second = import_plone(export)
    totals = summary(second).split(";")[0]
    assert "created" not in totals and "updated" not in totals, totals
    assert "unchanged" in totals
    assert Page.objects.count() == pages


@pytest.mark.parametrize("export", DISTRIBUTION, ids=lambda path: path.name)
def test_a_new_plone_sites_collections_lead_to_their_folders(import_plone, export, staff_client):
    output = import_plone(export)
    news, events = page_at("/news"), page_at("/events")
    assert (news.title, events.title) == ("News", "Events")
    assert isinstance(news, SectionPage) and news.live
    assert "Collection /news/aggregator (a saved search, not content; links to it " in output
    assert "no mapping" not in output
    for old, folder in (("/news/aggregator", news), ("/events/aggregator/view", events)):
        response = staff_client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == folder.url
    assert not page_at("/Members").live or page_at("/Members").get_view_restrictions()


def test_links_to_a_collection_lead_to_its_folder(import_plone, tmp_path):
    export = tmp_path / "classic_items"
    shutil.copytree(DISTRIBUTION[1], export)
    news_aggregator = "ee556c50736a4650839e2ada6dd65454"
    document = {
        "@id": "/Plone/om-nyheter",
        "@type": "Document",
        "UID": "0123456789abcdef0123456789abcdef",
        "id": "om-nyheter",
        "title": "Om nyheterna",
        "review_state": "published",
        "parent": {"@id": "/Plone"},
        "text": {"data": f'<p>Se <a href="resolveuid/{news_aggregator}">alla nyheter</a>.</p>'},
    }
    link = {
        **document,
        "@id": "/Plone/nyhetslista",
        "@type": "Link",
        "UID": "fedcba9876543210fedcba9876543210",
        "id": "nyhetslista",
        "title": "Nyhetslistan",
        "remoteUrl": "${portal_url}/news/aggregator",
    }
    (export / "items" / "7.json").write_text(json.dumps(document), encoding="utf-8")
    (export / "items" / "8.json").write_text(json.dumps(link), encoding="utf-8")
    dry_run = import_plone(export, "--dry-run")
    output = import_plone(export)
    assert summary(dry_run) == summary(output)
    news = page_at("/news")
    body = page_at("/om-nyheter").body.raw_data
    assert f'<a id="{news.pk}" linktype="page">alla nyheter</a>' in body[0]["value"]
    assert page_at("/nyhetslista").link_url.endswith(news.url)
    assert "broken reference" not in output


def zipped(folder, archive, inside=""):
    with zipfile.ZipFile(archive, "w") as zip_file:
        for path in sorted(folder.rglob("*")):
            zip_file.write(path, f"{inside}{path.relative_to(folder)}")
    return archive


@pytest.mark.parametrize("inside", ["", "export/"], ids=["at its root", "in a folder"])
def test_a_zipped_export_imports_like_its_folder(import_plone, tmp_path, inside):
    archive = zipped(VOLTO_PEI, tmp_path / "export.zip", inside)
    output = import_plone(archive)
    assert "Export: plone.exportimport, one folder per item" in output
    assert page_at("/budget-2024").title == "Budget 2024"
    assert page_at("/nyhetsbild.png").file.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_zip_file_cannot_write_outside_its_folder(import_plone, tmp_path):
    archive = zipped(VOLTO_PEI, tmp_path / "export.zip")
    with zipfile.ZipFile(archive, "a") as zip_file:
        zip_file.writestr("../../escaped.json", "[]")
    import_plone(archive, "--dry-run")
    assert not list(tmp_path.parent.parent.glob("escaped.json"))
    assert not list(Path(tempfile.gettempdir()).glob("escaped.json"))


def test_a_damaged_zip_file_is_refused_with_its_name(import_plone, tmp_path):
    archive = zipped(VOLTO_PEI, tmp_path / "export.zip")
    archive.write_bytes(archive.read_bytes()[:-200])
    with pytest.raises(CommandError, match="export.zip: the ZIP file cannot be unpacked"):
        import_plone(archive)
    assert not PloneItem.objects.exists()
