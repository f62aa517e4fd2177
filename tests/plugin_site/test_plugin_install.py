"""The plugin apps install into an existing Wagtail site without the host site package."""

from django.apps import apps
from django.conf import settings

from tests import factories


def test_only_the_plugin_apps_are_installed():
    assert "intranet" not in settings.INSTALLED_APPS
    assert apps.is_installed("strategy_pages") and apps.is_installed("search")


def test_plugin_pages_render_inside_the_host_sites_base_template(
    tree, add_showcase, add_news, client
):
    showcase = add_showcase(title="Kompetensutbyte inom förskolan")
    news = add_news(title="Nätverket växer")
    for page in (tree.home, tree.strategy, tree.showcase_index, showcase, tree.news_index, news):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert "Värdsajtens sidhuvud" in html
        assert page.title in html


def test_plugin_listings_filter_on_the_host_site(tree, add_showcase, client):
    add_showcase(title="Projekt på Södermalm", committee="sodermalm")
    add_showcase(title="Projekt i Hägersten")
    response = client.get(f"{tree.showcase_index.url}?committee=sodermalm")
    assert [item.title for item in response.context["items"]] == ["Projekt på Södermalm"]


def test_plugin_search_page_works_on_the_host_site(tree, add_showcase, client):
    add_showcase(title="Benchmarking av Telefonplan")
    response = client.get("/sok/?q=Telefonplan")
    assert response.status_code == 200
    assert "Benchmarking av <mark>Telefonplan</mark>" in response.content.decode()


def test_plugin_health_endpoint_works_on_the_host_site(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["queue"]["depth"] == 0


def test_plugin_sections_go_under_the_hosts_own_pages(db):
    from wagtail.models import Page

    from strategy_pages.models import IntranetHomePage, NetworkNewsIndexPage, StrategyPage

    host_home = Page.get_first_root_node().add_child(instance=Page(title="Värdens start"))
    for model in (IntranetHomePage, StrategyPage, NetworkNewsIndexPage):
        assert model.can_create_at(host_home), model


def test_search_can_be_mounted_under_a_prefix(tree, add_showcase, client, settings):
    settings.ROOT_URLCONF = "tests.plugin_site.prefixed_urls"
    add_showcase(title="Benchmarking av Telefonplan")
    html = client.get("/intl/sok/", {"q": "Telefonplan"}).content.decode()
    assert "Benchmarking av <mark>Telefonplan</mark>" in html
    assert 'action="/intl/sok/"' in html
    assert client.get("/intl/healthz").status_code == 200


def test_logging_in_to_read_uses_the_login_page_the_host_site_has(tree, client):
    """A host need not set LOGIN_URL: readers are sent to Wagtail's front-end login, which
    every Wagtail site serves, not to Django's /accounts/login/, which it may not."""
    assert not hasattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL")
    calendar = factories.CalendarPageFactory(parent=tree.home)
    for url in (f"{calendar.url}besok/", f"{calendar.url}besok/ical/", "/sok/bevakningar/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert client.get(response["Location"]).status_code == 200, response["Location"]
