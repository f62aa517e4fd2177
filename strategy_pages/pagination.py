"""Pagination and query-string links for every list the plugin shows: listings and search."""

from dataclasses import dataclass
from urllib.parse import urlencode

PAGES_AROUND = 2


def url_with(request, **changes):
    """The current query string with some parameters replaced (a value or a list of values)
    or removed (None)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query.setlist(name, value if isinstance(value, list) else [value])
    return f"?{urlencode(query, doseq=True)}" if query else "?"


@dataclass(frozen=True)
class Pagination:
    current: int
    last: int
    #: (number, url) of the first, the last and the pages around the current one.
    pages: list

    @property
    def previous_url(self):
        return self._url_of(self.current - 1)

    @property
    def next_url(self):
        return self._url_of(self.current + 1)

    @property
    def first_url(self):
        return self._url_of(1)

    def _url_of(self, number):
        return dict(self.pages).get(number)


def paginate(request, current, last):
    numbers = range(max(1, current - PAGES_AROUND), min(last, current + PAGES_AROUND) + 1)
    numbers = sorted({1, last, current, *numbers})
    return Pagination(current, last, [(n, url_with(request, page=n)) for n in numbers])
