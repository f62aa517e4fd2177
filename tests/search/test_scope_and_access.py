"""What search covers in a host site: the plugin's pages of the current site, unless the host
widens it; and who may search, following the host's own access rules."""

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from tests import factories

from .conftest import titles


@pytest.fixture
def host_pages(tree, add_news):
    """A plain page of the host beside the plugin's pages, and a second site with a news
    listing of its own."""
    tree.home.add_child(instance=Page(title="Zanzibar på värdens egen sida", slug="vard"))
    add_news(title="Zanzibar i nätverket")
    other_root = factories.HomePageFactory(
        parent=Page.get_first_root_node(), title="Annan webbplats", slug="annan"
    )
    Site.objects.create(hostname="annan.example", root_page=other_root)
    other_news = factories.NewsIndexPageFactory(parent=other_root, slug="nyheter-annan")
    factories.NewsPageFactory(
        parent=other_news, committee=tree.committees["sodermalm"], title="Zanzibar på annan sajt"
    )
    return tree


def test_search_covers_the_plugins_pages_of_the_current_site(host_pages, reindex, api):
    reindex()
    assert titles(api(q="Zanzibar")) == ["Zanzibar i nätverket"]


def test_the_host_can_widen_search_to_its_own_pages(host_pages, reindex, api, settings):
    settings.STRATEGY_SEARCH_SCOPE = "site"
    reindex()
    found = titles(api(q="Zanzibar"))
    assert sorted(found) == ["Zanzibar i nätverket", "Zanzibar på värdens egen sida"]


def test_totals_and_facets_count_only_what_the_scope_shows(host_pages, reindex, api):
    reindex()
    data = api(q="Zanzibar")
    assert data["total"] == 1
    committees = {value["value"]: value["count"] for value in data["facets"]["committee"]}
    assert committees == {"hagersten-liljeholmen": 1}


def test_each_site_searches_its_own_pages(host_pages, reindex, staff_client):
    reindex()
    response = staff_client.get("/api/search/", {"q": "Zanzibar"}, HTTP_HOST="annan.example")
    assert titles(response.json()) == ["Zanzibar på annan sajt"]


@pytest.fixture
def public_search(settings):
    settings.STRATEGY_SEARCH_LOGIN_REQUIRED = False


def test_on_a_public_search_anonymous_visitors_never_see_login_only_pages(
    tree, add_news, reindex, client, public_search
):
    add_news(title="Zanzibar för alla")
    hidden = add_news(title="Zanzibar för inloggade")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    reindex()
    data = client.get("/api/search/", {"q": "Zanzibar"}).json()
    assert titles(data) == ["Zanzibar för alla"]
    assert data["total"] == 1
    suggestions = client.get("/api/search/suggest/", {"q": "Zanzibar"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Zanzibar för alla"]
    page = client.get("/sok/", {"q": "Zanzibar"}).content.decode()
    assert "för alla" in page and "inloggade" not in page


def test_logged_in_staff_find_login_only_pages(tree, add_news, reindex, api, public_search):
    hidden = add_news(title="Zanzibar för inloggade")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    reindex()
    assert titles(api(q="Zanzibar")) == ["Zanzibar för inloggade"]


def test_search_follows_a_host_that_requires_login_everywhere(tree, backend, client):
    assert client.get("/sok/", {"q": "x"}).status_code == 302
    assert client.get("/api/search/", {"q": "x"}).status_code == 401
