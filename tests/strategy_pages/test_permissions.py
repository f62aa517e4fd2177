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


def test_content_deep_in_a_committees_section_must_be_that_committees(client, tree, hl_editor):
    """A section page between the committee page and the news item does not open a way to
    publish in another committee's name."""
    from django.urls import reverse

    from strategy_pages.models import NetworkNewsPage, SectionPage

    section = tree.sections["hagersten-liljeholmen"].add_child(
        instance=SectionPage(title="Utbyten", slug="utbyten")
    )
    client.force_login(hl_editor)
    url = reverse("wagtailadmin_pages:add", args=("strategy_pages", "networknewspage", section.pk))
    form = client.get(url)
    assert form.status_code == 200
    hl = tree.committees["hagersten-liljeholmen"]
    assert form.context["form"].initial["committee"] == hl.pk
    response = client.post(
        url,
        {
            "title": "I ett annat namn",
            "slug": "annat-namn",
            "date": "2026-05-01",
            "committee": tree.committees["stockholmshem"].pk,
            "body-count": "0",
            "related-count": "0",
            "action-publish": "publish",
        },
    )
    assert not NetworkNewsPage.objects.filter(slug="annat-namn").exists()
    assert response.status_code == 200
