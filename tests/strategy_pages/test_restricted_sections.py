"""Restricted pages stay out of listings and menus for readers the restriction keeps out,
however the restriction or the page changed since the last visit (the restrictions are cached)."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests import factories


def news_titles(client, tree):
    return client.get(tree.news_index.url).content.decode()


def restrict_to_group(page, name="Samordnare"):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name=name)
    restriction.groups.add(group)
    return restriction, group


def test_a_page_restricted_after_a_visit_leaves_the_listing(tree, add_news, staff_client):
    secret = add_news(title="Förhandling om vänortsavtal")
    assert "Förhandling om vänortsavtal" in news_titles(staff_client, tree)

    restrict_to_group(secret)

    assert "Förhandling om vänortsavtal" not in news_titles(staff_client, tree)


def test_a_reader_taken_out_of_the_group_no_longer_sees_the_page(
    tree, add_news, staff_client, staff_user
):
    secret = add_news(title="Förhandling om vänortsavtal")
    restriction, group = restrict_to_group(secret)
    staff_user.groups.add(group)
    assert "Förhandling om vänortsavtal" in news_titles(staff_client, tree)

    restriction.groups.remove(group)

    assert "Förhandling om vänortsavtal" not in news_titles(staff_client, tree)


def test_a_restricted_page_moved_elsewhere_stays_hidden(
    tree, add_news, staff_client, django_capture_on_commit_callbacks
):
    secret = add_news(title="Förhandling om vänortsavtal")
    restrict_to_group(secret)
    assert "Förhandling om vänortsavtal" not in news_titles(staff_client, tree)

    archive = factories.NewsIndexPageFactory(parent=tree.home, title="Arkiv", slug="arkiv")
    with django_capture_on_commit_callbacks(execute=True):
        secret.move(archive, pos="last-child")

    assert "Förhandling om vänortsavtal" not in news_titles(staff_client, tree)
