from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from search import urls as search_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("", include(search_urls)),
    path("", include(wagtail_urls)),
]
