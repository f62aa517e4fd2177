"""What a search covers: the pages of the request's site, of the plugin's page types unless the
host widens it to every page type (STRATEGY_SEARCH_SCOPE = "site")."""

from dataclasses import dataclass
from functools import cache

from strategy_pages.models import IntranetPage
from strategy_pages.sites import site_for

from ..conf import searches_whole_site
from ..documents import model_label, page_models


@dataclass(frozen=True)
class Scope:
    #: The tree path of the site's root page; every page in scope lies below it.
    root_path: str = ""
    #: Labels of the page types in scope ("app_label.modelname"), or None for every type.
    models: frozenset | None = None

    def contains(self, path, model):
        in_site = path.startswith(self.root_path)
        return in_site and (self.models is None or model in self.models)

    def engine_filters(self):
        filters = [{"prefix": {"path": self.root_path}}] if self.root_path else []
        if self.models is not None:
            filters.append({"terms": {"model": sorted(self.models)}})
        return filters


def scope_for(request):
    site = site_for(request)
    root_path = site.root_page.path if site else ""
    return Scope(root_path, None if searches_whole_site() else plugin_models())


@cache
def plugin_models():
    return frozenset(model_label(m) for m in page_models() if issubclass(m, IntranetPage))
