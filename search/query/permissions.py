"""Whose eyes a search result is for: view restrictions a user does not pass."""

from wagtail.models import PageViewRestriction


def blocked_restriction_ids(user):
    """Group restrictions the user is in none of the groups of (superusers pass them all).

    Password restrictions block everyone in search: a password is given per visit, not per user.
    Login restrictions pass, since only logged-in staff can search.
    """
    if user.is_superuser:
        return []
    restrictions = PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS
    ).exclude(groups__in=user.groups.all())
    return [str(pk) for pk in restrictions.values_list("pk", flat=True)]
