"""Whose eyes a search result is for: view restrictions a user does not pass."""

from django.core.cache import cache
from wagtail.models import PageViewRestriction

CACHE_KEY = "search:group-restrictions"


def blocked_restriction_ids(user):
    """Group restrictions the user is in none of the groups of (superusers pass them all).

    Password restrictions block everyone in search: a password is given per visit, not per user.
    Login restrictions pass, since only logged-in staff can search.
    """
    if user.is_superuser:
        return []
    restrictions = group_restrictions()
    if not restrictions:
        return []
    groups = set(user.groups.values_list("pk", flat=True))
    return [pk for pk, allowed in restrictions.items() if not allowed & groups]


def group_restrictions():
    """{restriction id (as indexed): ids of the groups it lets in}, cached until one changes."""
    restrictions = cache.get(CACHE_KEY)
    if restrictions is None:
        restrictions = {}
        rows = PageViewRestriction.objects.filter(
            restriction_type=PageViewRestriction.GROUPS
        ).values_list("pk", "groups")
        for pk, group in rows:
            restrictions.setdefault(str(pk), set()).update([group] if group else [])
        cache.set(CACHE_KEY, restrictions, None)
    return restrictions


def forget_group_restrictions(**kwargs):
    cache.delete(CACHE_KEY)
