"""Who may write what: the roles that `create_intranet_groups` sets up."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from strategy_pages.models import (
    Committee,
    CommitteePage,
    NetworkNewsPage,
    ProjectShowcasePage,
    SectionPage,
)


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=("strategy_pages", model, parent.pk))


def showcase_form(committee, **fields):
    return {
        "title": "Sommarjobb i Tallinn",
        "slug": "sommarjobb-i-tallinn",
        "committee": committee.pk,
        "status": "ongoing",
        "start_date": "2026-06-01",
        "summary": "Unga från Liljeholmen arbetar en sommar i Tallinn.",
        "body-count": "0",
        "partners-count": "0",
        "gallery-count": "0",
        "links-count": "0",
        **fields,
    }


def test_committee_editor_edits_own_showcases_but_cannot_publish(add_showcase, people):
    own = add_showcase(title="Eget projekt")
    permissions = own.permissions_for_user(people.hl_editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert own.get_workflow() is not None


def test_committee_editor_cannot_touch_other_committees_showcases(add_showcase, people):
    other = add_showcase(committee="sodermalm", title="Södermalms projekt")
    assert not other.permissions_for_user(people.hl_editor).can_edit()
    assert not people.hl_editor.has_perm("strategy_pages.feature_on_start_page")


def test_committee_editor_adds_pages_only_in_own_section(tree, people):
    assert (
        tree.sections["hagersten-liljeholmen"]
        .permissions_for_user(people.hl_editor)
        .can_add_subpage()
    )
    assert not tree.sections["sodermalm"].permissions_for_user(people.hl_editor).can_add_subpage()
    assert not tree.news_index.permissions_for_user(people.hl_editor).can_add_subpage()
    assert not tree.strategy.permissions_for_user(people.hl_editor).can_add_subpage()


@pytest.mark.parametrize("model", ["networknewspage", "eventpage", "linkpage", "sectionpage"])
def test_committee_editor_cannot_write_news_events_or_links_in_own_section(
    client, tree, people, model
):
    client.force_login(people.hl_editor)
    response = client.get(add_url(model, tree.sections["hagersten-liljeholmen"]), follow=True)
    assert "Nämndernas redaktörer skriver projekt och remissvar" in response.content.decode()
    assert response.redirect_chain[-1][0].endswith(
        reverse("wagtailadmin_explore", args=(tree.sections["hagersten-liljeholmen"].pk,))
    )


def test_committee_editor_submits_a_showcase_for_review_instead_of_publishing(client, tree, people):
    hl = tree.committees["hagersten-liljeholmen"]
    client.force_login(people.hl_editor)
    response = client.post(
        add_url("projectshowcasepage", tree.sections["hagersten-liljeholmen"]),
        showcase_form(hl, **{"action-publish": "publish", "featured": "on"}),
    )
    assert response.status_code == 302
    page = ProjectShowcasePage.objects.get(slug="sommarjobb-i-tallinn")
    assert not page.live
    assert not page.featured

    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        showcase_form(hl, **{"action-submit": "submit"}),
    )
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"


def test_committee_editor_is_not_offered_the_start_page_choice(client, add_showcase, people):
    own = add_showcase(title="Eget projekt")
    client.force_login(people.hl_editor)
    form = client.get(reverse("wagtailadmin_pages:edit", args=(own.pk,))).context["form"]
    assert "featured" not in form.fields


def test_coordinator_features_showcases_on_the_start_page(client, add_showcase, people):
    own = add_showcase(title="Eget projekt")
    client.force_login(people.coordinator)
    form = client.get(reverse("wagtailadmin_pages:edit", args=(own.pk,))).context["form"]
    assert "featured" in form.fields
    assert own.permissions_for_user(people.coordinator).can_publish()
    assert own.permissions_for_user(people.coordinator).can_unpublish()


def test_network_editor_publishes_news_but_no_showcases(tree, add_showcase, people):
    assert tree.news_index.permissions_for_user(people.network_editor).can_publish_subpage()
    assert not add_showcase().permissions_for_user(people.network_editor).can_edit()
    assert not tree.strategy.permissions_for_user(people.network_editor).can_edit()


def test_staff_cannot_reach_the_admin(client, people):
    client.force_login(people.staff)
    assert client.get("/admin/").status_code == 302


def test_wagtails_default_groups_hold_no_rights_over_the_intranet(
    tree, add_showcase, people, django_user_model
):
    showcase = add_showcase()
    for name in ("Editors", "Moderators"):
        member = django_user_model.objects.create_user(name.lower())
        member.groups.add(Group.objects.get(name=name))
        assert not showcase.permissions_for_user(member).can_edit()
        assert not tree.home.permissions_for_user(member).can_add_subpage()


def test_wagtails_default_groups_keep_the_rest_of_the_site(tree, people):
    root = Page.get_first_root_node()
    other_site = root.add_child(instance=Page(title="Annan webbplats", slug="annan"))
    # Wagtail grants its default groups the root; the intranet's roots are carved out of it.
    editors = Group.objects.get(name="Editors")
    for codename in ("add_page", "change_page"):
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.create(group=editors, page=root, permission=permission)
    call_command("create_intranet_groups", stdout=None)
    assert GroupPagePermission.objects.filter(group=editors, page=other_site).count() == 2
    assert not GroupPagePermission.objects.filter(group=editors, page=root).exists()
    assert not GroupPagePermission.objects.filter(
        group=editors, page__path__startswith=tree.home.path
    ).exists()


def test_creating_the_groups_twice_changes_nothing(tree, people):
    before = (Group.objects.count(), GroupPagePermission.objects.count())
    call_command("create_intranet_groups", stdout=None)
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == before


def test_a_committee_added_in_the_admin_gets_its_page_and_editor_group(admin_client, tree, people):
    response = admin_client.post(
        reverse("wagtailsnippets_strategy_pages_committee:add"),
        {
            "name": "Kulturnämnden",
            "slug": "kulturnamnden",
            "kind": "specialist",
            "network_representation": "none",
        },
        follow=True,
    )
    assert response.status_code == 200
    committee = Committee.objects.get(slug="kulturnamnden")
    section = CommitteePage.objects.get(committee=committee)
    assert section.get_parent().pk == tree.committee_index.pk
    assert section.permissions_for_user(_member_of(committee.editor_group)).can_add_subpage()


def _member_of(group):
    from django.contrib.auth import get_user_model  # noqa: PLC0415

    user = get_user_model().objects.create_user("ny-redaktor", password="hemligt-losenord-1")
    user.groups.add(group)
    return user


def test_content_deep_in_a_committees_section_cannot_be_written_by_its_editors(
    client, tree, people
):
    """A section page between the committee page and a news item does not open a way to
    publish news in another committee's name."""
    section = tree.sections["hagersten-liljeholmen"].add_child(
        instance=SectionPage(title="Utbyten", slug="utbyten")
    )
    client.force_login(people.hl_editor)
    client.post(
        add_url("networknewspage", section),
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


def test_owning_committee_is_taken_from_the_nearest_committee_page(admin_client, tree):
    section = tree.sections["hagersten-liljeholmen"].add_child(
        instance=SectionPage(title="Utbyten", slug="utbyten")
    )
    form = admin_client.get(add_url("networknewspage", section)).context["form"]
    assert form.initial["committee"] == tree.committees["hagersten-liljeholmen"].pk
