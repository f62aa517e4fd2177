"""A committee's editors may touch only that committee's part of the tree."""

import pytest

from strategy_pages.permissions import committee_editor_group


@pytest.fixture
def hl_editor(tree, django_user_model):
    user = django_user_model.objects.create_user("hl-redaktor", password="lösenord-123")
    user.groups.add(committee_editor_group(tree.sections["hagersten-liljeholmen"]))
    return user


def test_committee_editor_can_edit_and_publish_own_showcases(add_showcase, hl_editor):
    own = add_showcase(title="Eget projekt")
    permissions = own.permissions_for_user(hl_editor)
    assert permissions.can_edit()
    assert permissions.can_publish()


def test_committee_editor_cannot_edit_other_committees_showcases(add_showcase, hl_editor):
    other = add_showcase(committee="sodermalm", title="Södermalms projekt")
    assert not other.permissions_for_user(hl_editor).can_edit()


def test_committee_editor_can_add_content_only_in_own_section(tree, hl_editor):
    assert tree.sections["hagersten-liljeholmen"].permissions_for_user(hl_editor).can_add_subpage()
    assert not tree.sections["sodermalm"].permissions_for_user(hl_editor).can_add_subpage()
    assert not tree.news_index.permissions_for_user(hl_editor).can_add_subpage()


def test_committee_editor_group_is_created_once(tree):
    section = tree.sections["sodermalm"]
    assert committee_editor_group(section) == committee_editor_group(section)


def test_committee_editor_reaches_the_admin(client, tree, hl_editor):
    client.force_login(hl_editor)
    assert client.get("/admin/").status_code == 200
