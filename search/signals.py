"""Edits that change what search should find, turned into index updates. (The content's own
version, which tells the database search to read its rows again, and the cached view restrictions
are kept by the content app.)"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from strategy_pages.models import Committee, Orientation, SustainabilityDimension, Theme

from .analytics import forget_picks
from .indexing import pages_referring_to, subtree_ids
from .models import SearchSynonym
from .query.facets import forget_facet_values
from .synonyms import forget_synonyms
from .updates import record_updates

UID = "search-index"


def page_changed(sender, instance, **kwargs):
    record_updates([instance.pk])


def subtree_moved(sender, instance, **kwargs):
    # A view restriction on the new ancestors now applies to the whole subtree.
    record_updates(subtree_ids(instance))


def restriction_changed(sender, instance, **kwargs):
    record_updates(subtree_ids(instance.page))


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PageViewRestriction):
        record_updates(subtree_ids(instance.page))


def classification_changed(sender, instance, **kwargs):
    forget_facet_values()
    record_updates(pages_referring_to(instance))


def connect():
    page_published.connect(page_changed, dispatch_uid=UID)
    page_unpublished.connect(page_changed, dispatch_uid=UID)
    post_delete.connect(page_changed, sender=Page, dispatch_uid=UID)
    post_page_move.connect(subtree_moved, dispatch_uid=UID)
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=UID)
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=UID + "-r")
    m2m_changed.connect(
        restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=UID
    )
    post_save.connect(forget_synonyms, sender=SearchSynonym, dispatch_uid=UID)
    post_delete.connect(forget_synonyms, sender=SearchSynonym, dispatch_uid=UID)
    # A query's deletion deletes its promotions, each signalled.
    post_save.connect(forget_picks, sender=SearchPromotion, dispatch_uid=UID)
    post_delete.connect(forget_picks, sender=SearchPromotion, dispatch_uid=UID)
    for model in (Committee, Orientation, SustainabilityDimension, Theme):
        post_save.connect(classification_changed, sender=model, dispatch_uid=UID)
        post_delete.connect(forget_facet_values, sender=model, dispatch_uid=UID)
