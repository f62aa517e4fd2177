"""Every layout the Plone exporters write is recognised, said, and read into the same export.

plone.exportimport's folders are its own test exports, untouched. collective.exportimport's
layouts are laid out here from the real export in tests/fixtures/plone/ the way the tool names
its downloads and files: one file per type, one numbered file per item, default file names.
"""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from strategy_pages.plone_import import uploads
from strategy_pages.plone_import.reader import PORTAL, ExportError, read_export

from .conftest import FIXTURE

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
BASE_IMPORT = FIXTURES / "plone_exportimport" / "base_import"
MULTILINGUAL_IMPORT = FIXTURES / "plone_exportimport" / "multilingual_import"
#: The fixture's companion files and the names collective.exportimport downloads them under.
DEFAULT_NAMES = {
    "dev-relations.json": "export_relations.json",
    "dev-localroles.json": "export_localroles.json",
    "dev-ordering.json": "export_ordering.json",
    "dev-defaultpages.json": "export_defaultpages.json",
    "dev-members.json": "export_members.json",
    "dev-portlets.json": "export_portlets.json",
    "dev-redirects.json": "export_redirects.json",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def fixture_items():
    return json.loads((FIXTURE / "dev-export.json").read_text(encoding="utf-8"))


def dump(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=4, sort_keys=True), encoding="utf-8")


def with_default_companions(directory):
    directory.mkdir(parents=True, exist_ok=True)
    for name, default_name in DEFAULT_NAMES.items():
        shutil.copy(FIXTURE / name, directory / default_name)
    return directory


def content_file(directory, items, name="Plone.json"):
    """A content export as the browser downloads it: the site's id names it."""
    with_default_companions(directory)
    dump(directory / name, items)
    return directory


def summary(export):
    """What an import gets out of an export, whatever its layout."""
    return {
        "items": sorted(
            (item.uid, item.portal_type, item.path, item.parent_path) for item in export.items
        ),
        "titles": sorted(item.title for item in export.items),
        "site": (export.site_url, export.site_id),
        "relations": sorted(export.relations),
        "local_roles": export.local_roles,
        "ordering": export.ordering,
        "default_pages": export.default_pages,
        "people": (len(export.groups), len(export.members)),
        "redirects": export.redirects,
    }


@pytest.fixture(scope="module")
def the_fixture():
    return summary(read_export(FIXTURE))


def by_path(export, path):
    return export.by_path()[path]


# plone.exportimport


def test_plone_exportimport_is_detected_and_read_with_parents_from_the_addresses():
    export = read_export(BASE_IMPORT)
    assert export.layout == "plone.exportimport, one folder per item (9 items in content/)"
    assert export.root.portal_type == "Plone Site"
    assert export.site_id == "Plone"
    assert sorted((item.path, item.parent_path, item.title) for item in export.items) == [
        ("/bar", "/", "Bar"),
        ("/bar/2025.png", "/bar", "2025 logo"),
        ("/bar/an-important-news", "/bar", "An important news"),
        ("/bar/foo", "/bar", "Foo"),
        ("/foo", "/", "Foo"),
        ("/foo/another-page", "/foo", "Another page"),
        ("/foo/bar", "/foo", "Bar"),
        ("/plone.pdf", "/", "A File"),
    ]


def test_plone_exportimport_metadata_gives_roles_ordering_and_default_pages():
    export = read_export(BASE_IMPORT)
    # __metadata__.json: local roles of eight objects, the site root among them.
    assert len(export.local_roles) == 8
    assert export.local_roles[PORTAL] == {"admin": ["Owner"]}
    assert export.local_roles["70844f7bec1843b8ab2796c972c9ebfe"]["Site Administrators"] == [
        "Reader",
        "Contributor",
        "Reviewer",
        "Editor",
    ]
    assert export.blocked_inheritance == {"70844f7bec1843b8ab2796c972c9ebfe"}
    assert len(export.ordering) == 8
    assert export.ordering["e7359727ace64e609b79c4091c38822a"] == 2
    assert export.default_pages == {
        "e7359727ace64e609b79c4091c38822a": "45b0b46f17104a7b8fa7bb94d3dd5bd9"
    }
    # principals.json: five groups, two members.
    assert (len(export.groups), len(export.members)) == (5, 2)
    assert export.relations == []
    assert export.redirects == {}
    assert "portlets.json" in " ".join(export.notes)


def test_plone_exportimport_blobs_beside_data_json_are_read_when_needed():
    export = read_export(BASE_IMPORT)
    image = uploads.decode(by_path(export, "/bar/2025.png").data["image"], "2025.png")
    assert (image.filename, image.content_type, image.size) == ("2025.png", "image/png", 40383)
    assert image.data.startswith(PNG_SIGNATURE)
    uploads.check_image(image)
    pdf = uploads.decode(by_path(export, "/plone.pdf").data["file"], "plone.pdf")
    assert pdf.head(5) == b"%PDF-"
    uploads.check_document(pdf, 10 * 1024**2)


def test_a_date_without_a_time_zone_is_read_in_the_sites_time_zone():
    news = by_path(read_export(BASE_IMPORT), "/bar/an-important-news")
    assert news.data["effective"] == "2024-02-13T18:14:27"
    effective = news.date("effective")
    assert effective.tzinfo is not None
    assert (effective.hour, effective.minute) == (18, 14)


def test_plone_exportimport_relations_redirects_and_translations():
    export = read_export(MULTILINGUAL_IMPORT)
    assert export.layout == "plone.exportimport, one folder per item (19 items in content/)"
    assert len(export.items) == 18
    assert by_path(export, "/es/a-folderish/a-page").parent_path == "/es/a-folderish"
    assert len(export.relations) == 3
    assert export.redirects == {"/en-us": "/en", "/es-ar": "/es"}
    # Five groups: the canonical item first, then its German and Spanish translations.
    assert len(export.translations) == 5
    languages = {item.uid: item.data["language"] for item in export.items}
    for group in export.translations:
        assert [languages[uid] for uid in group[1:]] == ["de", "es"]
    english_page = by_path(export, "/en/a-folderish/a-page").uid
    assert (english_page, by_path(export, "/de/a-folderish/a-page").uid) in [
        group[:2] for group in export.translations
    ]


def test_the_content_folder_itself_can_be_given(tmp_path):
    export = read_export(BASE_IMPORT / "content")
    assert export.layout.startswith("plone.exportimport")
    assert (len(export.groups), len(export.members)) == (5, 2), "principals.json beside it"


# collective.exportimport


def test_the_prefixed_fixture_still_reads(the_fixture):
    export = read_export(FIXTURE)
    assert export.layout == "collective.exportimport, one content file (dev-export.json)"
    assert len(export.items) == 38
    assert len(export.relations) == 3
    assert len(export.local_roles) == 39
    assert len(export.ordering) == 38
    assert len(export.default_pages) == 1
    assert (len(export.groups), len(export.members)) == (4, 3)
    assert len(export.redirects) == 1
    assert export.notes == []


def test_one_content_file_with_default_companion_names(tmp_path, the_fixture):
    directory = content_file(tmp_path / "export", fixture_items())
    export = read_export(directory)
    assert export.layout == "collective.exportimport, one content file (Plone.json)"
    assert summary(export) == the_fixture
    assert "export_portlets.json (this import does not use it)" in " ".join(export.notes)


def test_one_file_per_type_is_merged(tmp_path, the_fixture):
    directory = with_default_companions(tmp_path / "export")
    by_type = {}
    for raw in fixture_items():
        by_type.setdefault(raw["@type"], []).append(raw)
    for portal_type, items in by_type.items():
        dump(directory / f"{portal_type}.json", items)
    export = read_export(directory)
    assert export.layout == "collective.exportimport, one file per type (8 files)"
    assert summary(export) == the_fixture


def test_one_file_per_item_in_a_folder_with_the_errors_plone_wrote(tmp_path, the_fixture):
    directory = with_default_companions(tmp_path / "export")
    for number, raw in enumerate(fixture_items(), start=1):
        dump(directory / "Plone" / f"{number}.json", raw)
    unexported = "https://intranat.example.org/trasig-sida"
    errors = {"unexported_paths": [{"path": unexported, "message": "Error exporting"}]}
    dump(directory / "Plone" / "errors.json", errors)
    export = read_export(directory)
    assert export.layout == ("collective.exportimport, one file per item (39 files in Plone/)")
    assert summary(export) == the_fixture
    assert any("could not export 1 item(s)" in note and unexported in note for note in export.notes)


def test_the_unexported_paths_entry_is_left_out_and_noted(tmp_path, the_fixture):
    unexported = [
        {"path": "https://intranat.example.org/sodermalm/gammal", "message": "Error exporting"},
        {"path": None, "message": "Error getting brain /fixture/borta"},
    ]
    items = [*fixture_items(), {"unexported_paths": unexported}]
    export = read_export(content_file(tmp_path / "export", items))
    assert summary(export) == the_fixture
    [note] = [note for note in export.notes if "could not export" in note]
    assert "2 item(s)" in note
    assert "https://intranat.example.org/sodermalm/gammal" in note
    assert "Error getting brain /fixture/borta" in note


def test_items_without_a_parent_summary_take_their_folder_from_their_address(tmp_path, the_fixture):
    items = fixture_items()
    for raw in items:
        raw.pop("parent")
    export = read_export(content_file(tmp_path / "with-root", items))
    assert summary(export) == the_fixture
    without_root = [raw for raw in items if raw["@type"] != "Plone Site"]
    export = read_export(content_file(tmp_path / "without-root", without_root))
    assert export.site_url == "https://intranat.example.org"
    assert summary(export)["items"] == the_fixture["items"]


def test_a_local_roles_entry_that_only_blocks_inheritance(tmp_path):
    directory = content_file(tmp_path / "export", fixture_items())
    roles = json.loads((directory / "export_localroles.json").read_text(encoding="utf-8"))
    folder = by_path(read_export(FIXTURE), "/hagersten-liljeholmen/protokoll/2024").uid
    roles = [entry for entry in roles if entry["uuid"] != folder] + [{"uuid": folder, "block": 1}]
    dump(directory / "export_localroles.json", roles)
    export = read_export(directory)
    assert folder in export.blocked_inheritance
    assert export.local_roles[folder] == {}


def test_blobs_exported_as_paths_are_read_from_the_blob_folder(tmp_path):
    items = fixture_items()
    image = next(raw for raw in items if raw["@type"] == "Image")
    original = uploads.decode(image["image"], "image")
    blob_path = "0x00/0x00/0x00/0x00/0x00/0x00/0x2a/0x03ed2b4f9e8bb255.blob"
    image["image"] = {
        "blob_path": blob_path,
        "content-type": "image/png",
        "filename": image["image"]["filename"],
        "size": original.size,
    }
    directory = content_file(tmp_path / "export", items)
    blob_file = directory / "blobstorage" / blob_path
    blob_file.parent.mkdir(parents=True)
    blob_file.write_bytes(original.data)
    export = read_export(directory)
    blob = uploads.decode(by_path(export, image_path(image)).data["image"], "image")
    assert blob.data == original.data
    uploads.check_image(blob)


def image_path(raw):
    return raw["@id"].removeprefix("https://intranat.example.org")


def test_a_blob_path_outside_the_export_or_missing_is_refused_for_that_item(tmp_path):
    items = fixture_items()
    images = [raw for raw in items if raw["@type"] == "Image"]
    (tmp_path / "secret.png").write_bytes(b"not for the intranet")
    images[0]["image"] = {"blob_path": "../secret.png", "filename": "secret.png"}
    images[1]["image"] = {"blob_path": "0x00/0x01.blob", "filename": "borta.png"}
    export = read_export(content_file(tmp_path / "export", items))
    for raw in images[:2]:
        with pytest.raises(uploads.UploadRejected, match="is not in the export .*blobstorage/"):
            uploads.decode(by_path(export, image_path(raw)).data["image"], "image")


def test_a_blob_with_only_a_download_address_is_refused_for_that_item_alone(
    tree, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    items = fixture_items()
    image = next(raw for raw in items if raw["@type"] == "Image")
    image["image"] = {
        "content-type": "image/png",
        "download": f"{image['@id']}/@@download/image",
        "filename": image["image"]["filename"],
        "size": 1234,
    }
    directory = content_file(tmp_path / "export", items)
    out = StringIO()
    call_command("import_plone", str(directory), "--dry-run", stdout=out)
    output = out.getvalue()
    assert "Export: collective.exportimport, one content file (Plone.json)" in output
    [line] = [line for line in output.splitlines() if image_path(image) in line]
    assert "skipped" in line
    assert "export the content again with blobs as base-64" in line
    assert "39 items" in output.splitlines()[-1]


def test_a_folder_without_an_export_says_what_was_looked_for_and_found(tmp_path):
    (tmp_path / "anteckningar.txt").write_text("inget här", encoding="utf-8")
    dump(tmp_path / "installningar.json", {"sprak": "sv"})
    with pytest.raises(ExportError) as error:
        read_export(tmp_path)
    message = str(error.value)
    assert "Looked for collective.exportimport's content export" in message
    assert "plone.exportimport's content/__metadata__.json" in message
    assert "Found: anteckningar.txt, installningar.json" in message
    assert "installningar.json (not a list of content items)" in message


def test_companions_alone_are_not_mistaken_for_content(tmp_path):
    with_default_companions(tmp_path)
    with pytest.raises(ExportError, match="no Plone export found"):
        read_export(tmp_path)


# The whole import


def test_a_plone_exportimport_export_imports_through_the_command(tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()
    call_command("import_plone", str(BASE_IMPORT), stdout=out)
    output = out.getvalue()
    assert "Export: plone.exportimport, one folder per item (9 items in content/)" in output
    titles = set(Page.objects.values_list("title", flat=True))
    assert {"Foo", "Bar", "Another page", "An important news"} <= titles


def test_the_command_refuses_a_folder_without_an_export(tree, tmp_path):
    with pytest.raises(CommandError, match="no Plone export found"):
        call_command("import_plone", str(tmp_path))
