"""The intranet's roles as Wagtail groups, with their rights, and the coordinators' review.

Staff read and search. Network editors write and publish network news. Each committee's editors
write that committee's showcases and consultation responses and submit them for review.
Coordinators at the City Executive Office edit the strategy and its orientations, review and
publish, and decide what the start page features. `set_up_roles` makes all of this so and may
run any number of times; Wagtail's default Editors and Moderators groups lose their rights over
the intranet's part of the tree.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .conf import GRANT_ROLE_PERMISSIONS_HOOK
from .models import (
    Committee,
    CommitteeIndexPage,
    CommitteePage,
    IntranetPage,
    NetworkNewsIndexPage,
    RoleGroup,
)
from .permissions import (
    grant_admin_access,
    grant_media_editing,
    grant_page_editing,
)

COMMITTEE_EDITING = ("add_page", "change_page")
COORDINATION = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page")
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
CLASSIFICATION_MODELS = (
    "committee",
    "theme",
    "orientation",
    "sustainabilitydimension",
    "studyvisit",
)
FOLLOW_UP = "follow_up_showcases"


def group_name(text):
    """Group names are data that admins see; they are written in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


def role_group(role):
    """The group that holds `role`, created (or adopted by its name) on first use."""
    link = RoleGroup.objects.filter(role=role).select_related("group").first()
    if link:
        return link.group
    group, _created = Group.objects.get_or_create(name=group_name(RoleGroup.Role(role).label))
    RoleGroup.objects.create(role=role, group=group)
    return group


def intranet_roots():
    """The top pages of the intranet's own subtrees: its pages whose parent is not one of them."""
    pages = Page.objects.filter(content_type__app_label=IntranetPage._meta.app_label)
    pages = pages.order_by("path")
    roots = []
    for page in pages:
        if not any(page.path.startswith(root.path) for root in roots):
            roots.append(page)
    return roots


@transaction.atomic
def set_up_roles():
    """Create or update every role's group, rights and the review workflow. Idempotent."""
    roots = intranet_roots()
    staff = role_group(RoleGroup.Role.STAFF)
    network_editors = set_up_network_editors()
    coordinators = set_up_coordinators(roots)
    committee_groups = [committee_editor_group(page) for page in committee_sections()]
    set_up_review(roots, coordinators)
    withdraw_default_groups(roots)
    for role, group in (
        (RoleGroup.Role.STAFF, staff),
        (RoleGroup.Role.NETWORK_EDITORS, network_editors),
        (RoleGroup.Role.COORDINATORS, coordinators),
    ):
        for grant in hooks.get_hooks(GRANT_ROLE_PERMISSIONS_HOOK):
            grant(role, group)
    return [staff, network_editors, coordinators, *committee_groups]


def set_up_network_editors():
    group = role_group(RoleGroup.Role.NETWORK_EDITORS)
    grant_admin_access(group)
    for news_index in NetworkNewsIndexPage.objects.all():
        grant_page_editing(group, news_index)
    grant_media_editing(group)
    return group


def set_up_coordinators(roots):
    group = role_group(RoleGroup.Role.COORDINATORS)
    grant_admin_access(group)
    for root in roots:
        grant_page_editing(group, root, COORDINATION)
    grant_media_editing(group)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="strategy_pages",
            content_type__model__in=CLASSIFICATION_MODELS,
            codename__regex=r"^(add|change|delete|view)_",
        ),
        *Permission.objects.filter(
            content_type__app_label="strategy_pages",
            codename__in=["feature_on_start_page", FOLLOW_UP],
        ),
    )
    return group


def committee_sections():
    """Every committee's page, creating the missing ones under the committee listing."""
    committee_index = CommitteeIndexPage.objects.order_by("path").first()
    if committee_index:
        for committee in Committee.objects.filter(section_page__isnull=True):
            committee_section(committee, committee_index)
    return CommitteePage.objects.select_related("committee", "committee__editor_group")


def committee_section(committee, committee_index):
    """The committee's own place in the tree, where its editors write."""
    page = committee_index.add_child(
        instance=CommitteePage(title=committee.name, slug=committee.slug, committee=committee)
    )
    committee_editor_group(page)
    return page


def committee_editor_group(committee_page):
    """The editor group of one committee: writes that committee's showcases and responses and
    submits them for review; cannot publish."""
    committee = committee_page.committee
    group = committee.editor_group
    if group is None:
        group, _created = Group.objects.get_or_create(
            name=group_name(_("Editors – %(committee)s") % {"committee": committee.name})
        )
        committee.editor_group = group
        committee.save(update_fields=["editor_group"])
    grant_admin_access(group)
    grant_page_editing(group, committee_page, COMMITTEE_EDITING)
    grant_media_editing(group)
    return group


def set_up_review(roots, coordinators):
    """Pages submitted in the intranet go to the coordinators for approval."""
    workflow, _created = Workflow.objects.get_or_create(
        name=group_name(_("Review by the coordinators"))
    )
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=group_name(_("Coordinators' approval")))
        task.groups.set([coordinators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for root in roots:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


def withdraw_default_groups(roots):
    """Wagtail's Editors and Moderators keep their rights on the rest of the site only."""
    for permission in GroupPagePermission.objects.filter(
        group__name__in=WAGTAIL_DEFAULT_GROUPS
    ).select_related("page", "group", "permission"):
        page = permission.page
        if not any(overlaps(page, root) for root in roots):
            continue
        permission.delete()
        for kept in pages_beside(page, roots):
            GroupPagePermission.objects.get_or_create(
                group=permission.group, page=kept, permission=permission.permission
            )


def overlaps(page, root):
    return root.path.startswith(page.path) or page.path.startswith(root.path)


def pages_beside(page, roots):
    """The pages under `page` that cover everything below it except the intranet's subtrees."""
    if any(page.path.startswith(root.path) for root in roots):
        return []
    kept = []
    for child in Page.objects.child_of(page):
        if any(overlaps(child, root) for root in roots):
            kept += pages_beside(child, roots)
        else:
            kept.append(child)
    return kept


def is_committee_editor_only(user, page):
    """Whether every right `user` has over `page` comes from committee editor groups."""
    if user.is_superuser:
        return False
    rights = GroupPagePermission.objects.filter(
        group__user=user,
        page__in=Page.objects.ancestor_of(page, inclusive=True),
        permission__codename__in=COMMITTEE_EDITING,
    )
    return rights.exists() and not rights.filter(group__editing_committee__isnull=True).exists()
