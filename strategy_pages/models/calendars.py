"""The calendar: network meetings, events and application deadlines by month, and as a feed."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from ..calendar_feed import calendar_feed, feed_user
from ..conf import redirect_to_front_end_login, top_level_parent_types
from ..listings import EventFilterSet
from ..pagination import paginate
from ..visibility import visible_to
from .base import IntranetPage
from .events import EventPage

PAGE_SIZE = 40
#: How far back the feed reaches, so a calendar app keeps recent history without the archive.
FEED_HISTORY = datetime.timedelta(days=365)


@dataclass(frozen=True)
class CalendarMonth:
    first_day: datetime.date
    events: list


def group_by_month(events):
    """Consecutive events grouped by the month they start in, in Stockholm (local) time."""

    def month_of(event):
        return timezone.localdate(event.start).replace(day=1)

    return [CalendarMonth(month, list(items)) for month, items in groupby(events, month_of)]


def start_of_today():
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))


def still_to_come(moment):
    """Items that end (or, without an end, start) at `moment` or later: an event under way is
    still upcoming, and so is all of today."""
    return Q(end__gte=moment) | Q(end__isnull=True, start__gte=moment)


class CalendarPage(RoutablePageMixin, IntranetPage):
    """The calendar of the site's network meetings, events and application deadlines: upcoming
    ones by month, past ones on `tidigare/`, and an iCalendar feed on `ical/`. The items are
    the site's event pages wherever they live. The committees' study visits and delegations
    have the same three views under `besok/`, for logged-in staff."""

    page_description = _(
        "A calendar of network meetings, events and application deadlines, with a calendar feed."
    )
    leads_to_others = True

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*IntranetPage.content_panels, FieldPanel("intro")]
    parent_page_types = top_level_parent_types(
        "strategy_pages.IntranetHomePage", "strategy_pages.SectionPage"
    )
    subpage_types = []
    template = "strategy_pages/pages/calendar_page.html"

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")

    def events(self, request):
        """The site's events the request may see, filtered by the query string."""
        events = visible_to(EventPage.objects.in_site(Site.find_for_request(request)), request)
        filterset = EventFilterSet(request.GET or None, queryset=events, request=request)
        return filterset, filterset.qs.select_related("committee")

    def listing_context(self, request, *, past):
        filterset, events = self.events(request)
        if past:
            events = events.exclude(still_to_come(start_of_today())).order_by("-start", "-pk")
        else:
            events = events.filter(still_to_come(start_of_today())).order_by("start", "pk")
        paginator = Paginator(events, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        return {
            "showing_past": past,
            "filter_form": filterset.form,
            "filters_active": any(key != "page" for key in request.GET),
            "months": group_by_month(page),
            "paginator": paginator,
            "pagination": paginate(request, page.number, paginator.num_pages),
            "upcoming_url": self.get_url(request),
            "past_url": self.get_url(request) + self.reverse_subpage("past"),
            "feed_url": self.get_url(request) + self.reverse_subpage("feed"),
            "visits_url": self.get_url(request) + self.reverse_subpage("visits"),
        }

    @path("", name="upcoming")
    def upcoming(self, request):
        return self.render(request, context_overrides=self.listing_context(request, past=False))

    @path("tidigare/", name="past")
    def past(self, request):
        return self.render(request, context_overrides=self.listing_context(request, past=True))

    @path("ical/", name="feed")
    def feed(self, request):
        request.user = feed_user(request)
        _filterset, events = self.events(request)
        events = events.filter(still_to_come(timezone.now() - FEED_HISTORY)).order_by("start")
        body = calendar_feed(events, request, name=self.title)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response

    # Study visits and delegations. The follow-up module reads the models, so it is imported
    # when a view runs.

    def visits_urls(self, request):
        base = self.get_url(request)
        return {
            "events_url": base,
            "upcoming_url": base + self.reverse_subpage("visits"),
            "past_url": base + self.reverse_subpage("past_visits"),
            "feed_url": base + self.reverse_subpage("visits_feed"),
        }

    def visits_context(self, request, *, past):
        from ..follow_up import visits  # noqa: PLC0415

        paginator = Paginator(visits.listed_visits(past=past), PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        return {
            **self.visits_urls(request),
            "showing_past": past,
            "months": visits.group_visits_by_month(visits.annotate_visits(page, request)),
            "paginator": paginator,
            "pagination": paginate(request, page.number, paginator.num_pages),
        }

    def render_visits(self, request, *, past):
        if not request.user.is_authenticated:
            return redirect_to_front_end_login(request.get_full_path())
        return self.render(
            request,
            template="strategy_pages/pages/calendar_visits.html",
            context_overrides=self.visits_context(request, past=past),
        )

    @path("besok/", name="visits")
    def visits(self, request):
        return self.render_visits(request, past=False)

    @path("besok/tidigare/", name="past_visits")
    def past_visits(self, request):
        return self.render_visits(request, past=True)

    @path("besok/ical/", name="visits_feed")
    def visits_feed(self, request):
        from ..follow_up import visits  # noqa: PLC0415

        request.user = feed_user(request)
        if not request.user.is_authenticated:
            return redirect_to_front_end_login(request.get_full_path())
        since = timezone.localdate() - FEED_HISTORY
        listed = visits.annotate_visits(visits.feed_visits(since), request)
        name = _("%(calendar)s: study visits") % {"calendar": self.title}
        fallback_url = request.build_absolute_uri(self.visits_urls(request)["upcoming_url"])
        body = visits.visits_feed(listed, request, name=name, fallback_url=fallback_url)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.slug}-besok.ics"'
        return response
