"""A second run, a dry run, and exports that must not be imported."""

import base64
import json
import shutil
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, PageViewRestriction, Revision

from strategy_pages.models import Committee, Theme
from strategy_pages.plone_import.models import PloneItem

from .conftest import FIXTURE

COUNTED = [
    Page,
    Revision,
    PloneItem,
    Redirect,
    User,
    Group,
    GroupPagePermission,
    PageViewRestriction,
    Committee,
    Theme,
]


def database_counts():
    models = [*COUNTED, get_image_model(), get_document_model()]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def export_copy(tmp_path):
    directory = tmp_path / "export"
    shutil.copytree(FIXTURE, directory)
    return directory


def edit_export(directory, change):
    path = directory / "dev-export.json"
    items = json.loads(path.read_text(encoding="utf-8"))
    change({item["@id"].removeprefix("https://intranat.example.org"): item for item in items})
    path.write_text(json.dumps(items), encoding="utf-8")


def test_a_second_run_creates_nothing_new(run_import, imported):
    before = database_counts()
    second = run_import()
    assert database_counts() == before
    assert second.counts()["created"] == 0
    assert second.counts()["unchanged"] == 37


def test_a_second_run_updates_what_changed_in_plone(run_import, imported, export_copy):
    def retitle(items):
        news = items["/sodermalm/informationsmote-om-forskolans-nya-lokaler"]
        news["title"] = "Informationsmöte om förskolans nya lokaler (ny tid)"
        news["modified"] = "2026-07-01T08:00:00+00:00"

    edit_export(export_copy, retitle)
    pages_before = Page.objects.count()
    report = run_import(export_copy)
    assert report.counts()["updated"] == 1
    assert Page.objects.count() == pages_before
    page = PloneItem.objects.get(path="/sodermalm/informationsmote-om-forskolans-nya-lokaler")
    page = page.target.specific
    assert page.title == "Informationsmöte om förskolans nya lokaler (ny tid)"
    assert page.live
    assert page.latest_revision.created_at.isoformat() == "2026-07-01T08:00:00+00:00"


def test_a_page_an_editor_changed_after_the_import_is_left_alone(run_import, imported):
    record = PloneItem.objects.get(path="/sodermalm/lokala-riktlinjer-for-profilering")
    page = record.target.specific
    page.title = "Riktlinjer för profilering på Södermalm"
    page.save_revision().publish()
    PloneItem.objects.filter(pk=record.pk).update(fingerprint="changed in Plone")
    report = run_import()
    outcome = report.outcome_for("/sodermalm/lokala-riktlinjer-for-profilering")
    assert outcome.action == "skipped"
    assert "changed in Wagtail" in outcome.reason
    page.refresh_from_db()
    assert page.title == "Riktlinjer för profilering på Södermalm"


def test_a_dry_run_reports_the_plan_and_writes_nothing(tree, settings, tmp_path, config_file):
    settings.MEDIA_ROOT = tmp_path / "media"
    before = database_counts()
    out = StringIO()
    call_command("import_plone", str(FIXTURE), "--dry-run", "--config", config_file, stdout=out)
    assert database_counts() == before
    assert not list((tmp_path / "media").rglob("*.*")), "no file was stored"
    output = out.getvalue()
    assert "would create  News Item  /sodermalm/informationsmote-om-sommarjobb-for-unga" in output
    assert "would merge  Document   /om-intranatet/valkommen-till-intranatet" in output
    assert "user would be created without a password: anna.lindqvist" in output
    assert "committee would be created: Stadsledningskontoret" in output
    assert "Dry run, nothing written: 39 items: would create 37, would merge 1, skipped 1" in output


def test_the_command_imports_and_summarises(tree, settings, tmp_path, config_file):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()
    call_command("import_plone", str(FIXTURE), "--config", config_file, stdout=out)
    assert "39 items: created 37, merged 1, skipped 1; 2 warning(s)." in out.getvalue()


def test_a_truncated_export_fails_cleanly_and_leaves_the_database_unchanged(
    tree, export_copy, config_file
):
    path = export_copy / "dev-export.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    before = database_counts()
    with pytest.raises(CommandError) as error:
        call_command("import_plone", str(export_copy), "--config", config_file)
    message = str(error.value)
    assert "dev-export.json: item " in message
    assert "truncated" in message
    assert "https://intranat.example.org/" in message
    assert database_counts() == before


def test_a_foreign_json_file_is_refused_with_its_name(tree, export_copy):
    shutil.copy(export_copy / "dev-members.json", export_copy / "dev-export.json")
    with pytest.raises(CommandError, match="not a collective.exportimport content export"):
        call_command("import_plone", str(export_copy))


def test_an_item_without_a_uid_is_named_and_nothing_is_imported(tree, export_copy):
    edit_export(export_copy, lambda items: items["/sodermalm"].pop("UID"))
    before = database_counts()
    with pytest.raises(CommandError) as error:
        call_command("import_plone", str(export_copy))
    assert "(https://intranat.example.org/sodermalm): has no UID" in str(error.value)
    assert database_counts() == before


def test_a_file_that_is_not_what_it_claims_is_skipped_with_the_reason(run_import, export_copy):
    def disguise(items):
        image = items["/bildbank/logotyp.png"]["image"]
        image["data"] = base64.b64encode(b"%PDF-1.4 not a picture").decode()

    edit_export(export_copy, disguise)
    report = run_import(export_copy)
    outcome = report.outcome_for("/bildbank/logotyp.png")
    assert outcome.action == "skipped"
    assert "the file is refused" in outcome.reason
    image_type = ContentType.objects.get_for_model(get_image_model())
    assert not PloneItem.objects.filter(path="/bildbank/logotyp.png", content_type=image_type)


def test_an_event_with_an_invalid_contact_address_is_imported_without_it(run_import, export_copy):
    path = "/hagersten-liljeholmen/dialogmote-om-forskolans-lokaler"

    def break_email(items):
        items[path]["contact_email"] = "ek@"

    edit_export(export_copy, break_email)
    report = run_import(export_copy)
    assert report.outcome_for(path).action == "created"
    assert f"{path}: contact_email 'ek@' left out: Enter a valid email address." in " ".join(
        report.warnings
    )
    event = PloneItem.objects.get(path=path).target.specific
    assert event.live and event.contact_email == ""
    assert report.counts()["created"] == 37


def test_a_blob_named_dot_dot_is_stored_under_a_safe_name(run_import, export_copy):
    edit_export(
        export_copy, lambda items: items["/bildbank/logotyp.png"]["image"].update(filename="..")
    )
    report = run_import(export_copy)
    assert report.outcome_for("/bildbank/logotyp.png").action != "skipped"
    record = PloneItem.objects.get(path="/bildbank/logotyp.png")
    assert ".." not in record.target.file.name


def test_deeply_nested_json_is_refused_with_its_name(tree, export_copy):
    path = export_copy / "dev-relations.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    before = database_counts()
    with pytest.raises(CommandError, match="dev-relations.json: its JSON is nested deeper"):
        call_command("import_plone", str(export_copy))
    assert database_counts() == before


def test_an_export_file_over_the_size_limit_is_refused_before_it_is_read(
    tree, export_copy, monkeypatch
):
    from strategy_pages.plone_import import reader

    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1024)
    with pytest.raises(CommandError, match="dev-export.json: .* more than the"):
        call_command("import_plone", str(export_copy))


def edit_members(directory, change):
    path = directory / "dev-members.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_plone_group_named_like_a_site_group_gets_none_of_its_rights(run_import, export_copy):
    def title_editors(data):
        next(g for g in data["groups"] if g["groupid"] == "redaktorer")["title"] = "Editors"

    edit_members(export_copy, title_editors)
    wagtail_editors = Group.objects.get(name="Editors")
    members_before = set(wagtail_editors.user_set.values_list("username", flat=True))
    run_import(export_copy)
    assert set(wagtail_editors.user_set.values_list("username", flat=True)) == members_before
    imported = Group.objects.get(name="Plone – Editors")
    assert imported.user_set.filter(username="anna.lindqvist").exists()


def test_a_member_named_like_an_existing_user_is_not_merged_into_them(run_import, export_copy):
    existing = User.objects.create_user("anna.lindqvist", password="hemligt-losenord-1")
    report = run_import(export_copy)
    existing.refresh_from_db()
    assert not existing.groups.exists()
    assert existing.check_password("hemligt-losenord-1")
    assert any("anna.lindqvist" in warning for warning in report.warnings)
    second = run_import(export_copy)
    assert not existing.groups.exists()
    assert any("anna.lindqvist" in warning for warning in second.warnings)


def test_members_the_import_made_are_updated_on_the_next_run(run_import, imported):
    anna = User.objects.get(username="anna.lindqvist")
    group_ids = set(anna.groups.values_list("pk", flat=True))
    run_import()
    assert set(anna.groups.values_list("pk", flat=True)) == group_ids
    assert User.objects.filter(username="anna.lindqvist").count() == 1
