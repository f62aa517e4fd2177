"""What a search answers with, the same from the engine and from the database."""

import datetime
import math
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .params import PAGE_SIZE

# Private-use characters mark highlighted words until the text is escaped for HTML.
MARK_START, MARK_END = "\ue000", "\ue001"


def marked_html(text):
    """HTML of `text` with its marked words in <mark>; everything else escaped."""
    return mark_safe(  # noqa: S308 - built from escaped text and our own tags only
        escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )


def plain_text(text):
    return text.replace(MARK_START, "").replace(MARK_END, "")


@dataclass(frozen=True)
class Committee:
    slug: str
    name: str


@dataclass
class Hit:
    page_id: int
    title: str
    type: str
    type_label: str
    committee: Committee | None
    date: str | None
    #: Title and snippet carry the matched words between MARK_START and MARK_END.
    marked_title: str = ""
    marked_snippet: str = ""
    url: str = ""

    @property
    def calendar_date(self):
        """`date` as a date, for showing it the way the rest of the site does."""
        return datetime.date.fromisoformat(self.date[:10]) if self.date else None

    @property
    def title_html(self):
        return marked_html(self.marked_title or self.title)

    @property
    def snippet_html(self):
        return marked_html(self.marked_snippet)

    @property
    def snippet(self):
        return plain_text(self.marked_snippet)

    def as_json(self):
        return {
            "title": self.title,
            "url": self.url,
            "type": {"value": self.type, "label": self.type_label},
            "committee": (
                {"slug": self.committee.slug, "name": self.committee.name}
                if self.committee
                else None
            ),
            "date": self.date,
            "snippet": self.snippet,
            "snippet_html": str(self.snippet_html),
        }


@dataclass
class SearchResults:
    params: object
    total: int
    hits: list
    facets: list
    suggestion: str = ""
    #: True when the database answered instead of the engine, with fewer features.
    limited: bool = False
    picks: list = field(default_factory=list)
    #: Words of the query that no page has, left out to find something.
    left_out: list = field(default_factory=list)
    #: No page has all the words: these results have some of them.
    some_words: bool = False

    @property
    def page_count(self):
        return max(1, math.ceil(self.total / PAGE_SIZE))

    @property
    def first_position(self):
        return (self.params.page - 1) * PAGE_SIZE + 1
