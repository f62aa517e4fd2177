"""A member of staff logs in, finds the orientations on the start page, follows one to a showcase,
filters the project listing, and every page on the way is accessible (WCAG 2.1 A/AA, axe-core)."""

import pytest
from django.conf import settings
from django.core.management import call_command

# Each test flushes the database; serialized rollback restores what Wagtail's migrations created.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


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
