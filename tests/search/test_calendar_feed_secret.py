"""A calendar app subscribes to the calendar with the user's feed secret, as feed readers do:
no login, exactly what that user may see, and a renewed secret shuts the old address."""

import datetime

import pytest
from django.contrib.auth.models import Group
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from search.models import FeedToken
from tests import factories

SOON = datetime.datetime(2036, 10, 3, 14, 0, tzinfo=datetime.UTC)


@pytest.fixture
def calendar(tree):
    calendar = factories.CalendarPageFactory(parent=tree.home, slug="kalender")
    factories.EventPageFactory(parent=tree.home, title="Öppet seminarium", start=SOON, end=SOON)
    restricted = factories.EventPageFactory(
        parent=tree.home, title="Internt nätverksmöte", start=SOON, end=SOON
    )
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Nätverket")])
    return calendar


def subscribe(client, calendar, key):
    return client.get(f"{calendar.url}ical/", {"token": key})


def summaries(response):
    assert response.status_code == 200, response.status_code
    return {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_the_calendar_opens_with_the_secret_and_shows_what_its_user_may_see(
    client, calendar, staff_user
):
    key = FeedToken.for_user(staff_user).key
    assert summaries(subscribe(client, calendar, key)) == {"Öppet seminarium"}
    staff_user.groups.add(Group.objects.get(name="Nätverket"))
    assert summaries(subscribe(client, calendar, key)) == {
        "Öppet seminarium",
        "Internt nätverksmöte",
    }


def test_a_renewed_or_wrong_secret_opens_nothing(client, calendar, staff_user):
    old = FeedToken.for_user(staff_user).key
    FeedToken.renew(staff_user)
    assert subscribe(client, calendar, old).status_code == 302
    assert subscribe(client, calendar, "gissning").status_code == 302


def test_the_secret_opens_the_calendar_feed_only(client, calendar, staff_user):
    key = FeedToken.for_user(staff_user).key
    assert client.get(calendar.url, {"token": key}).status_code == 302
    assert client.get("/", {"token": key}).status_code == 302


def test_the_feeds_page_gives_the_calendars_address_with_the_secret(
    staff_client, calendar, staff_user
):
    html = staff_client.get("/sok/floden/").content.decode()
    key = FeedToken.for_user(staff_user).key
    assert f"/kalender/ical/?token={key}" in html
