"""Following committees, orientations and themes; the start page's “For you” block and its marks
of what is new since the user's previous visit."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import IntegrityError
from django.test import Client
from wagtail.models import PageViewRestriction

from strategy_pages.models import Interest, Visit

START = datetime.datetime(2016, 9, 15, 8, 0, tzinfo=datetime.UTC)
NEW_BADGE = ' <strong class="badge badge--new">Ny</strong>'


def published(page):
    """Publish a page as an editor would, which dates its first publication to now."""
    page.save_revision().publish()
    return page


def start_page(client, tree):
    return client.get(tree.home.url).content.decode()


def for_you_block(html):
    start = html.index('<section class="for-you"')
    return html[start : html.index("</section>", start)]


def test_a_user_follows_and_unfollows_a_committee_from_its_page(tree, staff_client, staff_user):
    committee_page = tree.sections["sodermalm"]

    before = staff_client.get(committee_page.url).content.decode()
    followed = staff_client.post(f"{committee_page.url}folj/")
    after = staff_client.get(committee_page.url).content.decode()

    assert '<button type="submit" class="button">Följ</button>' in before
    assert followed.status_code == 302 and followed["Location"] == committee_page.url
    assert Interest.objects.filter(user=staff_user, committee=tree.committees["sodermalm"]).exists()
    assert "Sluta följa</button>" in after

    staff_client.post(f"{committee_page.url}folj/")

    assert not Interest.objects.filter(user=staff_user).exists()


def test_a_user_follows_an_orientation_from_its_page(tree, staff_client, staff_user):
    orientation_page = tree.orientation_pages["samverkan"]

    response = staff_client.post(f"{orientation_page.url}folj/")

    assert response["Location"] == orientation_page.url
    assert list(
        Interest.objects.filter(user=staff_user).values_list("orientation__slug", flat=True)
    ) == ["samverkan"]


def test_following_takes_a_post_with_a_csrf_token(tree, staff_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    url = f"{tree.sections['sodermalm'].url}folj/"

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert not Interest.objects.exists()


def test_an_interest_has_exactly_one_target(tree, staff_user):
    with pytest.raises(IntegrityError):
        Interest.objects.create(
            user=staff_user,
            committee=tree.committees["sodermalm"],
            theme=tree.themes["forskola"],
        )


def test_for_you_shows_news_and_projects_from_what_the_user_follows(
    tree, add_news, add_showcase, staff_client, staff_user
):
    add_news(committee="sodermalm", title="Södermalm i Bryssel")
    add_news(committee="hagersten-liljeholmen", title="Nyhet från Hägersten")
    add_showcase(
        committee="stockholmshem", title="Förskoleutbyte", themes=[tree.themes["forskola"]]
    )
    add_showcase(committee="stockholmshem", title="Bostadsprojekt")
    Interest.objects.toggle(staff_user, tree.committees["sodermalm"])
    Interest.objects.toggle(staff_user, tree.themes["forskola"])

    block = for_you_block(start_page(staff_client, tree))

    assert "Södermalm i Bryssel" in block and "Förskoleutbyte" in block
    assert "Nyhet från Hägersten" not in block and "Bostadsprojekt" not in block


def test_for_you_comes_first_on_the_start_page(tree, staff_client):
    html = start_page(staff_client, tree)

    assert html.index('id="for-you-heading"') < html.index('id="orientations-heading"')


def test_for_you_leaves_out_what_the_user_may_not_see(tree, add_news, staff_client, staff_user):
    secret = add_news(committee="sodermalm", title="Intern nyhet")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Samordnare")])
    Interest.objects.toggle(staff_user, tree.committees["sodermalm"])

    assert "Intern nyhet" not in for_you_block(start_page(staff_client, tree))


def test_for_you_hints_to_follow_something_when_empty(tree, staff_client):
    block = for_you_block(start_page(staff_client, tree))

    assert "Du följer inget ännu" in block
    assert 'class="link-list"' not in block


def test_items_published_since_the_previous_visit_are_marked_new(tree, add_news, staff_client):
    with time_machine.travel(START, tick=False) as clock:
        published(add_news(title="Gammal nyhet"))
        first_visit = start_page(staff_client, tree)
        clock.shift(datetime.timedelta(hours=1))
        published(add_news(title="Färsk nyhet"))
        clock.shift(datetime.timedelta(hours=1))
        second_visit = start_page(staff_client, tree)

    assert NEW_BADGE not in first_visit
    assert "sedan ditt senaste besök" not in first_visit
    assert f"Färsk nyhet</a>{NEW_BADGE}" in second_visit
    assert f"Gammal nyhet</a>{NEW_BADGE}" not in second_visit
    assert "1 ny sedan ditt senaste besök" in second_visit


def test_reloading_keeps_the_marks_until_the_user_has_been_away_half_an_hour(
    tree, add_news, add_showcase, staff_client
):
    with time_machine.travel(START, tick=False) as clock:
        start_page(staff_client, tree)
        clock.shift(datetime.timedelta(hours=1))
        published(add_news(title="Färsk nyhet"))
        published(add_showcase(title="Färskt projekt"))
        clock.shift(datetime.timedelta(hours=1))
        start_page(staff_client, tree)
        clock.shift(datetime.timedelta(minutes=20))
        reload = start_page(staff_client, tree)
        clock.shift(datetime.timedelta(minutes=29))
        still_the_same_visit = start_page(staff_client, tree)
        clock.shift(datetime.timedelta(minutes=30))
        next_visit = start_page(staff_client, tree)

    assert f"Färsk nyhet</a>{NEW_BADGE}" in reload
    assert "2 nya sedan ditt senaste besök" in reload
    assert "2 nya sedan ditt senaste besök" in still_the_same_visit
    assert NEW_BADGE not in next_visit
    assert "sedan ditt senaste besök" not in next_visit


def test_a_visit_moves_the_previous_visit_forward_only_after_half_an_hour_away(staff_user):
    assert Visit.objects.record(staff_user, START) is None
    assert Visit.objects.record(staff_user, START + datetime.timedelta(minutes=29)) is None
    later = START + datetime.timedelta(minutes=59)

    assert Visit.objects.record(staff_user, later) == START + datetime.timedelta(minutes=29)


def test_reloading_within_a_minute_writes_nothing(staff_user, django_assert_num_queries):
    Visit.objects.record(staff_user, START)
    with django_assert_num_queries(1):
        Visit.objects.record(staff_user, START + datetime.timedelta(seconds=59))
    Visit.objects.record(staff_user, START + datetime.timedelta(minutes=29, seconds=30))
    later = START + datetime.timedelta(minutes=60)

    assert Visit.objects.record(staff_user, later) == START + datetime.timedelta(
        minutes=29, seconds=30
    )


def test_anonymous_visitors_get_neither_for_you_nor_marks(tree, add_news, client, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "LoginRequired" not in m]
    with time_machine.travel(START, tick=False) as clock:
        start_page(client, tree)
        clock.shift(datetime.timedelta(hours=1))
        published(add_news(title="Färsk nyhet"))
        clock.shift(datetime.timedelta(hours=1))
        html = start_page(client, tree)

    assert "Färsk nyhet" in html
    assert "För dig" not in html and NEW_BADGE not in html
    assert not Visit.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in_to_follow(tree, client, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "LoginRequired" not in m]
    committee_page = tree.sections["sodermalm"]

    page = client.get(committee_page.url).content.decode()
    response = client.post(f"{committee_page.url}folj/")

    assert "Följ</button>" not in page
    assert response.status_code == 302 and "logga-in" in response["Location"]
    assert not Interest.objects.exists()


def test_themes_are_followed_from_the_start_page(tree, add_showcase, staff_client, staff_user):
    add_showcase(title="Förskola i Tallinn", themes=[tree.themes["forskola"]])
    add_showcase(title="Valfrågor i Tartu", themes=[tree.themes["demokrati"]])
    start = staff_client.get(tree.home.url).content.decode()
    toggle = f"{tree.home.url}folj-tema/forskola/"
    assert f'action="{toggle}"' in start
    assert staff_client.get(toggle).status_code == 405

    staff_client.post(toggle)
    start = staff_client.get(tree.home.url).content.decode()
    for_you = start[start.index('id="for-you-heading"') : start.index('id="follow-themes-heading"')]
    assert "Förskola i Tallinn" in for_you
    assert "Valfrågor i Tartu" not in for_you
    assert 'aria-pressed="true">Förskola</button>' in start

    staff_client.post(toggle)
    assert (
        'aria-pressed="false">Förskola</button>' in staff_client.get(tree.home.url).content.decode()
    )
