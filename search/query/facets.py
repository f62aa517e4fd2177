"""The facets staff can narrow a search by, and how their values are labelled and ordered."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from strategy_pages.listings import ShowcaseFilterSet
from strategy_pages.models import (
    Committee,
    CommitteeKind,
    Orientation,
    ShowcaseStatus,
    SustainabilityDimension,
    Theme,
)

from ..documents import document_type, page_models

FIRST_YEAR = 1900
LABELS_CACHE_KEY = "strategy_search:facet-values"
# Edits to committees, themes, orientations and dimensions drop the cache at once; this
# bounds the rest.
LABELS_CACHE_SECONDS = 3600
#: A facet (or group) shows this many values at once and the rest behind a disclosure.
VALUES_SHOWN = 5


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    group: str = ""


@dataclass(frozen=True)
class FacetGroup:
    """A facet's values under one group label; the first VALUES_SHOWN show at once, the rest
    behind a disclosure."""

    label: str
    values: list

    @property
    def first(self):
        return self.values[:VALUES_SHOWN]

    @property
    def more(self):
        return self.values[VALUES_SHOWN:]

    @property
    def more_selected(self):
        """Whether a value behind the disclosure is chosen, so that it opens by itself."""
        return any(value.selected for value in self.more)


@dataclass(frozen=True)
class FacetResult:
    name: str
    label: str
    values: list = field(default_factory=list)

    @property
    def groups(self):
        """The values by group (one unlabelled group for facets without), in order."""
        grouped = {}
        for value in self.values:
            grouped.setdefault(value.group, []).append(value)
        return [FacetGroup(label, values) for label, values in grouped.items()]

    @property
    def selected_values(self):
        return [value for value in self.values if value.selected]


def _label(filter_name):
    """The label the content's listings give the same filter, so both speak alike."""
    return ShowcaseFilterSet.base_filters[filter_name].label


def _committees():
    kinds = dict(CommitteeKind.choices)
    order = {kind: position for position, kind in enumerate(kinds)}
    committees = sorted(
        Committee.objects.values_list("slug", "name", "kind"),
        key=lambda row: (order.get(row[2], len(order)), row[1]),
    )
    return {slug: (name, str(kinds.get(kind, ""))) for slug, name, kind in committees}


def _orientations():
    return {slug: (name, "") for slug, name in Orientation.objects.values_list("slug", "name")}


def _dimensions():
    dimensions = SustainabilityDimension.objects.values_list("slug", "name")
    return {slug: (name, "") for slug, name in dimensions}


def _themes():
    return {slug: (name, "") for slug, name in Theme.objects.values_list("slug", "name")}


def _types():
    return {
        document_type(model): (str(model._meta.verbose_name).capitalize(), "")
        for model in page_models()
    }


def _years():
    this_year = timezone.localdate().year
    return {str(year): (str(year), "") for year in range(this_year + 5, FIRST_YEAR - 1, -1)}


def _statuses():
    return {value: (str(label), "") for value, label in ShowcaseStatus.choices}


@dataclass(frozen=True)
class Facet:
    """A query parameter, the document field it filters, its label, where its values and their
    labels come from, and whether values are shown in that order or by their counts."""

    name: str
    field: str
    label: str
    values: Callable
    by_count: bool = False

    def known_values(self):
        """{value: (label, group)} of every value this facet can take, in display order."""
        key = f"{LABELS_CACHE_KEY}:{self.name}:{get_language()}"
        values = cache.get(key)
        if values is None:
            values = self.values()
            cache.set(key, values, LABELS_CACHE_SECONDS)
        return values

    def result(self, counts, selected):
        """Values with results, plus the selected ones (with 0), labelled and ordered."""
        known = self.known_values()
        shown = [v for v in known if counts.get(v) or v in selected]
        if self.by_count:
            shown.sort(key=lambda v: -counts.get(v, 0))
        values = [
            FacetValue(v, known[v][0], counts.get(v, 0), v in selected, known[v][1]) for v in shown
        ]
        return FacetResult(self.name, self.label, values)


FACETS = [
    Facet("committee", "committee", _label("committee"), _committees),
    Facet("orientation", "orientations", _label("orientation"), _orientations),
    Facet("dimension", "dimensions", _label("dimension"), _dimensions),
    Facet("theme", "themes", _label("theme"), _themes),
    Facet("type", "type", _("Content type"), _types, by_count=True),
    Facet("year", "year", _label("year"), _years),
    Facet("status", "status", _label("status"), _statuses),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def forget_facet_values(**kwargs):
    cache.delete_many(
        [
            f"{LABELS_CACHE_KEY}:{facet.name}:{language}"
            for facet in FACETS
            for language, _ in settings.LANGUAGES
        ]
    )
