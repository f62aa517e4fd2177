"""Recording searches for the editors' reports, and the editors' picks for a query."""

import atexit
import hashlib
import logging
import threading
from collections import Counter

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from strategy_pages.content_version import content_version, new_version

from .conf import search_setting
from .models import NoResultsDailyHits

logger = logging.getLogger(__name__)

#: How long a process with a cache of its own keeps a query's picks: it does not see other
#: processes' edits.
PICKS_SECONDS = 60
PICKS_VERSION_KEY = "strategy_search:picks-version"


def stored_query_string(query_string):
    """The query string as Wagtail stores it. Wagtail cuts it to the column's length before
    lowercasing it, and lowercasing can lengthen it ("İ" becomes two characters), so a search
    would look for a longer string than saving it stored: normalising again cuts it too."""
    return normalise_query_string(normalise_query_string(query_string))


def record_search(query_string, result_count):
    """Count one search (not its further result pages), and whether it found nothing.

    The count is written STRATEGY_SEARCH_STATS_DELAY seconds later, together with the other
    searches of that moment, by a thread of its own: a write is a commit, and on SQLite a commit
    waits for the disk, which the answer to a search should not do. With a delay of 0 it is
    written at once."""
    key = (stored_query_string(query_string), timezone.now().date())
    delay = search_setting("STRATEGY_SEARCH_STATS_DELAY")
    if delay:
        pending.add(key, found_nothing=result_count == 0, delay=delay)
    else:
        write_counts(Counter([key]), Counter([key] if result_count == 0 else []))


def write_counts(searches, empty_searches):
    """Add counts of searches by (query string, day), and of those that found nothing."""
    with transaction.atomic():
        for (query_string, day), count in searches.items():
            query = Query.get(query_string)
            _add(QueryDailyHits, query, day, count)
            if empty_searches[query_string, day]:
                _add(NoResultsDailyHits, query, day, empty_searches[query_string, day])


def _add(model, query, day, count):
    hits, _ = model.objects.get_or_create(query=query, date=day)
    model.objects.filter(pk=hits.pk).update(hits=F("hits") + count)


class PendingSearches:
    """Searches counted in memory until the writing thread takes them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.searches, self.empty_searches = Counter(), Counter()
        self.timer = None

    def add(self, key, *, found_nothing, delay):
        with self.lock:
            self.searches[key] += 1
            self.empty_searches[key] += found_nothing
            if self.timer is None:
                self.timer = threading.Timer(delay, self._write_in_thread)
                self.timer.daemon = True
                self.timer.start()

    def write(self):
        """Write what is waiting, now; called by the thread, at exit and by tests."""
        with self.lock:
            searches, empty_searches = self.searches, self.empty_searches
            if self.timer is not None:
                self.timer.cancel()
            self.searches, self.empty_searches, self.timer = Counter(), Counter(), None
        if searches:
            write_counts(searches, empty_searches)

    def _write_in_thread(self):
        try:
            self.write()
        except Exception:
            logger.exception("Search statistics could not be written; these counts are lost")
        finally:
            connection.close()


pending = PendingSearches()
atexit.register(pending.write)


def editors_picks(query_string):
    """The pages editors promoted for this query, in their order, kept in the cache until a
    promotion or a page changes."""
    stored = stored_query_string(query_string)
    digest = hashlib.sha256(stored.encode()).hexdigest()[:32]
    picks_version = cache.get_or_set(PICKS_VERSION_KEY, new_version, None)
    key = f"strategy_search:picks:{content_version()}:{picks_version}:{digest}"
    promotions = (
        SearchPromotion.objects.filter(query__query_string=stored)
        .select_related("page")
        .order_by("sort_order")
    )
    return cache.get_or_set(key, lambda: list(promotions), PICKS_SECONDS)


def forget_picks(**kwargs):
    """Every query's picks are read again, and again once the change commits: another search
    may have read the old ones meanwhile."""
    cache.delete(PICKS_VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(PICKS_VERSION_KEY))
