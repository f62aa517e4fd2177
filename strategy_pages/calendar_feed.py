"""The calendar as an iCalendar feed (RFC 5545) for calendar apps: one VEVENT per event page."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event
from wagtail import hooks

from .conf import CALENDAR_FEED_USER_HOOK

PRODUCT_ID = "-//City of Stockholm//International work calendar//SV"


def feed_user(request):
    """The user a feed request is for. The intranet's login is the only way in today; a token
    scheme registers CALENDAR_FEED_USER_HOOK to name the user from the request instead (a host
    that requires a login for every view must then also let such requests through to it)."""
    for hook in hooks.get_hooks(CALENDAR_FEED_USER_HOOK):
        user = hook(request)
        if user is not None:
            return user
    return request.user


def calendar_feed(events, request, *, name):
    """The iCalendar text of `events` (EventPage objects the request may see)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(feed_event(event, request))
    return calendar.to_ical()


def feed_event(page, request):
    event = Event()
    # The translation key is the page's own for good: it survives edits, moves and renames.
    event.add("uid", f"{page.translation_key}@strategy-pages")
    event.add("dtstamp", page.last_published_at or timezone.now())
    start, end = event_moments(page)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", page.title)
    if page.summary:
        event.add("description", page.summary)
    if page.location:
        event.add("location", page.location)
    url = page.get_full_url(request)
    if url:
        event.add("url", url)
    event.add("categories", event_categories(page))
    return event


def event_moments(page):
    """(DTSTART, DTEND): days for whole-day items (the end day exclusive, as iCalendar wants),
    UTC moments otherwise; a deadline has no end."""
    if page.whole_day:
        first_day = timezone.localdate(page.start)
        if page.is_deadline:
            return first_day, None
        last_day = timezone.localdate(page.end) if page.end else first_day
        return first_day, last_day + datetime.timedelta(days=1)
    start = page.start.astimezone(datetime.UTC)
    if page.is_deadline or page.end is None:
        return start, None
    return start, page.end.astimezone(datetime.UTC)


def event_categories(page):
    categories = [str(page.get_kind_display())]
    if page.committee_id:
        categories.append(page.committee.name)
    return categories
