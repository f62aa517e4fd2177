"""Searching the engine: the query, facets, highlighting and spelling suggestions in one request.

The ranking is documented, with the reason for each boost, in docs/search.md.
"""

import unicodedata

from strategy_pages.visibility import blocked_restriction_ids

from ..compounds import query_parts
from ..conf import engine, pages_alias, search_setting
from ..synonyms import alternatives
from .facets import FACETS
from .params import PAGE_SIZE
from .results import MARK_END, MARK_START, Committee, Hit, SearchResults

TEXT_FIELDS = ["title^4", "summary^2", "body", "taxonomy", "parts^0.5"]
SNIPPET_LENGTH = 180
FACET_SIZE = 1000
RECENT_NEWS_BOOST = 0.3
FEW_RESULTS = 5


def search_engine(params, user, scope=None):
    """Results, facets and, when the words find little, typo-tolerant results and a spelling
    suggestion for `params`, as `user` may see them.

    Most searches take one exact request. Fuzzy matching costs several times more, so it is
    asked for only when the exact words find fewer than FEW_RESULTS pages before any facet
    filter; deciding before the filters keeps each facet count equal to what choosing it gives.
    """
    visible = visibility_filter(user, scope)
    if params.among is not None:
        visible = {
            "bool": {"filter": [visible, {"ids": {"values": sorted(map(str, params.among))}}]}
        }
    response = _search(_body(params, visible, tolerant=False))
    few = response["aggregations"]["unfiltered"]["doc_count"] < FEW_RESULTS
    # Among a few given pages, few results are expected, not a sign of a typo.
    if params.q and few and params.among is None:
        response = _search(_body(params, visible, tolerant=True))
    total = response["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else total
    return SearchResults(
        params=params,
        total=total,
        hits=[_hit(hit) for hit in response["hits"]["hits"]],
        facets=_facets(response["aggregations"], params),
        suggestion=_suggestion(response, params),
    )


def _body(params, visible, tolerant):
    text_query = _text_query(params.q, tolerant, params.any_word)
    body = {
        "query": _ranked(text_query, visible, params),
        "post_filter": {"bool": {"filter": _facet_filters(params)}},
        "aggs": {"unfiltered": {"filter": {"match_all": {}}}, **_facet_aggregations(params)},
        "from": (params.page - 1) * PAGE_SIZE,
        "size": PAGE_SIZE,
        "track_total_hits": True,
        "_source": ["title", "type", "committee", "committee_name", "date"],
        "sort": _sort(params),
    }
    if params.q:
        exact = _text_query(params.q, False, params.any_word)
        body["highlight"] = _highlight(text_query if tolerant else exact)
    if params.q and tolerant:
        body["suggest"] = _spelling_suggestion(params.q, visible)
    return body


def suggest_titles(prefix, user, scope=None, size=8):
    """Titles starting with the words typed so far, for as-you-type suggestions."""
    body = {
        "query": {
            "bool": {
                "must": {"match": {"title.autocomplete": {"query": prefix, "operator": "and"}}},
                "filter": [visibility_filter(user, scope)],
            }
        },
        "size": size,
        "_source": ["title", "type", "committee", "committee_name", "date"],
    }
    response = _search(body)
    return [_hit(hit) for hit in response["hits"]["hits"]]


def _search(body):
    return engine().search(
        pages_alias(),
        body,
        timeout=float(search_setting("STRATEGY_SEARCH_QUERY_TIMEOUT")),
        connect_timeout=float(search_setting("STRATEGY_SEARCH_CONNECT_TIMEOUT")),
    )


def visibility_filter(user, scope=None):
    """Pages in scope that `user` may see."""
    must_not = [{"term": {"password_protected": True}}]
    blocked = blocked_restriction_ids(user)
    if blocked:
        must_not.append({"terms": {"restrictions": blocked}})
    return {"bool": {"must_not": must_not, "filter": scope.engine_filters() if scope else []}}


def _words_only(q):
    """The query without pictographs: the engine's tokenizer keeps an emoji as a word of its
    own, which no page contains, so every word being required would find nothing."""
    return " ".join("".join(c for c in q if unicodedata.category(c) != "So").split())


def words_found(words, user, scope=None):
    """{word: whether a page `user` may see has it}, for every word in one request."""
    body = {
        "size": 0,
        "query": {"bool": {"filter": [visibility_filter(user, scope)]}},
        "aggs": {
            "words": {"filters": {"filters": {word: _text_query(word, True) for word in words}}}
        },
    }
    buckets = _search(body)["aggregations"]["words"]["buckets"]
    return {word: buckets[word]["doc_count"] > 0 for word in words}


def _text_query(q, tolerant, any_word=False):
    q = _words_only(q)
    if not q:
        return {"match_all": {}}
    operator = "or" if any_word else "and"
    should = []
    for position, text in enumerate([q, *alternatives(q)]):
        weight = 1.0 if position == 0 else 0.8
        should += _matches(text, weight, tolerant, operator)
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _matches(text, weight, tolerant, operator="and"):
    """Every word somewhere in the page (or any of them, those with more ranked higher); the
    words as a phrase; compounds split; typos."""
    matches = [
        _multi_match(text, 3 * weight, type="cross_fields", operator=operator),
        _multi_match(text, 2 * weight, type="phrase", slop=2),
    ]
    if tolerant:
        # One field holds every word as written, so a typo is looked up once, not per field.
        matches.append(
            {
                "multi_match": {
                    "query": text,
                    "fields": ["title^4", "spelling"],
                    "boost": 0.5 * weight,
                    "operator": operator,
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                }
            }
        )
    parts = query_parts(text)
    if parts:
        matches.append(_multi_match(parts, 1 * weight, type="cross_fields", operator=operator))
    return matches


def _multi_match(text, boost, **options):
    return {"multi_match": {"query": text, "fields": TEXT_FIELDS, "boost": boost, **options}}


def _ranked(text_query, visible, params):
    query = {"bool": {"must": [text_query], "filter": [visible]}}
    if not params.q or params.sort == "date":
        return query
    # Recent news rank slightly higher: ×1.3 today, fading to ×1.15 after three months.
    return {
        "function_score": {
            "query": query,
            "functions": [
                {"weight": 1},
                {
                    "filter": {"term": {"is_news": True}},
                    "gauss": {"date": {"origin": "now", "scale": "90d", "decay": 0.5}},
                    "weight": RECENT_NEWS_BOOST,
                },
            ],
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }


def _sort(params):
    newest = {"date": {"order": "desc", "missing": "_last"}}
    if params.sort == "date" or not params.q:
        return [newest, "_score", {"title.sort": "asc"}]
    return ["_score", newest, {"title.sort": "asc"}]


def _facet_filter(facet, values):
    return {"terms": {facet.field: values}}


def _facet_filters(params, leave_out=None):
    return [
        _facet_filter(facet, params.selected(facet.name))
        for facet in FACETS
        if params.selected(facet.name) and facet.name != leave_out
    ]


def _facet_aggregations(params):
    """Each facet counts over the results of every other facet's filter, so its counts say how
    many results choosing a value gives."""
    return {
        facet.name: {
            "filter": {"bool": {"filter": _facet_filters(params, leave_out=facet.name)}},
            "aggs": {"values": {"terms": {"field": facet.field, "size": FACET_SIZE}}},
        }
        for facet in FACETS
    }


def _facets(aggregations, params):
    results = []
    for facet in FACETS:
        buckets = aggregations[facet.name]["values"]["buckets"]
        counts = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
        results.append(facet.result(counts, set(params.selected(facet.name))))
    return results


def _highlight(query):
    return {
        "highlight_query": query,
        "pre_tags": [MARK_START],
        "post_tags": [MARK_END],
        "require_field_match": False,
        "fields": {
            "title": {"number_of_fragments": 0},
            "summary": {
                "fragment_size": SNIPPET_LENGTH,
                "number_of_fragments": 1,
                "no_match_size": SNIPPET_LENGTH,
            },
            "body": {"fragment_size": SNIPPET_LENGTH, "number_of_fragments": 1},
        },
    }


def _hit(hit):
    source = hit["_source"]
    highlight = hit.get("highlight", {})
    committee = source.get("committee")
    return Hit(
        page_id=int(hit["_id"]),
        title=source["title"],
        type=source["type"],
        type_label="",
        committee=Committee(committee, source.get("committee_name") or "") if committee else None,
        date=source.get("date"),
        marked_title=(highlight.get("title") or [""])[0],
        marked_snippet=_snippet(highlight),
    )


def _snippet(highlight):
    """The summary where it matched, else the matching body text, else the summary's start."""
    summary = (highlight.get("summary") or [""])[0]
    body = (highlight.get("body") or [""])[0]
    if MARK_START in summary or not body:
        return summary
    return f"… {body} …"


def _spelling_suggestion(q, visible):
    """A phrase suggestion from the words of pages the user may see: the collate query drops
    any suggestion that matches no such page, so restricted words never surface."""
    return {
        "text": q,
        "did_you_mean": {
            "phrase": {
                "field": "spelling",
                "size": 1,
                "max_errors": 2,
                "confidence": 1.0,
                "direct_generator": [
                    {"field": "spelling", "suggest_mode": "always", "min_word_length": 3}
                ],
                "collate": {
                    "query": {
                        "source": {
                            "bool": {
                                "must": {
                                    "match": {
                                        "spelling": {
                                            "query": "{{suggestion}}",
                                            "operator": "and",
                                        }
                                    }
                                },
                                "filter": [visible],
                            }
                        }
                    },
                    "prune": False,
                },
            }
        },
    }


def _suggestion(response, params):
    if "suggest" not in response:
        return ""
    options = response.get("suggest", {}).get("did_you_mean", [{}])[0].get("options", [])
    suggestion = options[0]["text"] if options else ""
    return suggestion if suggestion and suggestion != params.q.lower() else ""
