"""Who may see which page: the one place that answers it for pages, listings, menus, related
content and search. A page is visible when it is live and the visitor passes every view
restriction on it and its ancestors."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

from .content_version import content_version

RESTRICTIONS_CACHE_KEY = "strategy_pages:view-restrictions"
RESTRICTED_PAGES_CACHE_KEY = "strategy_pages:restricted-pages"
# Edits drop the cache in the shared cache at once; the timeout bounds what a process that missed
# the change (one with a private cache) may show.
RESTRICTIONS_CACHE_SECONDS = 30
# Edits start a new content version at once; the timeout bounds what a process with a cache of
# its own shows after another process's edit. Production uses a shared cache.
SHARED_SECONDS = 60


def hidden_subtrees(request):
    """Pages whose subtree the request may not view (group, login or password restrictions),
    read once per request: the menu, every listing and the Related block of a page ask."""
    hidden = getattr(request, "_strategy_pages_hidden_subtrees", None)
    if hidden is None:
        hidden = [r.page for r in _restrictions() if not r.accept_request(request)]
        request._strategy_pages_hidden_subtrees = hidden
    return hidden


def _restrictions():
    """Every view restriction with its page and groups, from the cache while neither they nor
    the pages (which move) have changed."""
    version = content_version()
    cached = cache.get(RESTRICTED_PAGES_CACHE_KEY)
    if cached is None or cached[0] != version:
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        cached = (version, list(restrictions))
        cache.set(RESTRICTED_PAGES_CACHE_KEY, cached, RESTRICTIONS_CACHE_SECONDS)
    return cached[1]


def shared_by_like_readers(request, name, compute):
    """What `compute()` returns for this request, kept in the cache for every reader kept out of
    the same sections until the content changes: lists and counts over every visible page then
    cost the same however many pages there are."""
    hidden = ",".join(page.path for page in hidden_subtrees(request))
    sections = hashlib.sha256(hidden.encode()).hexdigest()[:16]
    key = f"strategy_pages:shared:{name}:{content_version()}:{sections}"
    return cache.get_or_set(key, compute, SHARED_SECONDS)


def visible_to(queryset, request):
    """Limit a page queryset to live pages the request may view; constant in queries."""
    queryset = queryset.live()
    for page in hidden_subtrees(request):
        queryset = queryset.not_descendant_of(page, inclusive=True)
    return queryset


def used_by_visible_page(obj, request):
    """A document or image that pages use is for those who may see at least one of them; one
    that no page uses is for everyone who may see the site."""
    page_type = ContentType.objects.get_for_model(Page)
    using = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    page_ids = set(using.values_list("object_id", flat=True))
    if not page_ids:
        return True
    return visible_to(Page.objects.filter(pk__in=page_ids), request).exists()


# Wagtail checks a document's collection privacy itself; this adds the pages that use it.
document_visible_to = used_by_visible_page
image_visible_to = used_by_visible_page


def restriction_table():
    """{restriction id (str): (kind, ids of the groups it lets in)}, cached briefly."""
    table = cache.get(RESTRICTIONS_CACHE_KEY)
    if table is None:
        table = {}
        rows = PageViewRestriction.objects.values_list("pk", "restriction_type", "groups")
        for pk, kind, group in rows:
            table.setdefault(str(pk), (kind, set()))[1].update([group] if group else [])
        cache.set(RESTRICTIONS_CACHE_KEY, table, RESTRICTIONS_CACHE_SECONDS)
    return table


def blocked_restriction_ids(user):
    """Ids (as str) of the restrictions `user` does not pass, for lists that cannot ask each
    page (search). A password is given per visit, not per user, so password restrictions block
    everyone there; login restrictions block anonymous visitors; group restrictions block those
    in none of their groups, superusers excepted."""
    table = restriction_table()
    if not table:
        return []
    groups = set() if not user.is_authenticated else set(user.groups.values_list("pk", flat=True))
    return [pk for pk, (kind, allowed) in table.items() if not _passes(user, kind, allowed, groups)]


def _passes(user, kind, allowed, groups):
    if kind == PageViewRestriction.PASSWORD:
        return False
    if not user.is_authenticated:
        return False
    if kind == PageViewRestriction.LOGIN or user.is_superuser:
        return True
    return bool(kind == PageViewRestriction.GROUPS and allowed & groups)


def forget_restrictions(**kwargs):
    # Again once the change commits: another request may have read the old ones meanwhile.
    keys = [RESTRICTIONS_CACHE_KEY, RESTRICTED_PAGES_CACHE_KEY]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def forget_restrictions_after_group_change(sender, action, **kwargs):
    if action.startswith("post_"):
        forget_restrictions()


def connect():
    """Forget the cached restrictions whenever one, or the groups it lets in, change."""
    uid = "strategy-pages-visibility"
    post_save.connect(forget_restrictions, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(forget_restrictions, sender=PageViewRestriction, dispatch_uid=uid)
    m2m_changed.connect(
        forget_restrictions_after_group_change,
        sender=PageViewRestriction.groups.through,
        dispatch_uid=uid,
    )
