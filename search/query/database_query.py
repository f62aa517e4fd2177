"""Searching without an engine: Wagtail's database backend finds the pages, facets are counted
here. It serves `make run`'s embedded default and stands in while the engine is unreachable.

The facet values of every live page are read once per content version and kept in the process,
so a search costs one full-text query plus counting in memory.
"""

import re
import threading
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from ..content_version import current_content_version
from ..documents import DATE_FIELDS, as_date, dated_by_publication, document_type
from .facets import FACETS
from .params import PAGE_SIZE
from .permissions import blocked_restriction_ids
from .results import MARK_END, MARK_START, Committee, Hit, SearchResults

# Relevance ranking in the database backend grows with the number of matches; past this many,
# matches come newest first instead.
MAX_RANKED_MATCHES = 300
SNIPPET_LENGTH = 180


@dataclass
class Row:
    """A page's facet values, as the engine's document holds them."""

    pk: int
    path: str
    title: str
    type: str = ""
    date: object = None
    committee: tuple | None = None
    values: dict = field(default_factory=dict)

    def matches(self, filters):
        return all(self.values[name] & set(selected) for name, selected in filters.items())


def search_database(params, user, limited=False):
    rows = _visible(all_rows(), user)
    if params.q:
        rows = {pk: rows[pk] for pk in _matching_ids(params.q) if pk in rows}
    selected = {name: values for name, values in params.filters.items() if values}
    matching = [row for row in rows.values() if row.matches(selected)]
    if params.sort == "date" or not params.q or len(rows) > MAX_RANKED_MATCHES:
        matching.sort(key=lambda row: (row.date is None, -_ordinal(row.date), row.title))
    start = (params.page - 1) * PAGE_SIZE
    return SearchResults(
        params=params,
        total=len(matching),
        hits=_hits(matching[start : start + PAGE_SIZE], params.q),
        facets=_facets(rows.values(), selected),
        limited=limited,
    )


def suggest_titles_database(prefix, user, size=8):
    rows = _visible(all_rows(), user)
    words = prefix.lower().split()
    found = [row for row in rows.values() if all(word in row.title.lower() for word in words)]
    return _hits(sorted(found, key=lambda row: row.title)[:size], prefix)


def _visible(rows, user):
    hidden = tuple(
        PageViewRestriction.objects.filter(
            Q(restriction_type=PageViewRestriction.PASSWORD)
            | Q(pk__in=blocked_restriction_ids(user))
        ).values_list("page__path", flat=True)
    )
    if not hidden:
        return rows
    return {pk: row for pk, row in rows.items() if not row.path.startswith(hidden)}


def _matching_ids(q):
    """Ids of live pages matching every word, ranked by relevance when there are few."""
    # Only words reach the database's full-text syntax, where quotes or AND would be operators.
    q = " ".join(re.findall(r"\w+", q.lower()))
    if not q:
        return []
    pages = Page.objects.live()
    ids = [p.pk for p in pages.search(q, operator="and", order_by_relevance=False)]
    if len(ids) > MAX_RANKED_MATCHES:
        return ids
    return [p.pk for p in pages.search(q, operator="and")]


_cached = threading.local()


def all_rows():
    """Facet rows of every live page, read again only when the content has changed."""
    version = current_content_version()
    if getattr(_cached, "version", None) != version:
        _cached.rows = _read_rows(Page.objects.live().filter(depth__gt=1))
        _cached.version = version
    return _cached.rows


def _read_rows(pages):
    rows, types = {}, set()
    for pk, path, title, content_type, first, last in pages.values_list(
        "pk", "path", "title", "content_type", "first_published_at", "last_published_at"
    ):
        published = first or last
        rows[pk] = Row(pk, path, title, date=published and timezone.localdate(published))
        rows[pk].values = {facet.name: set() for facet in FACETS}
        types.add(content_type)
    for content_type in types:
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is not None:
            _fill(model, rows)
    return rows


def _fill(model, rows):
    """Add the facet values of `model`'s pages among `rows`."""
    names = {f.name for f in model._meta.get_fields()}
    kind, keep_published = document_type(model), dated_by_publication(model)
    dates = [name for name in DATE_FIELDS if name in names]
    fields = ["pk", *dates]
    fields += ["committee__slug", "committee__name"] if "committee" in names else []
    fields += ["status"] if "status" in names else []
    pages = model.objects.live()
    for values in pages.values(*fields):
        row = rows.get(values["pk"])
        if row is None:
            continue
        own_date = next((as_date(values[name]) for name in dates if values[name]), None)
        row.type = kind
        row.date = own_date or (row.date if keep_published else None)
        row.values["type"] = {kind}
        row.values["year"] = {str(row.date.year)} if row.date else set()
        if values.get("committee__slug"):
            row.committee = (values["committee__slug"], values["committee__name"])
            row.values["committee"] = {values["committee__slug"]}
        if values.get("status"):
            row.values["status"] = {values["status"]}
    for relation, facet in (("orientations", "orientation"), ("themes", "theme")):
        if relation in names:
            for pk, slug in pages.values_list("pk", f"{relation}__slug"):
                if slug and pk in rows:
                    rows[pk].values[facet].add(slug)


def _ordinal(date):
    return date.toordinal() if date else 0


def _facets(rows, selected):
    results = []
    for facet in FACETS:
        others = {name: values for name, values in selected.items() if name != facet.name}
        counts = {}
        for row in rows:
            if row.matches(others):
                for value in row.values[facet.name]:
                    counts[value] = counts.get(value, 0) + 1
        results.append(facet.result(counts, set(selected.get(facet.name, []))))
    return results


def _hits(rows, q):
    summaries = _summaries([row.pk for row in rows])
    return [
        Hit(
            page_id=row.pk,
            title=row.title,
            type=row.type,
            type_label="",
            committee=Committee(*row.committee) if row.committee else None,
            date=row.date.isoformat() if row.date else None,
            marked_title=_mark(row.title, q),
            marked_snippet=_mark(summaries.get(row.pk, "")[:SNIPPET_LENGTH], q),
        )
        for row in rows
    ]


def _summaries(page_ids):
    pages = Page.objects.filter(pk__in=page_ids).specific(defer=False)
    return {page.pk: getattr(page, "summary", "") for page in pages}


def _mark(text, q):
    words = [re.escape(word) for word in q.split() if len(word) > 1]
    if not words:
        return text
    pattern = re.compile(rf"\b({'|'.join(words)})\w*", re.IGNORECASE)
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", text)
