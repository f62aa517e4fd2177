"""Comparing the index with the database, and repairing what differs.

Pages with an update still waiting for the worker are in flight, not drift.
"""

from dataclasses import dataclass, field

from .conf import engine, pages_alias
from .documents import documents_for
from .indexing import index_pages
from .models import PendingIndexUpdate


@dataclass
class Drift:
    #: Live pages the index lacks, documents older than their page, documents of no live page.
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    orphaned: list = field(default_factory=list)

    @property
    def page_ids(self):
        return sorted({*self.missing, *self.stale, *self.orphaned})

    def __bool__(self):
        return bool(self.page_ids)


def find_drift():
    expected = {pk: doc["fingerprint"] for pk, doc in documents_for(None)}
    indexed = {int(pk): print_ for pk, print_ in engine().fingerprints(pages_alias()).items()}
    in_flight = set(PendingIndexUpdate.objects.values_list("page_id", flat=True))
    return Drift(
        missing=sorted(set(expected) - set(indexed) - in_flight),
        stale=sorted(
            pk
            for pk in set(expected) & set(indexed)
            if expected[pk] != indexed[pk] and pk not in in_flight
        ),
        orphaned=sorted(set(indexed) - set(expected) - in_flight),
    )


def repair(drift):
    """Index the missing and stale pages as they are now and remove the orphans."""
    if drift:
        index_pages(drift.page_ids, refresh=True)
