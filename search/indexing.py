"""Keeping the engine's page index equal to the live pages in the database.

Searches go through an alias; a rebuild fills a fresh index and then moves the alias in one
step, so search answers throughout.
"""

import logging
import time
from dataclasses import dataclass

from django.utils import timezone

from .conf import building_alias, engine, pages_alias, search_setting
from .documents import batched, documents_for, indexable_pages, page_models
from .engine.index_definition import index_body

logger = logging.getLogger(__name__)


def index_pages(page_ids, refresh=False):
    """Write the documents of these pages as they are now; pages no longer live are taken out.
    While a rebuild fills a new index, it gets the same writes, so no edit made during the
    rebuild is missing from it."""
    page_ids = set(page_ids)
    documents = dict(documents_for(page_ids))
    ensure_index()
    adapter = engine()
    for index in [pages_alias(), *adapter.indexes_behind(building_alias())]:
        actions = [_index_action(pk, doc, index) for pk, doc in documents.items()]
        actions += [_delete_action(pk, index) for pk in page_ids - set(documents)]
        if actions:
            adapter.bulk(actions, refresh=refresh)
    return len(documents)


def _index_action(page_id, document, index):
    return {"_op_type": "index", "_index": index, "_id": str(page_id), "_source": document}


def _delete_action(page_id, index):
    return {"_op_type": "delete", "_index": index, "_id": str(page_id)}


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
    # Updates applied from now on reach the new index too, before any page is read for it.
    adapter.update_aliases([{"add": {"index": name, "alias": building_alias()}}])
    count = 0
    try:
        for batch in batched(documents_for(None, chunk_size), chunk_size):
            # Only where the worker has not written since: its copy is newer than this read.
            adapter.bulk(
                [{**_index_action(pk, doc, name), "_op_type": "create"} for pk, doc in batch]
            )
            count += len(batch)
        _drop_pages_gone_meanwhile(adapter, name)
        replicas = int(search_setting("STRATEGY_SEARCH_REPLICAS"))
        adapter.put_settings(
            name, {"index": {"refresh_interval": "1s", "number_of_replicas": replicas}}
        )
        adapter.refresh(name)
        _point_alias(adapter, alias, name)
    except BaseException:
        adapter.delete_index(name)
        raise
    return RebuildReport(name, count, time.perf_counter() - started)


def _drop_pages_gone_meanwhile(adapter, name):
    """A page read for the new index, then unpublished or deleted before its batch was
    written, left a document the worker's delete could not reach yet."""
    adapter.refresh(name)
    indexed = {int(pk) for pk in adapter.fingerprints(name)}
    live = set(indexable_pages().values_list("pk", flat=True))
    gone = indexed - live
    if gone:
        adapter.bulk([_delete_action(pk, name) for pk in gone])


def _point_alias(adapter, alias, name):
    old = adapter.indexes_behind(alias)
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"remove": {"index": name, "alias": building_alias()}})
    adapter.update_aliases([*actions, {"add": {"index": name, "alias": alias}}])
    for index in old:
        adapter.delete_index(index)


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
