"""Filtering and pagination for the news, showcase, orientation and calendar listings.

Query parameters: committee, orientation, theme, dimension, status (showcases), kind (calendar)
and year; each may repeat (OR within a filter, AND across filters).
Every listing runs a constant number of queries however long it grows.
"""

import hashlib

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from .conf import follow_listing
from .models.taxonomy import (
    Committee,
    EventKind,
    Orientation,
    ShowcaseStatus,
    SustainabilityDimension,
    Theme,
)
from .pagination import paginate
from .visibility import shared_by_like_readers, visible_to

PAGE_SIZE = 12
CARD_IMAGE_SPEC = "fill-480x270"


def _slug_filter(relation, queryset, label):
    return django_filters.ModelMultipleChoiceFilter(
        field_name=f"{relation}__slug",
        to_field_name="slug",
        queryset=queryset,
        label=label,
        widget=forms.CheckboxSelectMultiple,
    )


class ListingFilterSet(django_filters.FilterSet):
    """Filters shared by every listing; `date_field` names the date the year filter reads."""

    date_field = "date"

    committee = _slug_filter("committee", Committee.objects.all(), _("Committee or company"))
    orientation = _slug_filter("orientations", Orientation.objects.all(), _("Orientation"))
    theme = _slug_filter("themes", Theme.objects.all(), _("Theme"))
    dimension = _slug_filter(
        "dimensions", SustainabilityDimension.objects.all(), _("Sustainability dimension")
    )
    year = django_filters.TypedMultipleChoiceFilter(
        method="filter_year", label=_("Year"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, years=()):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.filters["year"].extra["choices"] = [(year, str(year)) for year in years]

    def filter_year(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.date_field}__year__in": value})


class NewsFilterSet(ListingFilterSet):
    date_field = "date"


class ShowcaseFilterSet(ListingFilterSet):
    date_field = "start_date"

    status = django_filters.MultipleChoiceFilter(
        choices=ShowcaseStatus.choices, label=_("Status"), widget=forms.CheckboxSelectMultiple
    )


class EventFilterSet(django_filters.FilterSet):
    """The calendar's filters: what kind of item, and whose."""

    kind = django_filters.MultipleChoiceFilter(
        choices=EventKind.choices, label=_("Type"), widget=forms.CheckboxSelectMultiple
    )
    committee = _slug_filter("committee", Committee.objects.all(), _("Committee or company"))


def card_queryset(queryset):
    """Fetch everything a listing card shows in a fixed number of queries."""
    image_model = get_image_model()
    return queryset.select_related("committee").prefetch_related(
        "orientations",
        "themes",
        Prefetch("image", queryset=image_model.objects.prefetch_renditions(CARD_IMAGE_SPEC)),
    )


def query_digest(queryset):
    """A short name for what `queryset` asks the database, to keep its answers under."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return "nothing"
    return hashlib.sha256(f"{sql}{params}".encode()).hexdigest()[:32]


def first_of(request, queryset, count):
    """The first `count` pages of `queryset`, read once per content version for all readers who
    see the same pages: finding the newest few of many can mean reading them all."""
    first = queryset[:count]
    return shared_by_like_readers(request, f"first:{query_digest(first)}", lambda: list(first))


class SharedPaginator(Paginator):
    """A paginator whose count and pages are read once per content version for all readers who
    see the same pages: counting a long list and sorting it for one page read every row."""

    def __init__(self, request, object_list, per_page):
        super().__init__(object_list, per_page)
        self.request = request

    @cached_property
    def count(self):
        digest = query_digest(self.object_list)
        return shared_by_like_readers(self.request, f"count:{digest}", self.object_list.count)

    def _get_page(self, object_list, number, paginator):
        # `object_list` is this page's slice of the list.
        digest = query_digest(object_list)
        items = shared_by_like_readers(self.request, f"page:{digest}", lambda: list(object_list))
        return super()._get_page(items, number, paginator)


def build_listing(request, queryset, filterset_class, *, exclude_filters=(), page_size=PAGE_SIZE):
    """Filter, order and paginate a listing; returns the template context for it."""
    visible = visible_to(queryset, request)
    years = shared_by_like_readers(
        request,
        f"years:{query_digest(visible)}",
        lambda: [d.year for d in visible.dates(filterset_class.date_field, "year", order="DESC")],
    )
    filterset = filterset_class(request.GET or None, queryset=visible, request=request, years=years)
    for name in exclude_filters:
        filterset.filters.pop(name, None)
    paginator = SharedPaginator(request, card_queryset(filterset.qs), page_size)
    page = paginator.get_page(request.GET.get("page"))
    return {
        "filterset": filterset,
        "filter_form": filterset.form,
        "items": page,
        "paginator": paginator,
        "pagination": paginate(request, page.number, paginator.num_pages),
        "filters_active": any(key != "page" for key in request.GET),
        "follow_listing": follow_listing(request, queryset.model),
    }
