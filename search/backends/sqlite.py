"""SQLite's full-text backend with query words matched by their Swedish stems."""

import operator
from functools import reduce

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from ..swedish import query_terms


class WordOrStem(Lexeme):
    """The word as written or any word beginning with its stem; pages with the very word match
    both and rank higher."""

    def __init__(self, term):
        super().__init__(term.text, prefix=term.prefix)
        self.word = term.word

    def as_sql(self, compiler, connection):
        stem_sql, stem_params = super().as_sql(compiler, connection)
        if not self.prefix or self.word in ("", self.value):
            return stem_sql, stem_params
        word_sql, word_params = Lexeme(self.word).as_sql(compiler, connection)
        return f"({word_sql} OR {stem_sql})", [*word_params, *stem_params]


class SwedishTerms:
    """Plain text searched as the Swedish terms of its words (see search.swedish)."""

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        terms = query_terms(query.query_string, typing=self.LAST_TERM_IS_PREFIX)
        lexemes = [WordOrStem(term) for term in terms]
        if not lexemes:
            return None
        combine = operator.and_ if query.operator.upper() == "AND" else operator.or_
        return SearchQueryExpression(reduce(combine, lexemes), config=config)


class SwedishSQLiteQueryCompiler(SwedishTerms, SQLiteSearchQueryCompiler):
    pass


class SwedishSQLiteAutocompleteQueryCompiler(SwedishTerms, SQLiteAutocompleteQueryCompiler):
    pass


class SwedishSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SwedishSQLiteQueryCompiler
    autocomplete_query_compiler_class = SwedishSQLiteAutocompleteQueryCompiler
