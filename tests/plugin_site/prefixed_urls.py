from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [
    path("intl/", include("search.urls")),
    path("", include(wagtail_urls)),
]
