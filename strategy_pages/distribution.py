"""The plugin's two apps ship side by side; a host's own top-level `search` package hides the
plugin's search layer, and Django's error for that ("No module named 'search.apps'") does not
say why. This names the cause before Django stumbles on it."""

from importlib.util import find_spec
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SEARCH_LAYER_CONFIG = "search.apps.StrategySearchConfig"


def refuse_shadowed_search_layer():
    if SEARCH_LAYER_CONFIG not in settings.INSTALLED_APPS:
        return
    found = find_spec("search")
    expected = Path(__file__).resolve().parent.parent / "search"
    origin = Path(found.origin).resolve().parent if found and found.origin else None
    if origin != expected:
        raise ImproperlyConfigured(
            f"The site's own `search` package ({origin or 'a namespace package'}) hides the "
            f"plugin's search layer ({expected}). Rename the site's package (a `wagtail start` "
            "site's search app is a small example view), e.g. to `site_search`, and update its "
            "entry in INSTALLED_APPS and its import in urls.py."
        )
