"""The calendar of study visits, a committee page and "Om nätverket" with the network's
representation fit every screen from a small phone to a desktop and are accessible (WCAG 2.1
A/AA, axe-core), on the demo site."""

import pytest

from strategy_pages.models import CalendarPage, CommitteePage, SectionPage
from tests.browser.conftest import watch_content_security_policy
from tests.browser.test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (320, 390, 768, 1366)


def pages_to_check():
    calendar = CalendarPage.objects.get(slug="kalender")
    return [
        f"{calendar.url}besok/",
        f"{calendar.url}besok/tidigare/",
        CommitteePage.objects.get(committee__slug="farsta").url,
        CommitteePage.objects.get(committee__slug="sodermalm").url,
        SectionPage.objects.get(slug="om-natverket").url,
    ]


def test_visits_committee_page_and_om_natverket_fit_every_screen_and_are_accessible(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    browser,
    assert_accessible,
):
    urls = pages_to_check()
    for width in WIDTHS:
        context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 900})
        page = context.new_page()
        refused = watch_content_security_policy(page)
        log_in(page, live_server.url)
        for url in urls:
            page.goto(f"{live_server.url}{url}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
            assert_accessible(page)
        context.close()
        assert refused == [], f"the Content-Security-Policy refused: {refused}"


def test_staff_find_the_clash_and_the_network_on_the_demo(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    page,
):
    calendar = CalendarPage.objects.get(slug="kalender")
    log_in(page, live_server.url)

    page.goto(f"{live_server.url}{calendar.url}")
    page.locator(".calendar-nav").get_by_role("link", name="Studiebesök och delegationer").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Studiebesök och delegationer"
    assert page.locator(".visit--clash").count() == 2
    assert "Oslo kommune" in page.locator(".visit--clash").first.inner_text()

    page.goto(f"{live_server.url}{SectionPage.objects.get(slug='om-natverket').url}")
    summary = page.locator(".network-coverage__summary").inner_text()
    assert summary.startswith("19 av 27 nämnder och bolag är representerade")
