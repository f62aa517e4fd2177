"""Plone's people and rights → Django users and groups, Wagtail page permissions on the imported
subtrees, and view restrictions where Plone kept a folder private."""

import hashlib
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    PageViewRestriction,
)

from ..permissions import grant_admin_access, grant_media_editing, grant_page_editing
from .models import PloneItem
from .reader import PORTAL

#: Plone's virtual group of every logged-in user; Django has no such group.
VIRTUAL_GROUPS = {"AuthenticatedUsers"}
IGNORED_ROLES = {"Owner", "Member", "Authenticated"}
ROLE_LABELS = {
    "Contributor": "bidragsgivare",
    "Editor": "redigerare",
    "Reviewer": "granskare",
    "Reader": "läsare",
    "Manager": "administratörer",
    "Site Administrator": "webbplatsadministratörer",
}
NAME_LENGTH = 150
#: Imported groups live apart from the site's own: a Plone group titled "Editors" must not
#: land in Wagtail's Editors group and its rights.
GROUP_PREFIX = "Plone – "
MEMBER_TYPE = "Member"


def group_name(title):
    return f"{GROUP_PREFIX}{title}"[:NAME_LENGTH]


def member_uid(username):
    """The import record's key of a Plone member (members have no UID of their own)."""
    key = f"member:{username}".encode()
    return hashlib.sha256(key, usedforsecurity=False).hexdigest()[:32]


@dataclass
class People:
    users: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)


def import_people(export, report, *, dry_run):
    """Users without a usable password (they log in through the city's SSO or a reset) and
    groups with the same members as in Plone. Existing users keep what they have."""
    if dry_run:
        return _planned_people(export, report)
    people = People()
    for data in export.groups:
        if data["groupid"] not in VIRTUAL_GROUPS:
            people.groups[data["groupid"]] = _group(data, report)
    for data in export.members:
        user = _user(data, report)
        if user is not None:
            people.users[data["username"]] = user
    for data in export.members:
        for group_id in data.get("groups") or []:
            if group_id in people.groups and data["username"] in people.users:
                people.users[data["username"]].groups.add(people.groups[group_id])
    for data in export.groups:
        for principal in data.get("principals") or []:
            if principal in people.users and data["groupid"] in people.groups:
                people.users[principal].groups.add(people.groups[data["groupid"]])
            elif principal in people.groups:
                report.warn(f"group {data['groupid']}", f"nested group {principal} not kept")
    _note_global_roles(export, report)
    return people


def _group(data, report):
    name = group_name(data.get("title") or data["groupid"])
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.note(f"group created: {name}")
    return group


def _user(data, report):
    """The user an earlier import made for this member, or a new one. A user of the same name
    that the import did not make is someone else: the member's groups and roles are not
    given to them."""
    user_model = get_user_model()
    username = data["username"]
    record = PloneItem.objects.filter(uid=member_uid(username)).first()
    user = user_model.objects.filter(pk=record.object_id).first() if record else None
    if user is None and user_model.objects.filter(username=username).exists():
        report.warn(f"member {username}", _NOT_MERGED)
        return None
    if user is None:
        user = user_model(username=username)
        user.set_unusable_password()
        report.note(f"user created without a password: {username}")
    first_name, _, last_name = (data.get("fullname") or "").partition(" ")
    user.email = user.email or data.get("email") or ""
    user.first_name = user.first_name or first_name[:150]
    user.last_name = user.last_name or last_name[:150]
    user.save()
    _record_member(username, user)
    return user


_NOT_MERGED = (
    "a user of this name already exists here and was not made by the import, so the member's "
    "groups and roles were not given to them; rename one of the two and import again"
)


def _record_member(username, user):
    PloneItem.objects.update_or_create(
        uid=member_uid(username),
        defaults={
            "portal_type": MEMBER_TYPE,
            "path": username,
            "content_type": ContentType.objects.get_for_model(user),
            "object_id": user.pk,
            "fingerprint": "",
        },
    )


def _planned_people(export, report):
    user_model = get_user_model()
    usernames = [data["username"] for data in export.members]
    existing = set(
        user_model.objects.filter(username__in=usernames).values_list("username", flat=True)
    )
    recorded = _recorded_members(usernames)
    ours = existing & recorded
    people = People(users=dict(user_model.objects.in_bulk(ours, field_name="username")))
    for username in usernames:
        if username in existing - recorded:
            report.warn(f"member {username}", _NOT_MERGED)
        elif username not in existing:
            report.note(f"user would be created without a password: {username}")
    for data in export.groups:
        name = group_name(data.get("title") or data["groupid"])
        if data["groupid"] not in VIRTUAL_GROUPS and not Group.objects.filter(name=name).exists():
            report.note(f"group would be created: {name}")
    return people


def _recorded_members(usernames):
    return set(
        PloneItem.objects.filter(portal_type=MEMBER_TYPE, path__in=usernames).values_list(
            "path", flat=True
        )
    )


def _taken_usernames(export):
    """Members named like a user the import did not make: they get no rights."""
    usernames = [data["username"] for data in export.members]
    existing = get_user_model().objects.filter(username__in=usernames)
    return set(existing.values_list("username", flat=True)) - _recorded_members(usernames)


def _note_global_roles(export, report):
    for data in export.groups + export.members:
        roles = set(data.get("roles") or []) - IGNORED_ROLES
        if roles:
            who = data.get("groupid") or data.get("username")
            listed = ", ".join(sorted(roles))
            report.note(f"site-wide Plone roles of {who} not carried over ({listed})")


def grant_local_roles(export, config, pages, people, collection, report):
    """Local roles on a folder → page permissions on its subtree; returns the groups granted
    rights at each Plone UID."""
    granted = {}
    for where, uid, principal, roles, codenames in _role_grants(export, config, pages, report):
        page = pages[uid]
        group = people.groups.get(principal) or _role_group(principal, roles, page, people)
        if group is None:
            report.warn(where, _NO_PRINCIPAL.format(principal=principal))
            continue
        grant_admin_access(group)
        grant_page_editing(group, page, sorted(codenames))
        if codenames & {"add_page", "change_page"}:
            grant_media_editing(group, collection)
        granted.setdefault(uid, set()).add(group)
    return granted


def preview_local_roles(export, config, page_uids, report):
    """What grant_local_roles would report and grant, for a dry run: nothing is written.
    Returns the principals that would get rights at each Plone UID."""
    known = {g["groupid"] for g in export.groups} - VIRTUAL_GROUPS
    known |= {m["username"] for m in export.members} - _taken_usernames(export)
    granted = {}
    for where, uid, principal, _, _ in _role_grants(export, config, page_uids, report):
        if principal not in known:
            report.warn(where, _NO_PRINCIPAL.format(principal=principal))
            continue
        granted.setdefault(uid, set()).add(principal)
    return granted


_NO_PRINCIPAL = (
    "roles of {principal} not kept: no such user or group was imported; export the members "
    "too, or grant the rights by hand"
)


def _role_grants(export, config, page_uids, report):
    """(where, UID, principal, roles, permissions) of each local role that can be granted on
    an imported page; the others are reported."""
    paths = {item.uid: item.path for item in export.items}
    for uid, roles_by_principal in export.local_roles.items():
        where = "/" if uid == PORTAL else paths.get(uid, f"the item with UID {uid}")
        if uid in export.blocked_inheritance:
            report.warn(
                where,
                "Plone blocked inherited roles here; Wagtail rights always inherit, so limit "
                "the groups' rights above it by hand if they must not reach here",
            )
        for principal, roles in roles_by_principal.items():
            codenames = _codenames(roles, config, where, principal, report)
            if not codenames:
                continue
            if uid not in page_uids:
                report.warn(
                    where,
                    f"roles of {principal} not kept: the item is not an imported page; grant "
                    "them by hand where its content went",
                )
                continue
            yield where, uid, principal, roles, codenames


def _codenames(roles, config, where, principal, report):
    codenames = set()
    for role in roles:
        if role in IGNORED_ROLES:
            continue
        if role not in config.roles:
            report.warn(
                where,
                f"role {role} of {principal} not kept: map it to page permissions under "
                "[roles] in the configuration",
            )
            continue
        codenames.update(config.roles[role])
    return codenames


def _role_group(username, roles, page, people):
    """Wagtail grants page rights to groups: a user's local roles become a group for that page."""
    user = people.users.get(username)
    if user is None:
        return None
    labels = " och ".join(ROLE_LABELS.get(role, role) for role in sorted(roles) if role != "Owner")
    group, _ = Group.objects.get_or_create(name=group_name(f"{page.title} – {labels}"))
    user.groups.add(group)
    return group


def restrict_page(page, groups):
    """Only the given groups (and superusers) may view the page and everything under it."""
    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page, defaults={"restriction_type": BaseViewRestriction.GROUPS}
    )
    restriction.groups.add(*groups)


def restrict_collection(collection, groups):
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": BaseViewRestriction.GROUPS}
    )
    restriction.groups.add(*groups)
