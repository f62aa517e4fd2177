"""Keeping the engine's page index equal to the live pages in the database.

Searches go through an alias; a rebuild fills a fresh index and then moves the alias in one
step, so search answers throughout.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .conf import engine, engine_configured, pages_alias, search_setting
from .documents import documents_for, indexable_pages, page_models
from .engine.index_definition import index_body

logger = logging.getLogger(__name__)


def index_pages(page_ids, refresh=False):
    """Write the documents of these pages; pages no longer live are taken out."""
    page_ids = set(page_ids)
    documents = dict(documents_for(page_ids))
    actions = [_index_action(pk, doc) for pk, doc in documents.items()]
    actions += [_delete_action(pk) for pk in page_ids - set(documents)]
    if actions:
        ensure_index()
        engine().bulk(actions, refresh=refresh)
    return len(documents)


def remove_pages(page_ids, refresh=False):
    if page_ids:
        ensure_index()
        engine().bulk([_delete_action(pk) for pk in page_ids], refresh=refresh)


def _index_action(page_id, document):
    return {"_op_type": "index", "_index": pages_alias(), "_id": str(page_id), "_source": document}


def _delete_action(page_id):
    return {"_op_type": "delete", "_index": pages_alias(), "_id": str(page_id)}


def ensure_index():
    """Create the first index behind the alias if there is none yet."""
    if not engine().indexes_behind(pages_alias()):
        rebuild()


@dataclass
class RebuildReport:
    index: str
    documents: int
    seconds: float

    @property
    def per_second(self):
        return self.documents / self.seconds if self.seconds else 0.0


def rebuild(chunk_size=500):
    """Index every live page into a new index, then point the alias at it and drop the old."""
    started = time.perf_counter()
    adapter, alias = engine(), pages_alias()
    name = f"{alias}_{timezone.now():%Y%m%d%H%M%S%f}"
    body = index_body(replicas=0)
    body["settings"]["index"]["refresh_interval"] = "-1"
    adapter.create_index(name, body)
    count = 0
    try:
        for batch in _batches(documents_for(None, chunk_size), chunk_size):
            adapter.bulk([{**_index_action(pk, doc), "_index": name} for pk, doc in batch])
            count += len(batch)
        replicas = int(search_setting("SEARCH_REPLICAS"))
        adapter.put_settings(
            name, {"index": {"refresh_interval": "1s", "number_of_replicas": replicas}}
        )
        adapter.refresh(name)
        _point_alias(adapter, alias, name)
    except BaseException:
        adapter.delete_index(name)
        raise
    return RebuildReport(name, count, time.perf_counter() - started)


def _point_alias(adapter, alias, name):
    old = adapter.indexes_behind(alias)
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    adapter.update_aliases([*actions, {"add": {"index": name, "alias": alias}}])
    for index in old:
        adapter.delete_index(index)


def _batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def subtree_ids(page):
    return list(indexable_pages().descendant_of(page, inclusive=True).values_list("pk", flat=True))


def pages_referring_to(obj):
    """Live pages that show `obj` (a committee, theme, orientation …) in their documents."""
    ids = set()
    for model in page_models():
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is type(obj) and field.concrete:
                ids.update(
                    model.objects.live().filter(**{field.name: obj}).values_list("pk", flat=True)
                )
    return ids


_pending = threading.local()


def update_after_commit(page_ids):
    """Bring these pages' documents up to date once the edit is committed, in one request per
    transaction however many signals named them."""
    if not engine_configured() or not page_ids:
        return
    _pending.__dict__.setdefault("ids", set()).update(page_ids)
    # Every callback takes all pending ids, so later ones of the same commit find none.
    transaction.on_commit(_apply_pending)


def _apply_pending():
    page_ids = _pending.__dict__.pop("ids", set())
    if not page_ids:
        return
    try:
        index_pages(page_ids)
    except engine().errors:
        logger.exception("Search index update failed for pages %s", sorted(page_ids))
