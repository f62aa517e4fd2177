"""Searching without an engine: Wagtail's database backend finds the pages, facets are counted
here. It serves `make run`'s embedded default and stands in while the engine is unreachable.

The facet values of every live page are read once per content version and kept in the process,
so a search costs one full-text query plus counting in memory.
"""

import threading
from dataclasses import dataclass

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


@dataclass(slots=True)
class Row:
    """A live page as the database search lists it. Its facet values are kept by value, in
    `Catalogue.by_value`: a set for each facet on each of 100,000 rows would be hundreds of MiB."""

    pk: int
    path: str
    title: str
    model: str = ""
    content_type: int | None = None
    type: str = ""
    date: object = None
    committee: tuple | None = None


def search_database(params, user, scope=None, limited=False):
    pages = catalogue()
    ids = _visible_ids(pages, user, scope or Scope())
    if params.among is not None:
        ids = ids.intersection(params.among)
    ranked = None
    if params.q:
        operator = "or" if params.any_word else "and"
        ranked = [pk for pk in _matching_ids(params.q, operator) if pk in ids]
        ids = frozenset(ranked)
    selected = {name: values for name, values in params.filters.items() if values}
    allowed = {name: pages.with_any(name, values) for name, values in selected.items()}
    matching = ids.intersection(*allowed.values())
    if params.sort == "date" or ranked is None or len(ranked) > MAX_RANKED_MATCHES:
        ordered = [pk for pk in pages.newest_first if pk in matching]
    else:
        ordered = [pk for pk in ranked if pk in matching]
    start = (params.page - 1) * PAGE_SIZE
    return SearchResults(
        params=params,
        total=len(ordered),
        hits=_hits([pages.rows[pk] for pk in ordered[start : start + PAGE_SIZE]], params.q),
        facets=_facets(pages, ids, selected, allowed),
        limited=limited,
    )


def suggest_titles_database(prefix, user, scope=None, size=8):
    pages = catalogue()
    ids = _visible_ids(pages, user, scope or Scope())
    words = prefix.lower().split()
    found = [
        pages.rows[pk] for pk in ids if all(word in pages.rows[pk].title.lower() for word in words)
    ]
    return _hits(sorted(found, key=lambda row: row.title)[:size], prefix)


def _visible_ids(pages, user, scope):
    """Ids of the pages in `scope` that `user` may see: restricted sections they are not let
    into and password-protected ones are left out."""
    hidden = PageViewRestriction.objects.filter(
        Q(restriction_type=PageViewRestriction.PASSWORD) | Q(pk__in=blocked_restriction_ids(user))
    ).values_list("page__path", flat=True)
    return pages.visible(tuple(sorted(hidden)), scope)


def words_found_database(words, user, scope=None):
    """{word: whether a page `user` may see has it}."""
    ids = _visible_ids(catalogue(), user, scope or Scope())
    return {word: any(pk in ids for pk in _matching_ids(word)) for word in words}


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
_cached = {"version": None, "catalogue": None}
_cache_lock = threading.Lock()


class Catalogue:
    """Every live page's facet row, with what searches ask of them prepared once: the pages
    newest first, the pages with each facet value, and the pages each reader may see."""

    #: Sets of visible pages kept, one for each combination of hidden sections and scope.
    VISIBLE_SETS = 64

    def __init__(self, rows, by_value):
        self.rows = rows
        self.newest_first = [row.pk for row in sorted(rows.values(), key=_newest_first)]
        #: {facet name: {value: ids of the pages with it}}
        self.by_value = by_value
        self._visible = {}

    def with_any(self, name, values):
        by_value = self.by_value[name]
        return frozenset().union(*(by_value.get(value, ()) for value in values))

    def visible(self, hidden, scope):
        key = (hidden, scope)
        visible = self._visible.get(key)
        if visible is None:
            visible = frozenset(
                row.pk
                for row in self.rows.values()
                if scope.contains(row.path, row.model)
                and not (hidden and row.path.startswith(hidden))
            )
            if len(self._visible) >= self.VISIBLE_SETS:
                self._visible.clear()
            self._visible[key] = visible
        return visible


def _newest_first(row):
    return (row.date is None, -_ordinal(row.date), row.title)


def catalogue():
    """The catalogue of every live page, built again only when the content has changed."""
    version = current_content_version()
    if _cached["version"] != version:
        with _cache_lock:
            if _cached["version"] != version:
                rows, by_value = _read_rows(Page.objects.live().filter(depth__gt=1))
                _cached["catalogue"] = Catalogue(rows, by_value)
                _cached["version"] = version
    return _cached["catalogue"]


def all_rows():
    """Facet rows of every live page, read again only when the content has changed."""
    return catalogue().rows


def _read_rows(pages):
    rows, types = {}, set()
    by_value = {facet.name: {} for facet in FACETS}
    for pk, path, title, content_type, first, last in pages.values_list(
        "pk", "path", "title", "content_type", "first_published_at", "last_published_at"
    ):
        published = first or last
        date = published and timezone.localdate(published)
        rows[pk] = Row(pk, path, title, content_type=content_type, date=date)
        types.add(content_type)
    for content_type in types:
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is not None:
            _fill(model, rows, by_value)
    return rows, by_value


def _fill(model, rows, by_value):
    """Add the type and date of `model`'s pages among `rows`, and their facet values to
    `by_value`."""
    kind, label = document_type(model), model_label(model)
    date_field = getattr(model, "listing_date_field", None)
    keep_published = dated_by_publication(model)
    pages = model.objects.live()
    ids = [pk for pk in pages.values_list("pk", flat=True) if pk in rows]
    dates = dict(pages.values_list("pk", date_field)) if date_field else {}
    committees = {}
    for pk, facets in facet_values(model, ids).items():
        row = rows[pk]
        row.type, row.model = kind, label
        own_date = as_date(dates.get(pk))
        row.date = own_date if date_field else (row.date if keep_published else None)
        values = {"type": [kind], "year": [str(row.date.year)] if row.date else [], **facets}
        for name, facet_values_of_page in values.items():
            for value in facet_values_of_page:
                by_value[name].setdefault(value, set()).add(pk)
        if facets.get("committee"):
            slug = facets["committee"][0]
            if slug not in committees:  # one copy of each committee's name, not one per page
                committees[slug] = (slug, committee_name(slug))
            row.committee = committees[slug]


def _ordinal(date):
    return date.toordinal() if date else 0


def _facets(pages, ids, selected, allowed):
    """Each facet's counts among `ids` narrowed by the values selected in the other facets."""
    results = []
    for facet in FACETS:
        among = ids.intersection(*(pks for name, pks in allowed.items() if name != facet.name))
        counts = {}
        for value, pks in pages.by_value[facet.name].items():
            count = len(among & pks)
            if count:
                counts[value] = count
        results.append(facet.result(counts, set(selected.get(facet.name, []))))
    return results


def _hits(rows, q):
    summaries = _summaries(rows)
    terms = _marked_terms(q)
    return [
        Hit(
            page_id=row.pk,
            title=row.title,
            type=row.type,
            type_label="",
            committee=Committee(*row.committee) if row.committee else None,
            date=row.date.isoformat() if row.date else None,
            marked_title=_mark(row.title, terms),
            marked_snippet=_mark(summaries.get(row.pk, "")[:SNIPPET_LENGTH], terms),
        )
        for row in rows
    ]


def page_summaries(page_ids):
    """{page id: the text its type shows as the snippet} for live pages."""
    rows = catalogue().rows
    return _summaries([rows[pk] for pk in page_ids if pk in rows])


def _summaries(rows):
    """{page id: the text its type shows as the snippet}, one query per page type."""
    ids_by_type = {}
    for row in rows:
        ids_by_type.setdefault(row.content_type, []).append(row.pk)
    texts = {}
    for content_type, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        field = getattr(model, "snippet_field", None)
        if field:
            texts.update(model.objects.filter(pk__in=ids).values_list("pk", field))
    return {pk: str(text or "") for pk, text in texts.items()}


def committee_name(slug):
    return FACETS_BY_NAME["committee"].known_values().get(slug, (slug, ""))[0]


def _marked_terms(q):
    """What the search matched by: the terms of the query, of its synonyms and of its
    compounds' parts; "i" and "å" matched too, but marking them would only distract."""
    terms = [term for searched in _texts_searched(q) for term in query_terms(searched)]
    return [term for term in dict.fromkeys(terms) if len(term.text) > 1]


def _mark(text, terms):
    """`text` with the words `terms` match marked, and nothing merely beginning alike."""
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
