"""Counts, years and page numbers over every page a reader may see are kept for all readers who
see the same pages, and follow edits on the next visit."""

import datetime

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests import factories


def text(response):
    return response.content.decode()


def test_a_project_published_after_a_visit_is_counted_on_the_strategy_page(
    tree, add_showcase, staff_client, english, django_capture_on_commit_callbacks
):
    samverkan = tree.orientations["samverkan"]
    add_showcase(title="Öppet samarbete", orientations=[samverkan])
    draft = add_showcase(title="Nytt samarbete", orientations=[samverkan], live=False)
    assert "1 project · 0 news items" in text(staff_client.get(tree.strategy.url))

    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()

    assert "2 projects · 0 news items" in text(staff_client.get(tree.strategy.url))


def test_readers_in_and_outside_a_group_each_get_their_own_counts(
    tree, add_showcase, client, staff_user, django_user_model, english
):
    samverkan = tree.orientations["samverkan"]
    add_showcase(title="Öppet samarbete", orientations=[samverkan])
    hidden = add_showcase(title="Internt samarbete", orientations=[samverkan])
    insiders = Group.objects.create(name="Insiders")
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([insiders])
    insider = django_user_model.objects.create_user("insider", password="x" * 12)
    insider.groups.add(insiders)

    client.force_login(staff_user)
    assert "1 project · 0 news items" in text(client.get(tree.strategy.url))
    client.force_login(insider)
    assert "2 projects · 0 news items" in text(client.get(tree.strategy.url))
    client.force_login(staff_user)
    assert "1 project · 0 news items" in text(client.get(tree.strategy.url))


def test_news_of_a_new_year_offers_that_year_and_a_further_page_in_the_listing(
    tree, add_news, staff_client, django_capture_on_commit_callbacks
):
    for day in range(1, 13):
        add_news(title=f"Nyhet {day}", date=datetime.date(2024, 3, day))
    listing = text(staff_client.get(tree.news_index.url))
    assert 'name="year" value="2023"' not in listing
    assert "?page=2" not in listing

    with django_capture_on_commit_callbacks(execute=True):
        add_news(title="Nyhet från 2023", date=datetime.date(2023, 5, 1))

    listing = text(staff_client.get(tree.news_index.url))
    assert 'name="year" value="2023"' in listing
    assert "?page=2" in listing
    assert "Nyhet från 2023" in text(staff_client.get(tree.news_index.url + "?page=2"))


def test_news_published_in_a_committee_section_after_a_visit_is_on_its_page(
    tree, staff_client, django_capture_on_commit_callbacks
):
    section = tree.sections["sodermalm"]
    factories.NewsPageFactory(parent=section, committee=tree.committees["sodermalm"], title="Äldre")
    assert "Vänortsbesök i Tallinn" not in text(staff_client.get(section.url))

    with django_capture_on_commit_callbacks(execute=True):
        factories.NewsPageFactory(
            parent=section,
            committee=tree.committees["sodermalm"],
            title="Vänortsbesök i Tallinn",
            date=datetime.date(2025, 1, 1),
        )

    assert "Vänortsbesök i Tallinn" in text(staff_client.get(section.url))
