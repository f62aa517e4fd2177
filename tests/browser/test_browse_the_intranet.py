"""A member of staff logs in, finds the orientations on the start page, follows one to a showcase,
filters the project listing, and every page on the way is accessible (WCAG 2.1 A/AA, axe-core)."""

from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page

# Each test flushes the database; serialized rollback restores what Wagtail's migrations created.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    restore_wagtail_initial_rows()
    call_command("load_demo", stdout=StringIO())


def restore_wagtail_initial_rows():
    """Each transactional test ends by flushing the database, which removes the rows Wagtail's
    migrations create (locale, root page, root collection); the demo loader builds on them."""
    Locale.objects.get_or_create(language_code="sv")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


def log_in(page, base_url, username="medarbetare"):
    page.goto(f"{base_url}/")
    assert "/logga-in/" in page.url
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{base_url}/")


def test_staff_browse_from_login_to_a_showcase_and_filter_a_listing(
    demo_site, live_server, page, assert_accessible
):
    page.goto(f"{live_server.url}/logga-in/")
    assert_accessible(page)

    log_in(page, live_server.url)
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Internationellt arbete i Stockholms stad"
    )
    assert_accessible(page)

    orientations = page.get_by_role("region", name="Strategins fyra inriktningar")
    orientations.get_by_role("link", name="Samverkan").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Samverkan"
    assert_accessible(page)

    first_showcase = page.locator(".card__title a").first
    title = first_showcase.inner_text()
    first_showcase.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert "Samverkan" in page.get_by_role("complementary", name="Fakta om projektet").inner_text()
    assert_accessible(page)

    # The project listing's filters are a plain form: they work without JavaScript.
    page.get_by_role("link", name="Projekt", exact=True).click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.locator("summary", has_text="Status").click()
    page.get_by_label("Planerat").check()
    page.get_by_role("button", name="Visa").click()
    page.wait_for_load_state()
    assert "status=planned" in page.url
    statuses = page.locator(".card .status").all_inner_texts()
    assert statuses and set(statuses) == {"Planerat"}
    assert_accessible(page)


def test_every_page_type_and_the_search_page_are_accessible(
    demo_site, live_server, page, assert_accessible
):
    log_in(page, live_server.url)
    types_seen = set()
    for wagtail_page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        if type(wagtail_page) in types_seen:
            continue
        types_seen.add(type(wagtail_page))
        page.goto(f"{live_server.url}{wagtail_page.url}")
        assert_accessible(page)
    page_types = {
        model
        for model in apps.get_app_config("strategy_pages").get_models()
        if issubclass(model, Page)
    }
    assert types_seen == page_types  # the demo has a page of every type
    for query in ("förskola", "ordsomintefinns"):
        page.goto(f"{live_server.url}/sok/?q={query}")
        assert_accessible(page)
