"""Swedish compound words split into the words they are made of, from a word list.

"Trängselskatten" is "trängsel" + "skatten", so a search for "skatt" should find it; a search
for "ungdomsutbyte" should find pages about "utbyte" with young people. Pages are indexed with
the parts of their compound words (`compound_parts_text`), and a query's compounds are also
searched as their parts (`query_parts`). A word is split only when it falls apart completely
into known words, so that an unknown word such as "zanzibarprojektet" does not match every
page about "projekt".

The known words are a maintained Swedish word list (STRATEGY_SEARCH_COMPOUND_WORDS, e.g. the
121,000 words of Debian's wswedish in /usr/share/dict/swedish) together with the parts in
compound_parts.txt, which also holds the forms only compounds use ("förskole-").
"""

import re
from functools import cache, lru_cache
from pathlib import Path

from .conf import search_setting

BUNDLED_PARTS = Path(__file__).with_name("compound_parts.txt")
LINKS = ("", "s")
ENDINGS = {"", "a", "e", "n", "s", "t", "en", "et", "er", "ar", "or", "na", "ens", "ets"}
ENDINGS |= {"erna", "arna", "orna", "ernas", "arnas", "ell", "ella", "ellt", "isk", "iska", "iskt"}
#: A negating prefix: "ohälsa" is about "hälsa".
PREFIXES = ("o",)
MIN_PART = 3
#: Parts from the word list are longer: its three-letter words ("isa", "tio") are mostly chance
#: syllables inside longer words; the curated parts may be shorter ("del").
MIN_LISTED_PART = 4
#: What follows a negating prefix is a word of its own ("olika" is not "o" + "lika").
MIN_NEGATED = 5
#: Shorter words are not split: they would fall apart into chance syllables.
MIN_COMPOUND = 7
WORD = re.compile(r"[^\W\d_]+")


def known_words():
    return _read_words(str(search_setting("STRATEGY_SEARCH_COMPOUND_WORDS") or ""))


@cache
def _read_words(path):
    words = {word for word in _lines(BUNDLED_PARTS) if len(word) >= MIN_PART}
    if path and Path(path).is_file():
        words |= {word for word in _lines(Path(path)) if len(word) >= MIN_LISTED_PART}
    return frozenset(word for word in words if word.isalpha())


def _lines(path):
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # /usr/share/dict word lists are often Latin-1
    return [line.strip().lower() for line in text.splitlines() if line[:1] not in ("#", "")]


def split_compound(word):
    """The known words `word` consists of (at least two), or [] if it is no known compound."""
    return list(_split_cached(word.lower(), known_words()))


def query_parts(query):
    """The query with each compound word replaced by its parts, or "" when it has none."""
    words = WORD.findall(query)
    if not any(split_compound(word) for word in words):
        return ""
    return " ".join(" ".join(split_compound(word) or [word]) for word in words)


def compound_parts_text(text):
    """The parts of every compound word in `text`, and the base word of a genitive the
    stemmer keeps ("Europas" → "europa"), for pages to be found by them."""
    words = known_words()
    parts = []
    for word in dict.fromkeys(WORD.findall(text.lower())):
        parts += _split_cached(word, words)
        if word.endswith("s") and word[:-1] in words:
            parts.append(word[:-1])
    return " ".join(parts)


@lru_cache(maxsize=200_000)
def _split_cached(word, words):
    for prefix in PREFIXES:
        rest = word.removeprefix(prefix)
        if rest != word and len(rest) >= MIN_NEGATED and rest in words:
            return (prefix, rest)
    if len(word) < MIN_COMPOUND:
        return ()
    parts = _split(word, words)
    return tuple(parts) if parts and len(parts) >= 2 else ()


def _split(word, words):
    @cache
    def rest(start):
        if start and word[start:] in ENDINGS:
            return []
        # The first part leaves room for another: a compound has two at least.
        longest = len(word) if start else len(word) - MIN_PART
        for end in range(longest, start + MIN_PART - 1, -1):
            if word[start:end] not in words:
                continue
            for link in LINKS:
                if word.startswith(link, end):
                    tail = rest(end + len(link))
                    if tail is not None:
                        return [word[start:end], *tail]
        return None

    return rest(0)
