"""The search page, its JSON API and the health endpoint, for one `include()` before Wagtail's
catch-all. A host that wants the health endpoint elsewhere includes `search.urls.search_urls`
and `search.urls.health_urls` apart."""

from django.urls import path

from .health_view import healthz
from .views import search_api, search_view, suggest_api

app_name = "strategy_search"

search_urls = [
    path("sok/", search_view, name="search"),
    path("api/search/", search_api, name="api"),
    path("api/search/suggest/", suggest_api, name="suggest"),
]
health_urls = [path("healthz", healthz, name="healthz")]

urlpatterns = [*search_urls, *health_urls]
