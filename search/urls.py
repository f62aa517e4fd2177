from django.urls import path

from .health_view import healthz
from .views import search_api, search_view, suggest_api

app_name = "search"

urlpatterns = [
    path("sok/", search_view, name="search"),
    path("api/search/", search_api, name="api"),
    path("api/search/suggest/", suggest_api, name="suggest"),
    path("healthz", healthz, name="healthz"),
]
