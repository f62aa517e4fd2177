"""When to stop asking the engine for a while and let the database answer.

A refused or unreachable engine is down: searches skip it at once. A slow answer is not: one
slow query on a busy machine must not send everyone to the database, so the breaker trips only
after several slow answers in a row, or when too many of the recent ones failed. While it rests,
no search waits for the engine; afterwards the next search tries it again.
"""

import logging
import threading
from collections import deque

from django.core.cache import cache

from .conf import search_setting

logger = logging.getLogger(__name__)
#: Shared through the cache, so every worker process rests once one has tripped.
RESTING_KEY = "strategy_search:engine-resting"
#: How many recent searches the failure rate is taken over, and how many it needs to count.
RATE_WINDOW = 20
RATE_MINIMUM = 10


class Breaker:
    def __init__(self):
        self._lock = threading.Lock()
        self._recent = deque(maxlen=RATE_WINDOW)
        self._failures_in_a_row = 0

    def resting(self):
        return bool(cache.get(RESTING_KEY))

    def answered(self):
        with self._lock:
            self._recent.append(False)
            self._failures_in_a_row = 0

    def failed(self, error, *, slow):
        """Note a failed search; `slow` when the engine was reached but answered too late."""
        with self._lock:
            self._recent.append(True)
            self._failures_in_a_row += 1
            reason = None if slow else "unreachable"
            reason = reason or self._trip_reason()
            if reason:
                self._failures_in_a_row = 0
                self._recent.clear()
        if reason:
            rest = float(search_setting("STRATEGY_SEARCH_BREAKER_REST"))
            logger.warning(
                "Search engine %s; the database answers for %ss: %s", reason, rest, error
            )
            cache.set(RESTING_KEY, True, rest)
        else:
            logger.info("A search fell back to the database: %s", error)

    def _trip_reason(self):
        if self._failures_in_a_row >= int(search_setting("STRATEGY_SEARCH_BREAKER_FAILURES")):
            return f"failed {self._failures_in_a_row} searches in a row"
        failures = sum(self._recent)
        rate = float(search_setting("STRATEGY_SEARCH_BREAKER_FAILURE_RATE"))
        if len(self._recent) >= RATE_MINIMUM and failures >= rate * len(self._recent):
            return f"failed {failures} of the last {len(self._recent)} searches"
        return None

    def reset(self):
        with self._lock:
            self._recent.clear()
            self._failures_in_a_row = 0
        cache.delete(RESTING_KEY)


breaker = Breaker()
