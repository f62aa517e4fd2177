"""Study visits and delegations: the coordinators' register in the admin, the warning when two
committees host the same delegation in one week, and the staff's calendar of visits and its
iCalendar feed."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.contrib import messages
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from icalendar import Calendar, Event
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from ..calendar_feed import PRODUCT_ID
from ..models import CommitteePage, ProjectShowcasePage, StudyVisit, VisitDirection
from ..models.study_visits import delegation_name, week_of
from ..visibility import visible_to

# Clashes.


def same_delegation(visit, other):
    """The rule of StudyVisit.same_delegation_elsewhere, for visits already in memory."""
    if visit.pk == other.pk or visit.committee_id == other.committee_id:
        return False
    if {visit.direction, other.direction} != {VisitDirection.INCOMING}:
        return False
    if delegation_name(visit.organisation) != delegation_name(other.organisation):
        return False
    return (
        week_of(visit.start_date)[0] <= week_of(other.last_day)[1]
        and week_of(other.start_date)[0] <= week_of(visit.last_day)[1]
    )


def clashes_by_visit(visits):
    """{visit id: [the same delegation's visits to other committees in the same weeks]}, read
    in one query for a page of visits."""
    incoming = [v for v in visits if v.direction == VisitDirection.INCOMING]
    if not incoming:
        return {}
    first_monday = week_of(min(v.start_date for v in incoming))[0]
    last_sunday = week_of(max(v.last_day for v in incoming))[1]
    candidates = (
        StudyVisit.objects.filter(direction=VisitDirection.INCOMING, start_date__lte=last_sunday)
        .filter(
            Q(end_date__gte=first_monday) | Q(end_date__isnull=True, start_date__gte=first_monday)
        )
        .select_related("committee")
    )
    candidates = list(candidates)
    return {
        visit.pk: [other for other in candidates if same_delegation(visit, other)]
        for visit in incoming
    }


def visit_days(visit):
    """The visit's days as a reader writes them: "3 October 2016" or "3 – 5 October 2016"."""
    first = date_format(visit.start_date, "j F Y")
    if visit.last_day == visit.start_date:
        return first
    return f"{first} – {date_format(visit.last_day, 'j F Y')}"


def clash_description(clashes):
    return ", ".join(f"{other.committee} ({visit_days(other)})" for other in clashes)


# The admin: the coordinators' register.


class YearFilter(ChoiceFilter):
    def __init__(self, **kwargs):
        super().__init__(choices=self.years, label=_("Year"), **kwargs)

    @staticmethod
    def years():
        dates = StudyVisit.objects.dates("start_date", "year", order="DESC")
        return [(day.year, day.year) for day in dates]

    def filter(self, queryset, value):
        return queryset.filter(start_date__year=value) if value else queryset


class StudyVisitFilterSet(WagtailFilterSet):
    year = YearFilter()

    class Meta:
        model = StudyVisit
        fields = ["direction", "committee"]


class DaysColumn(Column):
    def get_value(self, instance):
        return visit_days(instance)


class ClashColumn(Column):
    """The same delegation hosted by another committee in the same week, if any."""

    def get_value(self, instance):
        clashes = getattr(instance, "clashes", None)
        if clashes is None:
            clashes = list(instance.same_delegation_elsewhere().select_related("committee"))
        if not clashes:
            return ""
        return gettext("Also hosted by %(others)s") % {"others": clash_description(clashes)}


class StudyVisitIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("committee")

    def paginate_queryset(self, queryset, page_size):
        """Each listed visit's clashes, read for the whole page in one query."""
        paginator, page, visits, is_paginated = super().paginate_queryset(queryset, page_size)
        clashes = clashes_by_visit(list(visits))
        for visit in visits:
            visit.clashes = clashes.get(visit.pk, [])
        return paginator, page, visits, is_paginated


class StudyVisitViewSet(SnippetViewSet):
    model = StudyVisit
    index_view_class = StudyVisitIndexView
    icon = "date"
    menu_label = _("Study visits")
    menu_name = "study_visits"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "organisation",
        "committee",
        "direction",
        DaysColumn("start_date", label=_("Dates"), sort_key="start_date"),
        ClashColumn("clash", label=_("Same delegation elsewhere")),
    ]
    filterset_class = StudyVisitFilterSet
    # Searched in the database: the register is small and needs no search index.
    search_backend_name = None
    search_fields = ["organisation", "country", "purpose", "contact_name"]
    ordering = ["-start_date", "organisation"]


register_snippet(StudyVisitViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_of_same_delegation(request, instance):
    if not isinstance(instance, StudyVisit):
        return
    clashes = list(instance.same_delegation_elsewhere().select_related("committee"))
    if clashes:
        messages.warning(
            request,
            _(
                "%(organisation)s is also visiting %(others)s in the same week. "
                "Check with them whether it is the same delegation."
            )
            % {"organisation": instance.organisation, "others": clash_description(clashes)},
        )


# The front end: the staff's calendar of visits.


@dataclass(frozen=True)
class VisitMonth:
    first_day: datetime.date
    visits: list


def group_visits_by_month(visits):
    def month_of(visit):
        return visit.start_date.replace(day=1)

    return [VisitMonth(month, list(items)) for month, items in groupby(visits, month_of)]


def still_to_come(today):
    """Visits that end (or, without an end, start) today or later."""
    return Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)


def listed_visits(*, past):
    """Upcoming visits (under way ones included) soonest first, or past ones latest first."""
    visits = StudyVisit.objects.select_related("committee")
    today = timezone.localdate()
    if past:
        return visits.exclude(still_to_come(today)).order_by("-start_date", "-pk")
    return visits.filter(still_to_come(today)).order_by("start_date", "pk")


def feed_visits(since):
    return (
        StudyVisit.objects.select_related("committee")
        .filter(still_to_come(since))
        .order_by("start_date", "pk")
    )


def annotate_visits(visits, request):
    """Give each visit what the reader may follow: its committee's page, its project (only if
    the reader may see it), and the same delegation's visits to other committees."""
    visits = list(visits)
    committee_pages = visible_to(
        CommitteePage.objects.filter(committee__in={v.committee_id for v in visits}), request
    )
    committee_urls = {page.committee_id: page.get_url(request) for page in committee_pages}
    showcases = visible_to(
        ProjectShowcasePage.objects.filter(pk__in={v.showcase_id for v in visits if v.showcase_id}),
        request,
    )
    showcases = {page.pk: page for page in showcases}
    clashes = clashes_by_visit(visits)
    for visit in visits:
        visit.committee_url = committee_urls.get(visit.committee_id, "")
        visit.visible_showcase = showcases.get(visit.showcase_id)
        visit.clashes = clashes.get(visit.pk, [])
    return visits


# The feed.


def visits_feed(visits, request, *, name, fallback_url):
    """The iCalendar text of `visits` (annotated): one whole-day VEVENT per visit."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for visit in visits:
        calendar.add_component(feed_visit(visit, request, fallback_url))
    return calendar.to_ical()


def feed_visit(visit, request, fallback_url):
    event = Event()
    event.add("uid", f"study-visit-{visit.pk}@strategy-pages")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", visit.start_date)
    event.add("dtend", visit.last_day + datetime.timedelta(days=1))
    event.add("summary", visit_summary(visit))
    event.add("description", visit_description(visit))
    if visit.country:
        event.add("location", visit.country)
    url = visit.visible_showcase.get_full_url(request) if visit.visible_showcase else None
    event.add("url", url or fallback_url)
    event.add("categories", [str(visit.get_direction_display()), visit.committee.name])
    return event


def visit_summary(visit):
    if visit.direction == VisitDirection.INCOMING:
        text = _("%(organisation)s visits %(committee)s")
    else:
        text = _("%(committee)s visits %(organisation)s")
    return text % {"organisation": visit.organisation, "committee": visit.committee.name}


def visit_description(visit):
    lines = [str(visit.get_direction_display())]
    if visit.purpose:
        lines.append(visit.purpose)
    if visit.contact_name or visit.contact_email:
        contact = " – ".join(filter(None, [visit.contact_name, visit.contact_email]))
        lines.append(gettext("Contact: %(contact)s") % {"contact": contact})
    if visit.visible_showcase:
        lines.append(gettext("Project: %(title)s") % {"title": visit.visible_showcase.title})
    if visit.clashes:
        lines.append(
            gettext("The same delegation also visits %(others)s.")
            % {"others": clash_description(visit.clashes)}
        )
    return "\n".join(lines)
