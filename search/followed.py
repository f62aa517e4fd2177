"""A search someone follows, by feed or by email: its parameters as a normalised query
string, described in words, and run as that person, with what they may see and nothing more."""

import copy
from dataclasses import replace

from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.coreutils import get_dummy_request

from .query import SearchForm, SearchParams, run_search
from .query.database_query import SNIPPET_LENGTH, page_summaries
from .query.facets import FACETS, FACETS_BY_NAME
from .query.params import MAX_PAGE

NEWEST_FIRST = "date"


def normalised_query(params):
    """The search's words and filters as a query string, the same however they were given:
    values sorted, page and sort left out (a followed search lists what is new)."""
    pairs = [("q", params.q)] if params.q else []
    for facet in FACETS:
        pairs += [(facet.name, value) for value in sorted(params.selected(facet.name))]
    return urlencode(pairs)


def params_from_query(query, sort=NEWEST_FIRST):
    """The SearchParams of a normalised query string; None when it no longer makes a search
    (a committee, theme or orientation it names was deleted)."""
    form = SearchForm(QueryDict(query))
    if not form.is_valid():
        return None
    return SearchParams(q=form.params().q, filters=form.params().filters, sort=sort)


def describe(params):
    """The search in words, e.g. “förskola” · Content type: Network news."""
    parts = [f"“{params.q}”"] if params.q else []
    for facet in FACETS:
        selected = params.selected(facet.name)
        if selected:
            labels = [_label(facet.name, value) for value in selected]
            parts.append(f"{facet.label}: {', '.join(labels)}")
    return " · ".join(parts) or _("Everything")


def _label(facet_name, value):
    return FACETS_BY_NAME[facet_name].known_values().get(value, (value, ""))[0]


def search_page_url(query):
    url = reverse("strategy_search:search")
    return f"{url}?{query}" if query else url


def request_as(user, request=None, site=None):
    """A request like `request` (or one to `site`) made by `user`: the query service and the
    visibility rules answer for that user. It carries no session, so it passes no password
    restriction."""
    clone = copy.copy(request) if request is not None else get_dummy_request(site=site)
    clone.user = user
    clone.session = {}
    clone.__dict__.pop("_strategy_pages_hidden_subtrees", None)
    return clone


def all_hits(params, request):
    """Every hit of the search, page after page, newest first (for short lists only)."""
    hits, page = [], 1
    while True:
        results = run_search(replace(params, page=page), request)
        hits += with_summaries(results.hits)
        if page >= min(results.page_count, MAX_PAGE):
            return hits
        page += 1


def with_summaries(hits):
    """The hits, those without a snippet given the page's summary: the engine makes snippets
    from the words searched for, and a search without words has none."""
    missing = [hit.page_id for hit in hits if not hit.marked_snippet]
    summaries = page_summaries(missing) if missing else {}
    for hit in hits:
        if not hit.marked_snippet:
            hit.marked_snippet = summaries.get(hit.page_id, "")[:SNIPPET_LENGTH]
    return hits
