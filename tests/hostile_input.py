"""Hypothesis strategies for what a browser, a script or a damaged export may send, and the
settings every fuzzing test shares.

FUZZ_EXAMPLES=1000 runs each property that many times instead of the suite's modest number.
"""

import os
from urllib.parse import quote, quote_from_bytes

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: The whole suite runs six times in CI: each property gets a modest number of examples.
fuzz = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Operators of Lucene, the engines' query strings, regular expressions, SQL and templates.
SYNTAX = "\"*~^()[]{}\\:/!&|?+-=<>@#%'`;$_."
CRAFTED = [
    "",
    " ",
    '"unclosed phrase',
    "title:(förskola OR",
    "AND OR NOT",
    "a~ b^99999999999 c~-1",
    "/[regex/",
    "*:*",
    "\\",
    "{{suggestion}}",
    '{"query": {"match_all": {}}}',
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    "%",
    "%%",
    "(?i)(a+)+$",
    "\x00",
    "a\x00b",
    "\ufeff",
    "\u202e",
    "😀👩‍👩‍👧",
    "ﬀ ß Σ",
    # Lowercasing makes it longer: İ becomes i and a combining dot.
    "İ" * 128,
]
NUMBERS = [
    "0",
    "-1",
    "1.5",
    "1e400",
    "NaN",
    "inf",
    "-inf",
    "0x10",
    "١٢",
    "9" * 5000,
    str(2**63),
    str(-(2**63) - 1),
]

words = st.text(max_size=40)
syntax = st.text(alphabet=SYNTAX + " åäö abc", max_size=30)
numbers = st.one_of(st.integers().map(str), st.sampled_from(NUMBERS))
#: Around 10,000 characters, from a short repeated piece.
long_values = st.builds(
    lambda piece, times: piece * times, st.text(min_size=1, max_size=3), st.integers(2000, 3400)
)
values = st.one_of(words, syntax, st.sampled_from(CRAFTED), numbers, long_values)

#: Query string pieces a hand-written URL may contain, left as they are.
RAW_PIECES = ["", "=", "&", "==", "a=%", "b=%zz", "c=%ff%fe", "%00=%00", "d[]=1", "e=1;f=2", "#"]


def _encoded(value):
    return quote_from_bytes(value, safe="") if isinstance(value, bytes) else quote(value, safe="")


def query_strings(names):
    """Query strings of the parameters `names` and any others, with any values: text, bytes
    that are not UTF-8, and the same parameter repeated up to past Django's limit of fields."""
    name = st.one_of(st.sampled_from(names), st.text(max_size=10))
    value = st.one_of(values, st.binary(max_size=20))
    pair = st.builds(lambda n, v: f"{_encoded(n)}={_encoded(v)}", name, value)
    mixed = st.lists(st.one_of(pair, st.sampled_from(RAW_PIECES)), max_size=8)
    short_pair = st.builds(lambda n, v: f"{_encoded(n)}={_encoded(v)}", name, words | numbers)
    repeated = st.builds(lambda p, times: [p] * times, short_pair, st.integers(2, 1200))
    return st.one_of(mixed, repeated).map("&".join)


def path_segments():
    """Percent-encoded path segments of any text."""
    return st.lists(st.one_of(values, st.binary(max_size=20)), min_size=1, max_size=4).map(
        lambda segments: "/".join(_encoded(s) for s in segments)
    )
