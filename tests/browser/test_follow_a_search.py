"""A member of staff follows a search from the search page and finds it under "Mina
bevakningar", and gets the search's feed addresses; every page on the way is accessible."""

import re

import pytest

from tests.browser.test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_staff_follow_a_search_and_subscribe_to_its_feed(
    demo_site,  # noqa: F811
    live_server,
    page,
    assert_accessible,
):
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/sok/")
    search_box = page.get_by_role("combobox", name=re.compile("Sök projekt"))
    search_box.fill("förskola")
    search_box.press("Enter")
    page.wait_for_url(re.compile(r"q=f%C3%B6rskola"))
    assert_accessible(page)

    page.get_by_role("link", name="Prenumerera på flödet").click()
    page.wait_for_url(re.compile(r"/sok/floden/\?q=f%C3%B6rskola"))
    assert page.get_by_role("heading", level=1).inner_text() == "Flöden"
    atom = page.get_by_role("link", name="“förskola” som Atom-flöde")
    assert re.search(r"/sok/floden/[\w-]+/atom/\?q=f%C3%B6rskola$", atom.get_attribute("href"))
    assert_accessible(page)

    page.goto(f"{live_server.url}/sok/?q=förskola")
    page.get_by_role("button", name="Bevaka").click()
    page.wait_for_url(f"{live_server.url}/sok/bevakningar/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mina bevakningar"
    assert page.get_by_role("status").inner_text() == "Nu bevakar du “förskola”."
    followed = page.get_by_role("heading", level=2, name="“förskola”")
    assert followed.count() == 1
    assert page.get_by_label("Mejl").input_value() == "daily"
    assert_accessible(page)

    page.get_by_label("Mejl").select_option("weekly")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_load_state()
    assert page.get_by_label("Mejl").input_value() == "weekly"
    page.get_by_role("button", name="Sluta bevaka “förskola”").click()
    page.wait_for_load_state()
    assert page.get_by_text("Du bevakar inga sökningar än.").is_visible()
