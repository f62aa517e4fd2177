"""The importer says what it is missing before anyone runs it."""

from importlib.util import find_spec

from django.core import checks

#: What import_plone needs beyond the plugin: the `plone` extra.
REQUIREMENTS = ("nh3", "tqdm")


def check_requirements(app_configs=None, **kwargs):
    missing = [name for name in REQUIREMENTS if find_spec(name) is None]
    if not missing:
        return []
    return [
        checks.Error(
            f"The Plone importer needs {', '.join(missing)}, which is not installed.",
            hint="pip install 'wagtail-international-strategy[plone]'",
            id="strategy_plone_import.E001",
        )
    ]
