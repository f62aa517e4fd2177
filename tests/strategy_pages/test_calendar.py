"""The calendar page: upcoming and past items by month, filters, and its iCalendar feed."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from strategy_pages.models import CalendarPage, EventKind
from tests import factories

STOCKHOLM = datetime.timezone(datetime.timedelta(hours=2))  # summer time, as in September
NOW = datetime.datetime(2016, 9, 15, 12, 0, tzinfo=STOCKHOLM)


class CalendarPageFactory(factories.IntranetPageFactory):
    title = "Kalender"
    slug = "kalender"

    class Meta:
        model = CalendarPage


@pytest.fixture(autouse=True)
def september_2016():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def calendar(tree):
    return CalendarPageFactory(parent=tree.home)


@pytest.fixture
def add_event(tree):
    def add(title, start, end=None, **fields):
        return factories.EventPageFactory(
            parent=tree.home, title=title, start=start, end=end, **fields
        )

    return add


def at(month, day, hour=0, minute=0):
    return datetime.datetime(2016, month, day, hour, minute, tzinfo=STOCKHOLM)


def titles_by_month(html):
    """{month heading: [item titles]} in page order."""
    months = re.findall(r'calendar__month-heading">(.*?)</h3>(.*?)</section>', html, re.S)
    return {
        heading: re.findall(r'class="calendar__title">(.*?)</a>', body) for heading, body in months
    }


def feed_events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_upcoming_items_are_grouped_by_month_with_swedish_names(calendar, add_event, staff_client):
    add_event("Nätverksmöte oktober", at(10, 3, 14), at(10, 3, 16), kind=EventKind.MEETING)
    add_event("Erasmus+ ansökan", at(10, 5, 12), kind=EventKind.DEADLINE)
    add_event("Seminarium i november", at(11, 8, 9), at(11, 8, 12))
    add_event("Vårens möte", at(4, 1, 9), at(4, 1, 10))

    html = staff_client.get(calendar.url).content.decode()

    assert titles_by_month(html) == {
        "Oktober 2016": ["Nätverksmöte oktober", "Erasmus+ ansökan"],
        "November 2016": ["Seminarium i november"],
    }
    assert "Nätverksmöte" in html and "Sista ansökningsdag" in html


def test_an_item_under_way_or_later_today_is_still_upcoming(calendar, add_event, staff_client):
    add_event("Pågående konferens", at(9, 14, 9), at(9, 16, 17))
    add_event("Morgonmöte i dag", at(9, 15, 8), at(9, 15, 9))
    add_event("Gårdagens möte", at(9, 14, 8), at(9, 14, 9))

    html = staff_client.get(calendar.url).content.decode()

    assert titles_by_month(html) == {"September 2016": ["Pågående konferens", "Morgonmöte i dag"]}


def test_past_items_are_listed_newest_first_under_tidigare(calendar, add_event, staff_client):
    add_event("Framtida möte", at(10, 3, 14), at(10, 3, 16))
    add_event("Vårens möte", at(4, 1, 9), at(4, 1, 10))
    add_event("Sommarens möte", at(8, 20, 9), at(8, 20, 10))

    html = staff_client.get(f"{calendar.url}tidigare/").content.decode()

    assert titles_by_month(html) == {
        "Augusti 2016": ["Sommarens möte"],
        "April 2016": ["Vårens möte"],
    }
    assert 'aria-current="page">Tidigare' in html


def test_the_calendar_filters_by_kind_and_committee(tree, calendar, add_event, staff_client):
    add_event("Nätverksmöte", at(10, 3, 14), kind=EventKind.MEETING)
    add_event("Erasmus+ ansökan", at(10, 5, 12), kind=EventKind.DEADLINE)
    add_event("Södermalms seminarium", at(10, 6, 12), committee=tree.committees["sodermalm"])

    deadlines = staff_client.get(calendar.url, {"kind": "deadline"}).content.decode()
    sodermalm = staff_client.get(calendar.url, {"committee": "sodermalm"}).content.decode()

    assert titles_by_month(deadlines) == {"Oktober 2016": ["Erasmus+ ansökan"]}
    assert titles_by_month(sodermalm) == {"Oktober 2016": ["Södermalms seminarium"]}


def test_each_item_links_to_its_event_page(calendar, add_event, staff_client):
    event = add_event("Nätverksmöte", at(10, 3, 14))

    html = staff_client.get(calendar.url).content.decode()

    assert f'<a href="{event.url}" class="calendar__title">Nätverksmöte</a>' in html


def test_the_feed_has_events_with_their_times_place_and_categories(
    tree, calendar, add_event, staff_client
):
    meeting = add_event(
        "Nätverksmöte",
        at(10, 3, 14),
        at(10, 3, 16, 30),
        kind=EventKind.MEETING,
        location="Stadshuset",
        summary="Nätverkets höstmöte.",
        committee=tree.committees["hagersten-liljeholmen"],
    )

    event = feed_events(staff_client.get(f"{calendar.url}ical/"))["Nätverksmöte"]

    assert event.decoded("DTSTART") == at(10, 3, 14)
    assert event.decoded("DTEND") == at(10, 3, 16, 30)
    assert str(event["LOCATION"]) == "Stadshuset"
    assert str(event["DESCRIPTION"]) == "Nätverkets höstmöte."
    assert str(event["URL"]) == meeting.full_url
    assert event.categories == ["Nätverksmöte", "Hägersten-Liljeholmens stadsdelsnämnd"]


def test_a_deadline_in_the_feed_has_a_moment_and_no_end(calendar, add_event, staff_client):
    add_event("Erasmus+ ansökan", at(10, 5, 12), kind=EventKind.DEADLINE)

    event = feed_events(staff_client.get(f"{calendar.url}ical/"))["Erasmus+ ansökan"]

    assert event.decoded("DTSTART") == at(10, 5, 12)
    assert "DTEND" not in event
    assert event.categories == ["Sista ansökningsdag"]


def test_a_whole_day_event_in_the_feed_spans_whole_days(calendar, add_event, staff_client):
    add_event("Temadag", at(10, 3), at(10, 4), whole_day=True)

    event = feed_events(staff_client.get(f"{calendar.url}ical/"))["Temadag"]

    assert event.decoded("DTSTART") == datetime.date(2016, 10, 3)
    assert event.decoded("DTEND") == datetime.date(2016, 10, 5)


def test_the_feed_keeps_each_pages_uid_across_requests(calendar, add_event, staff_client):
    first = add_event("Första", at(10, 3, 14))
    add_event("Andra", at(10, 4, 14))

    before = {
        str(e["SUMMARY"]): str(e["UID"])
        for e in feed_events(staff_client.get(f"{calendar.url}ical/")).values()
    }
    first.title = "Första, nytt namn"
    first.save_revision().publish()
    after = {
        str(e["SUMMARY"]): str(e["UID"])
        for e in feed_events(staff_client.get(f"{calendar.url}ical/")).values()
    }

    assert before["Första"] == after["Första, nytt namn"]
    assert before["Första"] != before["Andra"]


def test_a_restricted_event_is_only_in_the_feed_of_its_groups_members(
    calendar, add_event, client, django_user_model
):
    insiders = Group.objects.create(name="Nätverket")
    restricted = add_event("Internt nätverksmöte", at(10, 3, 14))
    add_event("Öppet seminarium", at(10, 4, 14))
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([insiders])
    outsider = django_user_model.objects.create_user("utanfor", password="hemligt-losenord-1")
    insider = django_user_model.objects.create_user("innanfor", password="hemligt-losenord-1")
    insider.groups.add(insiders)

    client.force_login(outsider)
    outsiders_feed = feed_events(client.get(f"{calendar.url}ical/"))
    outsiders_page = client.get(calendar.url).content.decode()
    client.force_login(insider)
    insiders_feed = feed_events(client.get(f"{calendar.url}ical/"))

    assert set(outsiders_feed) == {"Öppet seminarium"}
    assert "Internt nätverksmöte" not in outsiders_page
    assert set(insiders_feed) == {"Internt nätverksmöte", "Öppet seminarium"}


def test_the_feed_follows_the_calendars_filters(calendar, add_event, staff_client):
    add_event("Nätverksmöte", at(10, 3, 14), kind=EventKind.MEETING)
    add_event("Erasmus+ ansökan", at(10, 5, 12), kind=EventKind.DEADLINE)

    events = feed_events(staff_client.get(f"{calendar.url}ical/", {"kind": "deadline"}))

    assert set(events) == {"Erasmus+ ansökan"}


def test_the_feed_requires_a_login(calendar, client):
    response = client.get(f"{calendar.url}ical/")

    assert response.status_code == 302
    assert "/logga-in/" in response["Location"]


def test_a_deadline_cannot_have_an_end(add_event):
    deadline = add_event("Erasmus+ ansökan", at(10, 5, 12), kind=EventKind.DEADLINE)
    deadline.end = at(10, 5, 13)

    with pytest.raises(ValidationError) as error:
        deadline.clean()

    assert "end" in error.value.message_dict


def test_a_calendar_may_be_created_on_the_start_page_and_in_sections(tree):
    section = factories.SectionPageFactory(parent=tree.home)

    assert CalendarPage.can_create_at(tree.home)
    assert CalendarPage.can_create_at(section)
    assert not CalendarPage.can_create_at(tree.sections["sodermalm"])
