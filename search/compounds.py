"""Swedish compound words: which query words are made of known parts.

The engine splits compounds with the same word list (`swedish_compounds` analyser); the query
only asks it to when a word falls apart into known parts completely, so that an unknown word
such as "zanzibarprojektet" does not match every page about "projekt".
"""

from functools import cache
from pathlib import Path

PARTS_FILE = Path(__file__).with_name("compound_parts.txt")
LINKS = ("", "s")
ENDINGS = {"", "a", "e", "n", "s", "t", "en", "et", "er", "ar", "or", "na", "ens", "ets"}
ENDINGS |= {"erna", "arna", "orna", "ernas", "arnas"}
MIN_PART = 3


@cache
def compound_parts():
    lines = PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({line.strip() for line in lines if line.strip() and line[0] != "#"}))


def split_compound(word):
    """The known parts `word` consists of (at least two), or [] if it is no known compound."""
    parts = _split(word.lower(), frozenset(compound_parts()))
    return parts if parts and len(parts) >= 2 else []


def has_compound(query):
    return any(split_compound(word) for word in query.split())


def _split(word, parts):
    @cache
    def rest(start):
        if start and word[start:] in ENDINGS:
            return []
        for end in range(len(word), start + MIN_PART - 1, -1):
            if word[start:end] not in parts:
                continue
            for link in LINKS:
                if word.startswith(link, end):
                    tail = rest(end + len(link))
                    if tail is not None:
                        return [word[start:end], *tail]
        return None

    return rest(0)
