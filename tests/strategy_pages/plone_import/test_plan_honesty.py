"""The dry run tells what the import then does, and the report says it in words an
administrator can act on: paths, not UIDs; English page types; where "there" is."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from strategy_pages.models import ContentPage, LinkPage, NetworkNewsPage, SectionPage
from strategy_pages.plone_import.config import load_config
from strategy_pages.plone_import.importer import PloneImporter
from strategy_pages.plone_import.plan import build_plan
from strategy_pages.plone_import.reader import read_export
from strategy_pages.plone_import.report import ImportReport

from .test_fuzz_import import PNG, SITE, base_companions, base_items, blob, item, uid, write_export

DOCS = Path(__file__).resolve().parents[3] / "docs" / "plone-import.md"


def html(text):
    return {"data": text, "content-type": "text/html", "encoding": "utf-8"}


def inside(parent_number, parent_path, number, portal_type, path, **fields):
    """An item whose folder is another item than the base export's folders."""
    entry = item(number, portal_type, path, **fields)
    entry["parent"] = {"@id": f"{SITE}{parent_path}", "@type": "Folder", "UID": uid(parent_number)}
    return entry


@pytest.fixture
def importing(tree, settings, tmp_path):
    """Runs the dry run, then the import, on an export of the given items; returns both
    reports and checks that the dry run foretold the import's outcome for every item."""
    settings.MEDIA_ROOT = tmp_path / "media"
    exports = iter(range(100))

    def run(items, companions=None, config=""):
        directory = write_export(
            tmp_path / f"export-{next(exports)}", items, companions or base_companions()
        )
        config_path = tmp_path / "plone.toml"
        config_path.write_text(config, encoding="utf-8")
        reports = [
            PloneImporter(read_export(directory), load_config(config_path), dry_run=dry).run()
            for dry in (True, False)
        ]
        dry_run, real = reports
        assert outcomes(dry_run) == outcomes(real), "the dry run did not foretell the import"
        return dry_run, real

    return run


def outcomes(report):
    return {o.path: (o.action, o.reason) for o in report.outcomes if o.path != "/"}


def page_at(path):
    return Page.objects.get(url_path=f"/start{path}/").specific


def test_links_into_the_site_become_links_to_the_imported_pages(importing):
    items = [
        *base_items(),
        item(20, "Link", "/avdelning/till-nyheten", parent=1, remoteUrl="/sodermalm/nyhet"),
        item(21, "Link", "/avdelning/via-uid", parent=1, remoteUrl=f"../resolveuid/{uid(8)}"),
        item(22, "Link", "/avdelning/till-roten", parent=1, remoteUrl="${portal_url}"),
        item(23, "Link", "/avdelning/webben", parent=1, remoteUrl="https://www.example.org/x"),
        item(24, "Link", "/avdelning/absolut", parent=1, remoteUrl=f"{SITE}/avdelning/evenemang"),
    ]
    _, report = importing(items)
    # The news item is written after the link, which is filled in once it is.
    news = NetworkNewsPage.objects.get(title="Nyhet")
    assert page_at("/avdelning/till-nyheten").link_url == news.get_full_url()
    assert page_at("/avdelning/via-uid").link_url.endswith("/protokoll.pdf")
    assert page_at("/avdelning/till-roten").link_url == "http://localhost/"
    assert page_at("/avdelning/webben").link_url == "https://www.example.org/x"
    assert page_at("/avdelning/absolut").link_url == page_at("/avdelning/evenemang").get_full_url()
    assert report.counts()["skipped"] == 1, "only the site root"


def test_links_a_link_page_cannot_hold_are_skipped_alike_in_both_runs(importing):
    items = [
        *base_items(),
        item(20, "Link", "/avdelning/e-post", parent=1, remoteUrl="mailto:info@example.org"),
        item(21, "Link", "/avdelning/borta", parent=1, remoteUrl="/sodermalm/finns-inte"),
        item(22, "Link", "/avdelning/tom", parent=1, remoteUrl=""),
        item(23, "Link", "/avdelning/trasig", parent=1, remoteUrl="http://[::1"),
        item(24, "Event", "/avdelning/mote", parent=1, contact_email="ek@"),
    ]
    dry_run, report = importing(items)
    reasons = {path: reason for path, (action, reason) in outcomes(report).items()}
    assert "e-mail address" in reasons["/avdelning/e-post"]
    assert "/sodermalm/finns-inte" in reasons["/avdelning/borta"]
    assert "no address" in reasons["/avdelning/tom"]
    assert "not valid" in reasons["/avdelning/trasig"]
    # An event keeps everything but the address it cannot hold.
    assert outcomes(report)["/avdelning/mote"][0] == "created"
    for either in (dry_run, report):
        assert any(
            w.startswith("/avdelning/mote: contact_email 'ek@' left out") for w in either.warnings
        )
    assert dry_run.counts() == report.counts()
    assert report.counts()["skipped"] == 5
    assert not LinkPage.objects.filter(title__in=["E post", "Borta", "Tom", "Trasig"]).exists()


def test_messages_name_the_place_and_the_page_type_in_english(importing, tree):
    items = [*base_items(), item(20, "Document", "/sidan")]
    with translation.override("sv"):
        _, report = importing(items, config=f'parent = "/{tree.news_index.slug}"')
    reason = report.outcome_for("/sidan").reason
    assert reason.startswith("an information page (ContentPage) cannot be placed in the page")
    assert "(NetworkNewsIndexPage)" in reason
    assert "[types]" in reason, "it says what to do"
    inner = report.outcome_for("/avdelning/om-oss").reason
    assert inner.startswith("inside /avdelning, which is not imported: a section (SectionPage)")
    assert not any(re.search(r"\b[0-9a-f]{32}\b", text) for text in report.warnings)


def test_a_folderish_document_keeps_its_children(importing):
    handbook = (20, "/avdelning/handbok")
    items = [
        *base_items(),
        item(20, "Document", "/avdelning/handbok", parent=1, text=html("<p>Inledning</p>")),
        inside(*handbook, 21, "Document", "/avdelning/handbok/kapitel-1", text=html("<p>1</p>")),
        inside(*handbook, 22, "News Item", "/avdelning/handbok/nytt", text=html("<p>Nytt</p>")),
        inside(4, "/sodermalm/nyhet", 23, "Document", "/sodermalm/nyhet/bilaga"),
    ]
    _, report = importing(items)
    handbook = page_at("/avdelning/handbok")
    assert isinstance(handbook, SectionPage)
    assert "Inledning" in str(handbook.body)
    assert {type(p.specific) for p in handbook.get_children()} == {ContentPage, NetworkNewsPage}
    assert "information page cannot hold pages" in report.outcome_for("/avdelning/handbok").reason
    attachment = report.outcome_for("/sodermalm/nyhet/bilaga")
    assert attachment.action == "created"
    assert "cannot hold pages" in attachment.reason


def test_the_docs_mapping_of_intranet_types_works_as_described(importing):
    config = re.search(r"```toml\n(# An intranet's own types.*?)```", DOCS.read_text(), re.S)
    items = [
        *base_items(),
        item(20, "OrganisationalUnit", "/avdelning/ekonomi", parent=1),
        inside(
            20, "/avdelning/ekonomi", 21, "Person", "/avdelning/ekonomi/karin-ek", email="k@x.se"
        ),
        inside(20, "/avdelning/ekonomi", 22, "Location", "/avdelning/ekonomi/kontoret"),
        item(23, "FormFolder", "/avdelning/senaste", parent=1),
    ]
    dry_run, report = importing(items, config=config.group(1))
    assert (
        "Plone type Person → an information page (ContentPage): its fields email are not kept"
        in (dry_run.notes)
    )
    unit = page_at("/avdelning/ekonomi")
    assert isinstance(unit, SectionPage)
    assert isinstance(page_at("/avdelning/ekonomi/karin-ek"), ContentPage)
    location = report.outcome_for("/avdelning/ekonomi/kontoret")
    assert (location.action, location.reason) == (
        "skipped",
        "the configuration maps Location to skip",
    )
    assert report.outcome_for("/avdelning/senaste").action == "skipped"
    assert [w for w in report.warnings if w.startswith("Plone type")] == [
        "Plone type FormFolder: 1 item(s) skipped: no mapping. Map the type to a page kind "
        'under [types] in a --config file, or to "skip" to leave it out knowingly'
    ]


def test_authors_missing_from_the_members_export_are_warned_once(importing):
    items = base_items()
    for number in (3, 4, 5):
        items[number]["creators"] = ["okand.person"]
    dry_run, report = importing(items)
    warning = (
        "author okand.person: not in the members export: 3 item(s) they created are imported "
        "without an owner. Export the members with the content, or set the owner in Wagtail"
    )
    assert report.warnings.count(warning) == dry_run.warnings.count(warning) == 1
    assert page_at("/avdelning/evenemang").owner is None


def test_broken_links_are_reported_on_every_run(importing):
    items = base_items()
    items[3]["text"] = html(f'<p><a href="resolveuid/{"f" * 32}">borta</a></p>')
    items.append(
        item(20, "Document", "/avdelning/annan", parent=1, text=html('<a href="/saknas">x</a>'))
    )
    dry_run, first = importing(items)
    second = importing(items)[1]
    assert second.counts()["unchanged"] == first.counts()["created"]
    for report in (dry_run, first, second):
        broken = [w for w in report.warnings if "broken reference" in w]
        assert len(broken) == 2, report.warnings
        assert any(w.startswith("/avdelning: broken reference: link") for w in broken)
        assert any(w.startswith("/avdelning/annan: broken reference:") for w in broken)


def test_languages_without_a_locale_are_reported_and_translations_share_a_key(tree, tmp_path):
    items = base_items()
    items[3]["language"] = "en"
    items[5]["language"] = "en"
    items[8]["language"] = "sv"
    items.append(item(20, "Document", "/avdelning/about", parent=1, language="en"))
    directory = write_export(tmp_path / "export", items, base_companions())
    export = read_export(directory)
    export.translations = [(uid(5), uid(20))]
    site, home = tree.home.get_site(), tree.home

    report = ImportReport(dry_run=True)
    build_plan(export, load_config(), site, home, report)
    assert [w for w in report.warnings if w.startswith("language")] == [
        "language en: the site has no locale 'en': 2 page(s) in it are put in the locale of "
        "the page they go under (sv). To keep them apart, add 'en' to "
        "WAGTAIL_CONTENT_LANGUAGES, create the locale in Settings → Locales and import again"
    ]

    english = Locale.objects.create(language_code="en")
    items[5]["language"] = "sv"
    export = read_export(write_export(tmp_path / "export-2", items, base_companions()))
    export.translations = [(uid(5), uid(20))]
    report = ImportReport(dry_run=True)
    plan = build_plan(export, load_config(), site, home, report)
    planned = plan.by_uid()
    assert not [w for w in report.warnings if w.startswith("language")]
    assert planned[uid(20)].locale == english
    assert planned[uid(5)].locale == Locale.get_default()
    assert planned[uid(5)].translation_key == planned[uid(20)].translation_key is not None
    assert Counter(p.translation_key for p in plan.items)[None] == len(plan.items) - 2


def test_a_lead_image_only_news_can_show_is_reported_on_other_pages(importing):
    picture = blob(PNG, "bild.png", "image/png")
    items = [
        *base_items(),
        item(20, "Document", "/avdelning/med-bild", parent=1, image=picture),
        item(21, "News Item", "/avdelning/nyhet-med-bild", parent=1, image=picture),
    ]
    dry_run, report = importing(items)
    expected = (
        "/avdelning/med-bild: lead image left out: an information page (ContentPage) has none; "
        "add the picture to its text if it matters"
    )
    assert expected in dry_run.warnings and expected in report.warnings
    assert not any("nyhet-med-bild: lead image" in warning for warning in report.warnings)
    assert NetworkNewsPage.objects.get(title="Nyhet med bild").image is not None
