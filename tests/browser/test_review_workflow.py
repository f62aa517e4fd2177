"""A committee's editor writes a project and submits it; a coordinator approves it from the
dashboard; staff then find it through search. The whole way in Chromium, as each of them."""

import re

import pytest
from django.conf import settings

from strategy_pages.models import CommitteePage
from tests.browser.test_browse_the_intranet import demo_site  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(browser, base_url, username, next_url):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/logga-in/?next={next_url}")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(f"{base_url}{next_url}")
    return page


def test_a_project_goes_from_committee_editor_through_review_to_search(
    demo_site,  # noqa: F811
    live_server,
    browser,
):
    section = CommitteePage.objects.get(committee__slug="hagersten-liljeholmen")
    add_url = f"/admin/pages/add/strategy_pages/projectshowcasepage/{section.pk}/"

    editor = log_in(browser, live_server.url, "hl-redaktor", add_url)
    editor.get_by_role("textbox", name="Titel*").fill("Sommarskola med Tallinn")
    editor.get_by_role("textbox", name="Sammanfattning").fill(
        "Elever från Liljeholmen läser en sommar i Tallinn."
    )
    assert editor.get_by_role("button", name=re.compile("^Publicera")).count() == 0
    editor.get_by_role("button", name="Fler åtgärder").click()
    editor.get_by_role("button", name="Lämna in till Granskning av samordnarna").click()
    editor.wait_for_load_state()
    assert "inlämnad för moderering" in editor.locator(".messages").inner_text()
    editor.context.close()

    staff = log_in(browser, live_server.url, "medarbetare", "/")
    staff.goto(f"{live_server.url}/sok/?q=Sommarskola")
    assert staff.get_by_role("link", name="Sommarskola med Tallinn").count() == 0

    coordinator = log_in(browser, live_server.url, "samordnare", "/admin/")
    awaiting = coordinator.get_by_role("table").filter(has_text="Uppgift inskickad av")
    awaiting.get_by_role("link", name="Sommarskola med Tallinn").click()
    coordinator.wait_for_load_state()
    coordinator.get_by_role("button", name="Fler åtgärder").click()
    coordinator.get_by_role("button", name="Godkänn och Publicera").click()
    coordinator.wait_for_load_state()
    assert "Sommarskola med Tallinn" in coordinator.locator(".messages").inner_text()
    coordinator.context.close()

    staff.goto(f"{live_server.url}/sok/?q=Sommarskola")
    staff.get_by_role("link", name="Sommarskola med Tallinn").click()
    assert staff.get_by_role("heading", level=1).inner_text() == "Sommarskola med Tallinn"
    staff.context.close()
