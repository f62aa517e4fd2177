"""A member of staff follows a committee and finds its news under “For you” on the start page; the
calendar is accessible (WCAG 2.1 A/AA, axe-core) and fits a phone screen."""

import datetime

import pytest
from django.utils import timezone

from strategy_pages.models import (
    CalendarPage,
    CommitteePage,
    EventKind,
    EventPage,
    IntranetHomePage,
)
from tests.browser.test_browse_the_intranet import demo_site, log_in  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def calendar(demo_site):  # noqa: F811 - the fixture imported above
    """The demo's calendar (a meeting, an event and a deadline in the coming weeks) and an event
    with a long name, which must still fit a phone."""
    home = IntranetHomePage.objects.get()
    start = timezone.localtime().replace(hour=13, minute=0, second=0, microsecond=0)
    start += datetime.timedelta(days=20)
    event = EventPage(
        title="Seminarium om Erasmus+-finansiering för förskolans kompetensutbyten",
        slug="seminarium-erasmus-forskola",
        kind=EventKind.EVENT,
        start=start,
        end=start + datetime.timedelta(hours=3),
        location="Stadshuset, Stockholm",
    )
    home.add_child(instance=event)
    event.save_revision().publish()
    return CalendarPage.objects.get(slug="kalender")


def test_following_a_committee_fills_for_you_on_the_start_page(
    demo_site,  # noqa: F811 - the fixture imported above
    live_server,
    page,
    assert_accessible,
):
    committee_page = CommitteePage.objects.get(committee__slug="hagersten-liljeholmen")
    log_in(page, live_server.url)
    for_you = page.get_by_role("region", name="För dig")
    assert "Du följer inget ännu" in for_you.inner_text()

    page.goto(f"{live_server.url}{committee_page.url}")
    page.get_by_role("button", name="Följ", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Sluta följa").is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/")
    assert for_you.get_by_role("listitem").count() > 0
    assert "Hägersten-Liljeholmens stadsdelsnämnd" in for_you.inner_text()
    first_heading = page.locator(".intl .container h2").first
    assert first_heading.inner_text() == "För dig"
    assert_accessible(page)


def test_the_calendar_is_accessible_and_fits_a_phone(
    calendar, live_server, page, browser, assert_accessible
):
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}{calendar.url}")
    items = page.locator(".calendar__item")
    assert items.count() == 4
    assert "Sista ansökningsdag" in items.last.inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Tidigare").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Tidigare händelser").is_visible()
    assert_accessible(page)

    context = browser.new_context(locale="sv-SE", viewport=PHONE)
    phone = context.new_page()
    log_in(phone, live_server.url)
    phone.goto(f"{live_server.url}{calendar.url}")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the calendar scrolls sideways by {overflow}px"
    assert_accessible(phone)
    context.close()
