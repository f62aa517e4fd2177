"""The query service: one entry point for the search page and the API, whichever backend answers.

With an engine configured it answers; while it is unreachable the database does, and the results
say they are limited.
"""

from dataclasses import replace

from wagtail.models import Page

from strategy_pages.visibility import visible_to

from ..analytics import editors_picks
from ..breaker import breaker
from ..conf import engine, engine_configured, pages_alias, search_setting
from .database_query import (
    all_rows,
    search_database,
    suggest_titles_database,
    words_found_database,
)
from .engine_query import search_engine, suggest_titles, words_found
from .facets import FACETS_BY_NAME
from .params import SearchForm, SearchParams, unknown_parameters
from .scope import scope_for

__all__ = [
    "SearchForm",
    "SearchParams",
    "run_search",
    "suggest",
    "unknown_parameters",
    "warm_up",
]


def run_search(params, request):
    """Results for `params` as the request's user may see them, with URLs and editors' picks.
    When no page has all the words, the search relaxes: see `_relaxed`."""
    user, scope = request.user, scope_for(request)
    results = _search(params, user, scope)
    if not results.total and len(params.q.split()) > 1 and params.among is None:
        results = _relaxed(params, user, scope) or results
    results.hits = _with_urls(results.hits, request)
    if params.q and params.page == 1:
        results.picks = _viewable_picks(editors_picks(params.q), request)
    return results


def _search(params, user, scope):
    if not engine_configured():
        return search_database(params, user, scope)
    if engine_resting():
        return search_database(params, user, scope, limited=True)
    try:
        results = search_engine(params, user, scope)
    except engine().errors as error:
        engine_failed(error)
        return search_database(params, user, scope, limited=True)
    breaker.answered()
    return results


def _relaxed(params, user, scope):
    """Results without the words no page has, saying which were left out; failing that, pages
    with some of the words, those with more of them first. None when neither finds anything."""
    words = list(dict.fromkeys(params.q.split()))
    found = _words_found(words, user, scope)
    kept = [word for word in words if found[word]]
    left_out = [word for word in words if not found[word]]
    attempts = []
    if kept and left_out:
        attempts.append(replace(params, q=" ".join(kept)))
    if len(kept) > 1:
        attempts.append(replace(params, q=" ".join(kept), any_word=True))
    for attempt in attempts:
        results = _search(attempt, user, scope)
        if results.total:
            results.left_out, results.some_words = left_out, attempt.any_word
            return results
    return None


def _words_found(words, user, scope):
    if engine_configured() and not engine_resting():
        try:
            return words_found(words, user, scope)
        except engine().errors as error:
            engine_failed(error)
    return words_found_database(words, user, scope)


def warm_up():
    """Build what the first search after a start would otherwise wait for: the database
    search's rows (it answers when the engine does not) and the facets' labels. A host calls
    it once its application is loaded, e.g. in its WSGI module."""
    all_rows()
    for facet in FACETS_BY_NAME.values():
        facet.known_values()
    if engine_configured():
        _warm_up_engine()


def _warm_up_engine():
    """Open a connection to the engine and let it load what the first search needs, so the
    first search after a start waits for neither (nor falls back to the database)."""
    timeout = float(search_setting("STRATEGY_SEARCH_TIMEOUT"))
    try:
        engine().search(pages_alias(), {"size": 0, "query": {"match_all": {}}}, timeout=timeout)
    except engine().errors:
        pass  # the first search will notice, and the breaker will tell


def suggest(prefix, request):
    """Pages whose titles start with what was typed so far."""
    scope = scope_for(request)
    if engine_configured() and not engine_resting():
        try:
            titles = suggest_titles(prefix, request.user, scope)
        except engine().errors as error:
            engine_failed(error)
        else:
            breaker.answered()
            return _with_urls(titles, request)
    return _with_urls(suggest_titles_database(prefix, request.user, scope), request)


def engine_resting():
    """Whether the engine is down or failed repeatedly a moment ago: searches skip it for a
    while rather than each waiting for it to time out."""
    return breaker.resting()


def engine_failed(error):
    breaker.failed(error, slow=engine().answered_too_late(error))


def _with_urls(hits, request):
    """Hits of live pages with their URLs and type labels; a page gone since it was indexed is
    left out rather than linked."""
    if not hits:
        return hits
    urls = _live_urls([hit.page_id for hit in hits], request)
    types = FACETS_BY_NAME["type"].known_values()
    for hit in hits:
        hit.url = urls.get(hit.page_id, "")
        hit.type_label = types.get(hit.type, ("", ""))[0]
    return [hit for hit in hits if hit.url]


def _live_urls(page_ids, request):
    """{page id: URL} of the live pages among `page_ids`, as `Page.get_url` gives them. One page
    instance stands in for all: building one per hit cost more than the query."""
    stand_in = Page()
    urls = {}
    for page_id, url_path in (
        Page.objects.live().filter(pk__in=page_ids).values_list("pk", "url_path")
    ):
        stand_in.url_path = url_path
        urls[page_id] = stand_in.get_url(request)
    return urls


def _viewable_picks(picks, request):
    """External links are for everyone; a promoted page only for those who may view it."""
    if not picks:
        return []
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set(
        visible_to(Page.objects.filter(pk__in=page_ids), request).values_list("pk", flat=True)
    )
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]
