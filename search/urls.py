"""The search page, its JSON API, feeds and followed searches, and the health endpoint, for one
`include()` before Wagtail's catch-all. A host that wants the health endpoint elsewhere includes
`search.urls.search_urls` and `search.urls.health_urls` apart."""

from django.urls import path

from . import alert_views, feeds
from .health_view import healthz
from .views import search_api, search_view, suggest_api

app_name = "strategy_search"

search_urls = [
    path("sok/", search_view, name="search"),
    path("api/search/", search_api, name="api"),
    path("api/search/suggest/", suggest_api, name="suggest"),
    path("sok/floden/", feeds.feed_links, name="feeds"),
    path("sok/floden/<str:key>/atom/", feeds.atom_feed, name="atom_feed"),
    path("sok/floden/<str:key>/rss/", feeds.rss_feed, name="rss_feed"),
    path("sok/bevaka/", alert_views.follow_search, name="follow"),
    path("sok/bevakningar/", alert_views.followed_searches, name="followed_searches"),
    path(
        "sok/bevakningar/<int:pk>/frekvens/",
        alert_views.change_frequency,
        name="change_frequency",
    ),
    path("sok/bevakningar/<int:pk>/sluta/", alert_views.stop_following, name="stop_following"),
    path("sok/bevakningar/avsluta/<str:keys>/", alert_views.unsubscribe, name="unsubscribe"),
]
health_urls = [path("healthz", healthz, name="healthz")]

urlpatterns = [*search_urls, *health_urls]
