"""Editing rights scoped to parts of the page tree, using Wagtail's own group page permissions."""

from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

PAGE_EDITING = ("add_page", "change_page", "publish_page")
MEDIA_EDITING = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def grant_admin_access(group):
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def grant_page_editing(group, page, codenames=PAGE_EDITING):
    """Let the group add, edit and publish pages in `page`'s subtree, and nowhere else."""
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_media_editing(group, collection=None):
    collection = collection or Collection.get_first_root_node()
    for app_label, codename in MEDIA_EDITING:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def committees_edited_by(user):
    """The committees whose editor groups `user` belongs to."""
    from .models import Committee  # noqa: PLC0415 - the page models' forms use this module

    if user is None or not user.is_authenticated:
        return Committee.objects.none()
    return Committee.objects.filter(editor_group__user=user).order_by("name")


# The create view builds its form from the user alone, not the request: the committee asked for
# in the address is handed over on the user object.
REQUESTED_COMMITTEE_ATTRIBUTE = "_strategy_requested_committee"


def remember_requested_committee(request):
    setattr(request.user, REQUESTED_COMMITTEE_ATTRIBUTE, request.GET.get("committee", ""))


def requested_committee(user):
    return getattr(user, REQUESTED_COMMITTEE_ATTRIBUTE, "")
