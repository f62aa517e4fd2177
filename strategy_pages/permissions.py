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
