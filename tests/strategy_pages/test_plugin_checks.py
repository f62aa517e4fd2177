"""The system checks tell a host exactly what it is missing."""

from django.apps import apps
from django.core import checks

from search.checks import check_task_backend
from strategy_pages.checks import (
    check_body_block_apps,
    check_search_declarations,
    check_templates,
)
from strategy_pages.models import NetworkNewsPage


def ids(messages):
    return [message.id for message in messages]


def test_a_missing_task_backend_is_named_with_the_line_to_add(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    [error] = check_task_backend()
    assert error.id == "strategy_search.E001"
    assert '"strategy_search": {"BACKEND": "django_tasks_db.DatabaseBackend"' in error.hint


def test_a_missing_base_template_is_named(settings):
    settings.STRATEGY_PAGES_BASE_TEMPLATE = "no_such_base.html"
    assert ids(check_templates()) == ["strategy_pages.E003"]


def test_the_intranet_passes_every_check():
    assert not [m for m in checks.run_checks() if m.level >= checks.ERROR]


def test_a_renamed_field_behind_a_search_declaration_fails_the_checks(monkeypatch):
    monkeypatch.setattr(NetworkNewsPage, "listing_date_field", "published_on")
    monkeypatch.setattr(NetworkNewsPage, "facet_fields", {"theme": "topics__slug"})
    messages = [m for m in check_search_declarations() if m.obj is NetworkNewsPage]
    assert ids(messages) == ["strategy_pages.E004", "strategy_pages.E004"]
    assert "published_on" in messages[0].msg and "topics__slug" in messages[1].msg


def test_a_host_without_the_table_app_is_told_to_add_it(monkeypatch):
    assert check_body_block_apps() == []
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda app: "table_block" not in app and installed(app)
    )
    [warning] = check_body_block_apps()
    assert warning.id == "strategy_pages.W001"
    assert '"wagtail.contrib.table_block"' in warning.hint
