"""Who follows up the strategy: the coordinators' permission, and the admin views and menu items
that only they see."""

from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem

FOLLOW_UP_PERMISSION = "strategy_pages.follow_up_showcases"


def may_follow_up(user):
    return user.has_perm(FOLLOW_UP_PERMISSION)


class FollowUpOnlyMixin:
    """An admin view for those who follow up the strategy; others are turned away."""

    def dispatch(self, request, *args, **kwargs):
        if not may_follow_up(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class FollowUpMenuItem(MenuItem):
    def is_shown(self, request):
        return may_follow_up(request.user)
