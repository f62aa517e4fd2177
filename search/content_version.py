"""A token that changes whenever live content changes, so that what a process derived from the
content (the database search's facet rows) knows when to read it again.

Edits through Wagtail start a new version in the shared cache once they commit; a fingerprint
of the live pages also catches pages added or removed without Wagtail's signals (bulk loads).
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from wagtail.models import Page

CACHE_KEY = "strategy_search:content-version"


def current_content_version():
    version = cache.get(CACHE_KEY)
    if version is None:
        cache.add(CACHE_KEY, uuid.uuid4().hex, None)
        version = cache.get(CACHE_KEY)
    fingerprint = Page.objects.live().aggregate(
        count=Count("pk"), last_id=Max("pk"), last_published=Max("last_published_at")
    )
    return (version, *fingerprint.values())


def content_changed():
    """Start a new version once the edit that changed the content commits."""
    transaction.on_commit(lambda: cache.set(CACHE_KEY, uuid.uuid4().hex, None))
