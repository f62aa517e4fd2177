"""An editor reading the intranet gets from a page to its editor in one click."""

import re

import pytest

from tests.browser.test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_goes_from_a_news_item_to_its_editor(demo_site, live_server, page):  # noqa: F811
    log_in(page, live_server.url, username="redaktor")
    page.goto(f"{live_server.url}/nyheter/")
    page.locator(".card a").first.click()
    title = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="Se Wagtail snabbhandlingar").click()
    page.get_by_role("menuitem", name=re.compile("Redigera")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert page.get_by_role("textbox", name="Titel*").input_value() == title


def test_staff_without_editing_rights_get_no_editor_shortcuts(demo_site, live_server, page):  # noqa: F811
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/nyheter/")
    page.locator(".card a").first.click()
    assert page.get_by_role("button", name="Se Wagtail snabbhandlingar").count() == 0
