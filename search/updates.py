"""The durable path of an edit to the index: recorded with the edit, applied by the worker.

Recording happens in the edit's own transaction, so an update exists exactly when the edit
does; applying never happens during the edit, so saving never waits on the engine. A failed
attempt stays recorded and is retried with growing pauses until the engine takes it.
"""

import logging
import operator
from dataclasses import dataclass
from datetime import timedelta
from functools import reduce

from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from .conf import engine, engine_configured
from .documents import batched
from .indexing import index_pages
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Rows removed per query: SQLite limits an expression's depth (1,000) and its parameters.
FORGET_CHUNK = 100
MAX_BACKOFF_SECONDS = 300
LOGGED_IDS = 50


def record_updates(page_ids):
    """Note, in the current transaction, that these pages' documents must be brought up to
    date, and wake the worker once it commits."""
    page_ids = set(page_ids)
    if not page_ids or not engine_configured():
        return
    now = timezone.now()
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(page_id=pk, requested_at=now, next_attempt_at=now) for pk in page_ids],
        update_conflicts=True,
        unique_fields=["page_id"],
        update_fields=["requested_at", "next_attempt_at"],
    )
    transaction.on_commit(wake_worker)


def wake_worker():
    from .tasks import schedule_apply  # noqa: PLC0415 - the tasks module imports this one

    schedule_apply()


@dataclass
class ApplyReport:
    applied: int = 0
    failed: int = 0
    remaining: int = 0


def apply_due_updates(now=None, batch_size=BATCH_SIZE):
    """Apply the recorded updates that are due, a batch at a time, until none is due or the
    engine fails; failures are kept for a later attempt."""
    report = ApplyReport()
    started = now or timezone.now()
    while True:
        # Edits recorded after this run started wait for the run their commit asked for.
        due = list(
            PendingIndexUpdate.objects.filter(
                next_attempt_at__lte=started, requested_at__lte=started
            )
            .order_by("requested_at")
            .values_list("page_id", "requested_at")[:batch_size]
        )
        if not due:
            break
        try:
            index_pages([page_id for page_id, _ in due])
        except engine().errors as error:
            _postpone([page_id for page_id, _ in due], error)
            report.failed += len(due)
            break
        _forget_applied(due)
        report.applied += len(due)
    report.remaining = PendingIndexUpdate.objects.count()
    return report


def _forget_applied(due):
    """Remove the rows applied, except those edited again since they were read: the newer edit
    still has to reach the engine. After an outage every row has a time of its own, so they
    go in one transaction, a chunk of rows per query."""
    with transaction.atomic():
        for chunk in batched(due, FORGET_CHUNK):
            applied = reduce(
                operator.or_,
                (Q(page_id=page_id, requested_at=requested_at) for page_id, requested_at in chunk),
            )
            PendingIndexUpdate.objects.filter(applied).delete()


def _postpone(page_ids, error):
    ids = sorted(page_ids)
    shown = ", ".join(map(str, ids[:LOGGED_IDS])) + (
        f" and {len(ids) - LOGGED_IDS} more" if len(ids) > LOGGED_IDS else ""
    )
    logger.warning("Search index update failed for pages %s; will retry: %s", shown, error)
    now = timezone.now()
    for row in PendingIndexUpdate.objects.filter(page_id__in=page_ids):
        row.attempts += 1
        row.next_attempt_at = now + timedelta(seconds=min(2**row.attempts, MAX_BACKOFF_SECONDS))
        row.last_error = str(error)[:1000]
        row.save(update_fields=["attempts", "next_attempt_at", "last_error"])


def next_attempt_at():
    return PendingIndexUpdate.objects.aggregate(next=Min("next_attempt_at"))["next"]


@dataclass
class QueueStatus:
    depth: int
    oldest_seconds: float | None
    failing: int
    last_error: str

    def as_json(self):
        return {
            "depth": self.depth,
            "oldest_pending_seconds": self.oldest_seconds,
            "failing": self.failing,
            "last_error": self.last_error or None,
        }


def queue_status():
    pending = PendingIndexUpdate.objects.all()
    oldest = pending.aggregate(oldest=Min("requested_at"))["oldest"]
    failing = pending.filter(attempts__gt=0)
    last = failing.order_by("-next_attempt_at").values_list("last_error", flat=True).first()
    return QueueStatus(
        depth=pending.count(),
        oldest_seconds=round((timezone.now() - oldest).total_seconds(), 1) if oldest else None,
        failing=failing.count(),
        last_error=last or "",
    )
