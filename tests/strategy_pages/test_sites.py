"""Which site a request is for comes from the cache, and follows a change of sites at once."""

import warnings

from django.core.cache import CacheKeyWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from tests import factories


def site_queries(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return [query for query in queries if "wagtailcore_site" in query["sql"]]


def test_a_page_asks_the_database_for_its_site_only_on_the_first_visit(tree, staff_client):
    assert site_queries(staff_client, tree.strategy.url)
    assert not site_queries(staff_client, tree.strategy.url)
    assert not site_queries(staff_client, tree.news_index.url)


def test_a_new_site_answers_for_its_host_on_the_next_request(
    tree, staff_client, django_capture_on_commit_callbacks
):
    before = staff_client.get("/", HTTP_HOST="annan.example").content.decode()
    other_root = factories.HomePageFactory(
        parent=Page.get_first_root_node(), title="Annan webbplats", slug="annan"
    )
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.create(hostname="annan.example", root_page=other_root)

    after = staff_client.get("/", HTTP_HOST="annan.example").content.decode()
    assert "Annan webbplats" not in before
    assert "Annan webbplats" in after


def test_a_removed_site_no_longer_answers_for_its_host(
    tree, staff_client, django_capture_on_commit_callbacks
):
    other_root = factories.HomePageFactory(
        parent=Page.get_first_root_node(), title="Annan webbplats", slug="annan"
    )
    site = Site.objects.create(hostname="annan.example", root_page=other_root)
    assert "Annan webbplats" in staff_client.get("/", HTTP_HOST="annan.example").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        site.delete()

    page = staff_client.get("/", HTTP_HOST="annan.example").content.decode()
    assert "Annan webbplats" not in page


def test_a_host_name_longer_than_a_cache_key_is_still_served(tree, staff_client):
    long_host = "intranat-" + "a" * 300 + ".example"
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        response = staff_client.get(tree.strategy.url, HTTP_HOST=long_host)
    assert response.status_code == 200
