"""Swedish words reduced to what their inflections share, for searching without an engine.

A query word is stemmed (the light Swedish stemmer for definite and plural endings, then
Snowball's) and matches every word that begins with its stem: "förskolan" finds "förskola" and
"förskolor", "remiss" finds "remissen" and "remissvar". Where the stems are too short, the word
itself is the prefix ("barn" finds "barnen"); a word shorter than MIN_PREFIX_STEM matches only
itself, so that "EU" does not find "Europa". Highlighting marks the words
the same rule matched, and nothing else.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
MIN_PREFIX_STEM = 4
# From Savoy's light Swedish stemmer (as in Lucene's SwedishLightStemmer): the endings it removes
# once the word is longer than the first number.
LIGHT_ENDINGS = (
    (7, ("elser", "heten")),
    (6, ("arne", "erna", "ande", "else", "aste", "orna", "aren")),
    (5, ("are", "ast", "het")),
    (4, ("ar", "er", "or", "en", "at", "te", "et")),
    (3, ("t", "a", "e", "n")),
)

_snowball = snowballstemmer.stemmer("swedish")
_snowball_lock = threading.Lock()  # a Snowball stemmer keeps its state between calls


@dataclass(frozen=True)
class Term:
    """What a query word matches: words beginning with `text`, or only `text` itself. `word` is
    the word as written, which pages rank higher for."""

    text: str
    prefix: bool
    word: str = ""

    def matches(self, word):
        word, text = fold(word.lower()), fold(self.text)
        return word.startswith(text) if self.prefix else word == text


def query_terms(text, typing=False):
    """The terms of `text`'s words, each once, in order. While `typing`, the last word may be
    unfinished, so it matches as a prefix however short it is."""
    words = WORD.findall(text.lower())
    terms = [term(word) for word in words]
    if typing and terms and not terms[-1].prefix:
        terms[-1] = Term(words[-1], prefix=True, word=words[-1])
    return list(dict.fromkeys(terms))


@lru_cache(maxsize=20_000)
def term(word):
    """The shortest of the word's stems that is long enough to match as a prefix: Snowball's
    and the light stemmer's, alone and together, each catch endings the others keep."""
    word = word.lower()
    light = light_stem(word)
    stems = {snowball_stem(word), snowball_stem(light), light, word}
    long_enough = sorted(stem for stem in stems if len(stem) >= MIN_PREFIX_STEM)
    if long_enough:
        return Term(min(long_enough, key=len), prefix=True, word=word)
    return Term(word, prefix=False, word=word)


def light_stem(word):
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    for longer_than, endings in LIGHT_ENDINGS:
        if len(word) > longer_than and word.endswith(endings):
            ending = next(ending for ending in endings if word.endswith(ending))
            return word[: -len(ending)]
    return word


def snowball_stem(word):
    with _snowball_lock:
        return _snowball.stemWord(word)


@lru_cache(maxsize=50_000)
def fold(text):
    """`text` without diacritics ("förskola" → "forskola"), as SQLite's full-text index
    compares words."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def any_term_matches(word, terms):
    return any(term.matches(word) for term in terms)
