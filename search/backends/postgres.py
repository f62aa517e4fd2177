"""PostgreSQL's full-text backend with query words matched by their Swedish stems.

The index keeps words as written (the "simple" configuration), since the query side stems:
a Swedish configuration would stem the index to forms the query's prefixes do not begin.
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from ..swedish import query_terms


class SwedishTerms:
    """Plain text searched as the Swedish terms of its words (see search.swedish)."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = query_terms(query.query_string, typing=self.LAST_TERM_IS_PREFIX)
        lexemes = [_word_or_stem(term, invert) for term in terms]
        if not lexemes:
            return None
        combine = operator.and_ if query.operator.lower() == "and" else operator.or_
        return SearchQuery(reduce(combine, lexemes), search_type="raw", config=config)


def _word_or_stem(term, invert):
    """The word as written or any word beginning with its stem; pages with the very word match
    both and rank higher."""
    stem = Lexeme(term.text, invert=invert, prefix=term.prefix)
    if not term.prefix or term.word in ("", term.text):
        return stem
    word = Lexeme(term.word, invert=invert)
    return (word & stem) if invert else (word | stem)


class SwedishPostgresQueryCompiler(SwedishTerms, PostgresSearchQueryCompiler):
    pass


class SwedishPostgresAutocompleteQueryCompiler(SwedishTerms, PostgresAutocompleteQueryCompiler):
    pass


class SwedishPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SwedishPostgresQueryCompiler
    autocomplete_query_compiler_class = SwedishPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})
