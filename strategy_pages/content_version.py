"""A token that changes whenever the content changes, for what is derived from the content and
kept in a cache: the start page's lists, and what other apps build from the pages.

Edits start a new version in the shared cache once they commit. A process with a cache of its
own (local memory) only sees the edits it made itself, so what it keeps must also expire.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

CACHE_KEY = "strategy_pages:content-version"
UID = "strategy-pages-content-version"


def content_version():
    # Processes starting together agree on one: get_or_set adds, then reads back the winner.
    return cache.get_or_set(CACHE_KEY, new_version, None)


def new_version():
    return uuid.uuid4().hex


def content_changed(**kwargs):
    """Start a new version once the edit that changed the content commits."""
    transaction.on_commit(lambda: cache.set(CACHE_KEY, new_version(), None))


def page_saved_or_deleted(sender, instance, **kwargs):
    # Publishing, unpublishing, drafts and direct saves all save the page.
    if isinstance(instance, Page):
        content_changed()


def connect():
    from .models import Committee, Orientation, SustainabilityDimension, Theme

    # A page's save is signalled for its own class only; its deletion for Page too. A deletion
    # receiver for every model would keep Django from deleting any other model in one query.
    post_save.connect(page_saved_or_deleted, dispatch_uid=UID)
    post_delete.connect(page_saved_or_deleted, sender=Page, dispatch_uid=UID)
    post_page_move.connect(content_changed, dispatch_uid=UID)
    shown_on_pages = (Committee, Orientation, SustainabilityDimension, Theme, get_image_model())
    for model in (*shown_on_pages, Site):
        post_save.connect(content_changed, sender=model, dispatch_uid=UID)
        post_delete.connect(content_changed, sender=model, dispatch_uid=UID)
