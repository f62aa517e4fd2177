"""Without the `plone` extra, `manage.py check` says what to install, before an import fails."""

import importlib.util

from strategy_pages.plone_import.checks import check_requirements


def test_a_missing_requirement_is_named_with_the_extra_to_install(monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        "strategy_pages.plone_import.checks.find_spec",
        lambda name: None if name == "tqdm" else real_find_spec(name),
    )
    [error] = check_requirements()
    assert "tqdm" in error.msg and "nh3" not in error.msg
    assert error.hint == "pip install 'wagtail-international-strategy[plone]'"


def test_with_the_extra_installed_the_check_is_quiet():
    assert check_requirements() == []
