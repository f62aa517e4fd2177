"""Searching without an engine: Wagtail's database backend finds the pages, facets are counted
here. It serves `make run`'s embedded default and stands in while the engine is unreachable.

The facet values of every live page are read once per content version and kept in the process,
so a search costs one full-text query plus counting in memory.
"""

import threading
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from modelsearch.query import Or, PlainText
from wagtail.models import Page, PageViewRestriction

from strategy_pages.visibility import blocked_restriction_ids

from ..compounds import query_parts
from ..content_version import current_content_version
from ..documents import (
    as_date,
    dated_by_publication,
    document_type,
    facet_values,
    model_label,
)
from ..swedish import WORD, any_term_matches, query_terms
from ..synonyms import alternatives
from .facets import FACETS, FACETS_BY_NAME
from .params import PAGE_SIZE
from .results import MARK_END, MARK_START, Committee, Hit, SearchResults
from .scope import Scope

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
    model: str = ""
    type: str = ""
    date: object = None
    committee: tuple | None = None
    values: dict = field(default_factory=dict)

    def matches(self, filters):
        return all(self.values[name] & set(selected) for name, selected in filters.items())


def search_database(params, user, scope=None, limited=False):
    rows = _visible(all_rows(), user, scope or Scope())
    if params.among is not None:
        rows = {pk: row for pk, row in rows.items() if pk in params.among}
    if params.q:
        operator = "or" if params.any_word else "and"
        rows = {pk: rows[pk] for pk in _matching_ids(params.q, operator) if pk in rows}
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


def suggest_titles_database(prefix, user, scope=None, size=8):
    rows = _visible(all_rows(), user, scope or Scope())
    words = prefix.lower().split()
    found = [row for row in rows.values() if all(word in row.title.lower() for word in words)]
    return _hits(sorted(found, key=lambda row: row.title)[:size], prefix)


def _visible(rows, user, scope):
    hidden = tuple(
        PageViewRestriction.objects.filter(
            Q(restriction_type=PageViewRestriction.PASSWORD)
            | Q(pk__in=blocked_restriction_ids(user))
        ).values_list("page__path", flat=True)
    )
    return {
        pk: row
        for pk, row in rows.items()
        if scope.contains(row.path, row.model) and not (hidden and row.path.startswith(hidden))
    }


def words_found_database(words, user, scope=None):
    """{word: whether a page `user` may see has it}."""
    rows = _visible(all_rows(), user, scope or Scope())
    return {word: any(pk in rows for pk in _matching_ids(word)) for word in words}


def _matching_ids(q, operator="and"):
    """Ids of live pages matching every word (or any, with `operator` "or"), or a synonym or
    the compound parts of the query, ranked by relevance when there are few. The database
    backend (search.backends.database) matches each word by its Swedish stem."""
    query = _text_query(q, operator)
    if query is None:
        return []
    pages = Page.objects.live()
    ids = _ids(pages.search(query, order_by_relevance=False))
    if len(ids) > MAX_RANKED_MATCHES:
        return ids
    return _ids(pages.search(query))


def _text_query(q, operator):
    texts = [_words(text) for text in _texts_searched(q)]
    queries = [PlainText(text, operator=operator) for text in dict.fromkeys(texts) if text]
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else Or(queries)


def _texts_searched(q):
    """The query, the query with each synonym swapped in, and its compounds split."""
    q = _words(q.lower())
    return [q, *alternatives(q), query_parts(q)] if q else []


def _words(text):
    # Only words reach the database's full-text syntax, where quotes or AND would be operators.
    return " ".join(WORD.findall(text))


def _ids(results):
    """The matching pages' ids. Building thousands of Page objects only to read their ids cost
    most of a broad search, so the ids are read from the matching queryset where the backend
    gives it (modelsearch's SQLite, PostgreSQL and MySQL backends), from the objects otherwise."""
    queryset = getattr(results, "get_queryset", None)
    if queryset is None:
        return [page.pk for page in results]
    return list(queryset().values_list("pk", flat=True))


# Shared by every thread of the process, read again when the content version changes.
_cached = {"version": None, "rows": {}}
_cache_lock = threading.Lock()


def all_rows():
    """Facet rows of every live page, read again only when the content has changed."""
    version = current_content_version()
    if _cached["version"] != version:
        with _cache_lock:
            if _cached["version"] != version:
                _cached["rows"] = _read_rows(Page.objects.live().filter(depth__gt=1))
                _cached["version"] = version
    return _cached["rows"]


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
    """Add the type, date and facet values of `model`'s pages among `rows`."""
    kind, label = document_type(model), model_label(model)
    date_field = getattr(model, "listing_date_field", None)
    keep_published = dated_by_publication(model)
    pages = model.objects.live()
    ids = [pk for pk in pages.values_list("pk", flat=True) if pk in rows]
    dates = dict(pages.values_list("pk", date_field)) if date_field else {}
    for pk, facets in facet_values(model, ids).items():
        row = rows[pk]
        row.type, row.model = kind, label
        own_date = as_date(dates.get(pk))
        row.date = own_date if date_field else (row.date if keep_published else None)
        row.values["type"] = {kind}
        row.values["year"] = {str(row.date.year)} if row.date else set()
        for name, values in facets.items():
            row.values[name] = set(values)
        if facets.get("committee"):
            slug = facets["committee"][0]
            row.committee = (slug, committee_name(slug))


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
    return {page.pk: _snippet_text(page) for page in pages}


def _snippet_text(page):
    field = getattr(type(page), "snippet_field", None)
    return str(getattr(page, field, "") or "") if field else ""


def committee_name(slug):
    return FACETS_BY_NAME["committee"].known_values().get(slug, (slug, ""))[0]


def _mark(text, q):
    """`text` with the words the search matched marked: those sharing a stem with a word of the
    query, of a synonym or of a compound's parts; nothing merely beginning alike."""
    terms = [
        term
        for searched in _texts_searched(q)
        for term in query_terms(searched)
        if len(term.text) > 1  # "i" and "å" matched, but marking them would only distract
    ]
    if not terms:
        return text
    return WORD.sub(
        lambda m: (
            f"{MARK_START}{m.group(0)}{MARK_END}"
            if any_term_matches(m.group(0), terms)
            else m.group(0)
        ),
        text,
    )
