"""Every source string the plugin's apps and the host site show has its Swedish translation,
and the compiled catalogues are those of the committed .po files."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parents[1]
CATALOGUED = [REPO / "strategy_pages", REPO / "search"]
CATALOGUES = [*(app / "locale/sv/LC_MESSAGES/django.po" for app in CATALOGUED)]
CATALOGUES += [REPO / "intranet/locale/sv/LC_MESSAGES/django.po"]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_entry_is_translated_and_compiled(path):
    catalogue = polib.pofile(str(path))
    assert not catalogue.untranslated_entries(), [e.msgid for e in catalogue.untranslated_entries()]
    assert not catalogue.fuzzy_entries(), [e.msgid for e in catalogue.fuzzy_entries()]
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    as_compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in compiled}
    for entry in catalogue.translated_entries():
        translation = entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()}
        found = as_compiled.get((entry.msgctxt, entry.msgid))
        if isinstance(found, dict):
            found = {int(k): v for k, v in found.items()}
        assert found == translation, f"{entry.msgid!r}: compile {path.name} again"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext's xgettext is not installed")
@pytest.mark.parametrize("app", CATALOGUED, ids=lambda p: p.name)
def test_every_source_string_is_in_the_catalogue(app, tmp_path):
    copy = tmp_path / app.name
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run(  # noqa: S603 - Django's own command on a copy of the app
        [sys.executable, "-m", "django", "makemessages", "-l", "sv", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env=environment,
    )
    found = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/sv/LC_MESSAGES/django.po"))
    }
    committed = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(app / "locale/sv/LC_MESSAGES/django.po"))
    }
    assert not found - committed, f"run makemessages -l sv in {app.name}/ and translate them"
