"""Synonyms editors keep in the admin, applied to the query so that a change needs no reindex."""

import re

from django.core.cache import cache

from .models import SearchSynonym

CACHE_KEY = "strategy_search:synonym-groups"
MAX_ALTERNATIVES = 6
# Swedish endings a term may carry in a query and still count as the term.
ENDINGS = r"(?:en|et|er|ar|or|na|erna|arna|orna|ens|ets|s)?"


def synonym_groups():
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = [synonym.term_list() for synonym in SearchSynonym.objects.all()]
        cache.set(CACHE_KEY, groups, None)
    return groups


def forget_synonyms(**kwargs):
    cache.delete(CACHE_KEY)


def alternatives(query):
    """The query with each synonym it contains swapped for the others in its group."""
    lowered = query.lower()
    found = []
    for group in synonym_groups():
        for term in group:
            pattern = re.compile(rf"(?<!\w){re.escape(term)}{ENDINGS}(?!\w)")
            if pattern.search(lowered):
                # A function as the replacement: backslashes in a synonym are text, not escapes.
                others = [other for other in group if other != term]
                found += [pattern.sub(lambda _, o=other: o, lowered) for other in others]
    return [alt for alt in dict.fromkeys(found) if alt != lowered][:MAX_ALTERNATIVES]
