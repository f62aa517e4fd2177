"""The start page's lists are shared by readers who see the same sections, and follow edits."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from strategy_pages.content_version import content_changed


def start_page(client, tree):
    return client.get(tree.home.url).content.decode()


def test_news_published_after_a_visit_is_on_the_next_start_page(
    tree, add_news, staff_client, django_capture_on_commit_callbacks
):
    draft = add_news(title="Nätverksträff i Bryssel", live=False)
    assert "Nätverksträff i Bryssel" not in start_page(staff_client, tree)

    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()

    assert "Nätverksträff i Bryssel" in start_page(staff_client, tree)


def test_an_unpublished_project_leaves_the_start_page(
    tree, add_showcase, staff_client, django_capture_on_commit_callbacks
):
    project = add_showcase(title="Klimatsamarbete med Riga")
    assert "Klimatsamarbete med Riga" in start_page(staff_client, tree)

    with django_capture_on_commit_callbacks(execute=True):
        project.unpublish()

    assert "Klimatsamarbete med Riga" not in start_page(staff_client, tree)


def test_lists_seen_by_a_group_are_never_shown_to_readers_outside_it(
    tree, add_showcase, client, staff_user, django_user_model
):
    secret = add_showcase(title="Hemligt projekt")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    coordinators = Group.objects.create(name="Samordnare")
    restriction.groups.add(coordinators)
    coordinator = django_user_model.objects.create_user(username="samordnare")
    coordinator.groups.add(coordinators)

    client.force_login(coordinator)
    assert "Hemligt projekt" in start_page(client, tree)
    client.force_login(staff_user)
    assert "Hemligt projekt" not in start_page(client, tree)
    client.logout()
    client.force_login(coordinator)
    assert "Hemligt projekt" in start_page(client, tree)


def queries_of_a_start_page(client, tree, capture_on_commit):
    """Queries of a start page that reads its lists anew (after an edit)."""
    client.get(tree.home.url)  # the visit itself is recorded on the first load
    with capture_on_commit(execute=True):
        content_changed()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(tree.home.url).status_code == 200
    return len(queries)


def test_a_start_page_costs_the_same_however_many_pages_there_are(
    tree, add_showcase, add_news, staff_client, django_capture_on_commit_callbacks
):
    add_showcase(title="Första utvalda projektet", featured=True)
    add_showcase(title="Första projektet")
    add_news(title="Första nyheten")
    few = queries_of_a_start_page(staff_client, tree, django_capture_on_commit_callbacks)
    for number in range(40):
        add_showcase(title=f"Projekt {number}", featured=number % 2 == 0)
        add_news(title=f"Nyhet {number}")

    assert queries_of_a_start_page(staff_client, tree, django_capture_on_commit_callbacks) == few
