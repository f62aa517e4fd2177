"""Study visits and delegations: the clash rule, the coordinators' register and its warning,
the staff's calendar of visits and its iCalendar feed."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from strategy_pages.models import StudyVisit, VisitDirection
from tests import factories

NOW = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)  # a Monday
INCOMING, OUTGOING = VisitDirection.INCOMING, VisitDirection.OUTGOING


@pytest.fixture(autouse=True)
def end_of_november_2026():
    with time_machine.travel(NOW, tick=False):
        yield


def day(month, day_of_month, year=2026):
    return datetime.date(year, month, day_of_month)


@pytest.fixture
def add_visit(tree):
    def add(committee, organisation, start, end=None, direction=INCOMING, **fields):
        return StudyVisit.objects.create(
            committee=tree.committees[committee],
            organisation=organisation,
            start_date=start,
            end_date=end,
            direction=direction,
            **fields,
        )

    return add


# The clash rule.


def test_the_same_delegation_to_another_committee_in_the_same_week_clashes(add_visit):
    tuesday = add_visit("sodermalm", "Ålands landskapsregering", day(12, 8))
    thursday = add_visit("stockholmshem", "  ÅLANDS  landskapsregering ", day(12, 10))

    assert list(tuesday.same_delegation_elsewhere()) == [thursday]
    assert list(thursday.same_delegation_elsewhere()) == [tuesday]


def test_sunday_and_the_next_monday_are_different_weeks(add_visit):
    sunday = add_visit("sodermalm", "Oslo kommune", day(12, 13))
    add_visit("stockholmshem", "Oslo kommune", day(12, 14))

    assert not sunday.same_delegation_elsewhere().exists()


def test_a_visit_over_two_weeks_clashes_with_one_in_its_second_week(add_visit):
    long_visit = add_visit("sodermalm", "Eurocities", day(12, 11), day(12, 15))
    second_week = add_visit("stockholmshem", "Eurocities", day(12, 18))

    assert list(long_visit.same_delegation_elsewhere()) == [second_week]


def test_two_visits_to_the_same_committee_do_not_clash(add_visit):
    first = add_visit("sodermalm", "Helsingfors stad", day(12, 8))
    add_visit("sodermalm", "Helsingfors stad", day(12, 9))

    assert not first.same_delegation_elsewhere().exists()


def test_outgoing_visits_do_not_clash(add_visit):
    outgoing = add_visit("sodermalm", "Bryssel", day(12, 8), direction=OUTGOING)
    add_visit("stockholmshem", "Bryssel", day(12, 9), direction=OUTGOING)
    incoming = add_visit("hagersten-liljeholmen", "Bryssel", day(12, 10))

    assert not outgoing.same_delegation_elsewhere().exists()
    assert not incoming.same_delegation_elsewhere().exists()


def test_other_organisations_do_not_clash(add_visit):
    oslo = add_visit("sodermalm", "Oslo kommune", day(12, 8))
    add_visit("stockholmshem", "Bergen kommune", day(12, 8))

    assert not oslo.same_delegation_elsewhere().exists()


# The admin.


def visit_form(tree, **fields):
    return {
        "direction": INCOMING,
        "committee": tree.committees["stockholmshem"].pk,
        "organisation": "Oslo kommune",
        "country": "Norge",
        "purpose": "",
        "start_date": "2026-12-10",
        "end_date": "",
        "contact_name": "",
        "contact_email": "",
        "showcase": "",
        **fields,
    }


def test_a_coordinator_is_warned_of_the_same_delegation_elsewhere(tree, people, add_visit, client):
    add_visit("sodermalm", "Oslo kommune", day(12, 8), day(12, 9))
    client.force_login(people.coordinator)

    response = client.post(
        reverse("wagtailsnippets_strategy_pages_studyvisit:add"), visit_form(tree)
    )

    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "Oslo kommune besöker också Södermalms stadsdelsnämnd (8 december 2026 – 9 december "
        "2026) samma vecka. Stäm av med dem om det är samma delegation."
    ]


def test_no_warning_when_the_delegation_comes_another_week(tree, people, add_visit, client):
    visit = add_visit("sodermalm", "Oslo kommune", day(12, 1))
    client.force_login(people.coordinator)

    response = client.post(
        reverse("wagtailsnippets_strategy_pages_studyvisit:edit", args=[visit.pk]),
        visit_form(tree, committee=tree.committees["sodermalm"].pk, start_date="2026-12-02"),
    )

    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_the_register_marks_visits_of_the_same_delegation(tree, people, add_visit, client):
    add_visit("sodermalm", "Oslo kommune", day(12, 8))
    add_visit("stockholmshem", "Oslo kommune", day(12, 10))
    add_visit("hagersten-liljeholmen", "Helsingfors stad", day(12, 10))
    client.force_login(people.coordinator)

    html = client.get(reverse("wagtailsnippets_strategy_pages_studyvisit:list")).content.decode()

    assert "Tas också emot av AB Stockholmshem (10 december 2026)" in html
    assert "Tas också emot av Södermalms stadsdelsnämnd (8 december 2026)" in html
    assert html.count("Tas också emot av") == 2


def test_the_register_reads_the_clashes_of_a_page_of_visits_at_once(
    tree, people, add_visit, client
):
    client.force_login(people.coordinator)
    url = reverse("wagtailsnippets_strategy_pages_studyvisit:list")

    def queries_for_the_register():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add_visit("sodermalm", "Oslo kommune", day(12, 8))
    queries_for_the_register()  # what the first request reads once
    few = queries_for_the_register()
    for week in range(1, 4):
        add_visit("stockholmshem", f"Delegation {week}", day(11, week * 7))
        add_visit("sodermalm", f"Delegation {week}", day(11, week * 7))
    assert queries_for_the_register() == few


def test_the_register_filters_by_year_and_direction(tree, people, add_visit, client):
    add_visit("sodermalm", "Oslo kommune", day(12, 8))
    add_visit("sodermalm", "Köpenhamns kommun", day(3, 8, year=2025))
    add_visit("sodermalm", "Europeiska kommissionen", day(12, 1), direction=OUTGOING)
    client.force_login(people.coordinator)
    listing = reverse("wagtailsnippets_strategy_pages_studyvisit:list")

    of_2025 = client.get(listing, {"year": "2025"}).content.decode()
    outgoing = client.get(listing, {"direction": OUTGOING}).content.decode()

    assert "Köpenhamns kommun" in of_2025 and "Oslo kommune" not in of_2025
    assert "Europeiska kommissionen" in outgoing and "Oslo kommune" not in outgoing


def test_staff_cannot_open_the_register_and_coordinators_can(people, client):
    listing = reverse("wagtailsnippets_strategy_pages_studyvisit:list")
    client.force_login(people.staff)
    staff_response = client.get(listing)
    client.force_login(people.coordinator)
    coordinator_response = client.get(listing)

    assert staff_response.status_code == 302
    assert coordinator_response.status_code == 200


# The calendar of visits.


@pytest.fixture
def calendar(tree):
    return factories.CalendarPageFactory(parent=tree.home, title="Kalender", slug="kalender")


def test_upcoming_visits_by_month_with_host_page_contact_and_project(
    tree, calendar, add_visit, add_showcase, staff_client
):
    showcase = add_showcase("sodermalm", title="Äldreomsorg med Köpenhamn")
    add_visit(
        "sodermalm",
        "Köpenhamns kommun",
        day(1, 12, year=2027),
        day(1, 13, year=2027),
        country="Danmark",
        contact_name="Karin Åberg",
        contact_email="karin.aberg@stockholm.se",
        showcase=showcase,
    )
    add_visit("stockholmshem", "Oslo kommune", day(11, 30))  # today: still upcoming
    add_visit("sodermalm", "Tallinns stad", day(11, 27))  # last Friday: past

    html = staff_client.get(f"{calendar.url}besok/").content.decode()

    assert html.index("November 2026") < html.index("Oslo kommune") < html.index("Januari 2027")
    assert "Köpenhamns kommun (Danmark)" in html
    assert f'href="{tree.sections["sodermalm"].url}"' in html
    assert 'href="mailto:karin.aberg@stockholm.se"' in html
    assert f'href="{showcase.url}"' in html
    assert "Tallinns stad" not in html


def test_past_visits_are_latest_first(calendar, add_visit, staff_client):
    add_visit("sodermalm", "Tallinns stad", day(5, 14))
    add_visit("sodermalm", "Europarådet", day(10, 1))
    add_visit("sodermalm", "Eurocities", day(12, 10))

    html = staff_client.get(f"{calendar.url}besok/tidigare/").content.decode()

    assert html.index("Europarådet") < html.index("Tallinns stad")
    assert "Eurocities" not in html


def test_the_calendar_marks_the_same_delegation(calendar, add_visit, staff_client):
    add_visit("sodermalm", "Oslo kommune", day(12, 8))
    add_visit("stockholmshem", "Oslo kommune", day(12, 10))

    html = staff_client.get(f"{calendar.url}besok/").content.decode()

    assert html.count("Samma delegation samma vecka:") == 2


def test_the_calendar_page_links_to_the_visits(calendar, staff_client):
    html = staff_client.get(calendar.url).content.decode()

    assert f'href="{calendar.url}besok/"' in html


def test_a_restricted_project_is_not_shown_to_those_outside_it(
    calendar, add_visit, add_showcase, staff_client
):
    showcase = add_showcase("sodermalm", title="Internt projekt om äldreomsorg")
    restriction = PageViewRestriction.objects.create(
        page=showcase, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Projektgruppen")])
    add_visit("sodermalm", "Köpenhamns kommun", day(12, 8), showcase=showcase)

    html = staff_client.get(f"{calendar.url}besok/").content.decode()
    feed = staff_client.get(f"{calendar.url}besok/ical/").content.decode()

    assert "Köpenhamns kommun" in html
    for text in (html, feed):
        assert "Internt projekt" not in text
        assert showcase.slug not in text


def test_anonymous_visitors_are_sent_to_log_in(calendar, client):
    for path in ("besok/", "besok/tidigare/", "besok/ical/"):
        response = client.get(f"{calendar.url}{path}")

        assert response.status_code == 302
        assert "/logga-in/" in response["Location"]


def feed_events(response):
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_the_feed_has_one_whole_day_event_per_visit(
    calendar, add_visit, add_showcase, staff_client
):
    showcase = add_showcase("sodermalm", title="Äldreomsorg med Köpenhamn")
    visit = add_visit(
        "sodermalm",
        "Köpenhamns kommun",
        day(12, 8),
        day(12, 9),
        purpose="Återbesök om äldreomsorg.",
        contact_name="Karin Åberg",
        showcase=showcase,
    )
    add_visit("stockholmshem", "Europeiska kommissionen", day(12, 14), direction=OUTGOING)

    events = feed_events(staff_client.get(f"{calendar.url}besok/ical/"))
    again = feed_events(staff_client.get(f"{calendar.url}besok/ical/"))

    assert len(events) == 2
    first = events[0]
    assert first.decoded("dtstart") == day(12, 8)
    assert first.decoded("dtend") == day(12, 10)  # the end is exclusive
    assert str(first["uid"]) == str(again[0]["uid"]) == f"study-visit-{visit.pk}@strategy-pages"
    assert str(first["summary"]) == "Köpenhamns kommun besöker Södermalms stadsdelsnämnd"
    assert "Återbesök om äldreomsorg." in str(first["description"])
    assert "Kontakt: Karin Åberg" in str(first["description"])
    assert str(first["url"]).endswith(showcase.url)
    assert str(events[1]["summary"]) == "AB Stockholmshem besöker Europeiska kommissionen"
    assert str(events[1]["url"]).endswith(f"{calendar.url}besok/")
