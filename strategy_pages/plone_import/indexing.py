"""Search and reference indexing once per batch while many objects are written.

Each save normally updates the search index and Wagtail's reference index on its own, through
a task each; on SQLite the database search backend then also recomputes a statistic over the
whole index, so one object at a time grows with the site. During an import the objects a batch
saved are indexed once, together, when it ends instead.
"""

from contextlib import contextmanager

from django.conf import settings
from django.db.models.signals import post_save
from django.test.utils import override_settings
from modelsearch import index
from modelsearch.backends import get_search_backends
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexed_in_bulk():
    """Hold back the per-save index updates and index the saved objects at the end. Meant for a
    management command: the search backends' AUTO_UPDATE is off for the whole process meanwhile."""
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(type(instance), instance.pk)] = instance

    post_save.connect(remember, weak=False, dispatch_uid="plone-import-indexing")
    try:
        with (
            override_settings(WAGTAILSEARCH_BACKENDS=_without_auto_update()),
            disable_reference_index_auto_update(),
        ):
            yield
    finally:
        post_save.disconnect(dispatch_uid="plone-import-indexing")
    objects = list(saved.values())
    for obj in objects:
        if ReferenceIndex.is_indexed(type(obj)):
            ReferenceIndex.create_or_update_for_object(obj)
    _add_to_search(objects)


def _without_auto_update():
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}) or {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    return {name: {**conf, "AUTO_UPDATE": False} for name, conf in backends.items()}


def _add_to_search(objects):
    by_model = {}
    for obj in objects:
        if not index.class_is_indexed(type(obj)):
            continue
        indexed = index.get_indexed_instance(obj, check_exists=False)
        if indexed is not None:
            by_model.setdefault(indexed._meta.model, set()).add(indexed.pk)
    for model, pks in by_model.items():
        fresh = list(model.get_indexed_objects().filter(pk__in=pks))
        for backend in get_search_backends():
            backend.add_bulk(model, fresh)
