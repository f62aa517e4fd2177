"""Atom and RSS feeds of any search: valid, with the search's filters, newest first, and only
what the token's user may see; feed readers have no login, so the address carries a secret."""

import feedparser
import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.models import FeedToken

from .conftest import titles


@pytest.fixture
def token(staff_user):
    return FeedToken.for_user(staff_user)


def read_feed(client, token, kind="atom", **params):
    """The feed at the token's address, fetched without a login and parsed."""
    response = client.get(f"/sok/floden/{token.key}/{kind}/", params)
    assert response.status_code == 200, response.content.decode()
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def entry_titles(parsed):
    return [entry.title for entry in parsed.entries]


def test_the_atom_feed_of_network_news_lists_them_newest_first(corpus, reindex, client, token):
    reindex()
    parsed = read_feed(client, token, type="networknews")
    assert parsed.version == "atom10"
    assert entry_titles(parsed) == [
        "Nätverket träffades i Stadshuset",
        "Förskolechefer besökte Tallinn",
    ]
    newest = parsed.entries[0]
    assert newest.link.startswith("http://testserver/")
    assert newest.author == "Södermalms stadsdelsnämnd"
    assert [tag.term for tag in newest.tags] == ["Profilering"]
    assert "delade erfarenheter" in newest.summary
    assert newest.published.startswith("2016-11-02T00:00:00+01:00")
    assert "networknews" in parsed.feed.link


def test_the_rss_feed_holds_the_same_entries(corpus, reindex, client, token):
    reindex()
    parsed = read_feed(client, token, kind="rss", type="networknews")
    assert parsed.version == "rss20"
    assert entry_titles(parsed) == [
        "Nätverket träffades i Stadshuset",
        "Förskolechefer besökte Tallinn",
    ]
    assert parsed.entries[1].author_detail.name == "Hägersten-Liljeholmens stadsdelsnämnd"
    assert {tag.term for tag in parsed.entries[1].tags} == {"Omvärldsbevakning", "Förskola"}


@pytest.mark.parametrize(
    "params",
    [
        {"q": "förskolan"},
        {"committee": "sodermalm"},
        {"orientation": ["samverkan", "paverkan"], "status": "ongoing"},
        {"theme": "forskola", "type": "projectshowcase"},
        {"year": "2017"},
        {"type": "projectshowcase", "committee": ["hagersten-liljeholmen", "stockholmshem"]},
    ],
)
def test_a_feed_keeps_every_filter_of_the_search(corpus, reindex, client, token, api, params):
    reindex()
    searched = titles(api(sort="date", **params))
    assert searched, "the search must find something for the comparison to mean anything"
    assert entry_titles(read_feed(client, token, **params)) == searched


def test_a_feed_keeps_the_sort_it_is_given(corpus, reindex, client, token, api):
    reindex()
    by_relevance = titles(api(q="förskolan", sort="relevance"))
    assert entry_titles(read_feed(client, token, q="förskolan", sort="relevance")) == by_relevance


@pytest.fixture
def coordinators_only(tree, add_news):
    add_news(title="Zanzibar för alla")
    hidden = add_news(title="Zanzibar för samordnarna")
    group = Group.objects.create(name="Samordnare")
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return group


def test_a_restricted_page_is_only_in_the_feeds_of_its_groups_members(
    coordinators_only, reindex, client, token, django_user_model
):
    coordinator = django_user_model.objects.create_user("samordnare", password="x-123-lösen")
    coordinator.groups.add(coordinators_only)
    reindex()
    assert entry_titles(read_feed(client, token, q="Zanzibar")) == ["Zanzibar för alla"]
    member_titles = entry_titles(read_feed(client, FeedToken.for_user(coordinator), q="Zanzibar"))
    assert sorted(member_titles) == ["Zanzibar för alla", "Zanzibar för samordnarna"]


def test_the_feed_of_a_logged_in_visitor_is_still_the_token_users(
    coordinators_only, reindex, client, token, django_user_model
):
    """Whoever fetches the address, the feed is what its owner may see."""
    superuser = django_user_model.objects.create_superuser("admin", password="x-123-lösen")
    client.force_login(superuser)
    reindex()
    assert entry_titles(read_feed(client, token, q="Zanzibar")) == ["Zanzibar för alla"]


def test_a_feed_is_private_to_its_user(corpus, reindex, client, token):
    reindex()
    response = client.get(f"/sok/floden/{token.key}/atom/", {"type": "networknews"})
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_wrong_token_gives_no_feed(corpus, reindex, client, token):
    reindex()
    response = client.get(f"/sok/floden/{token.key}x/atom/", {"type": "networknews"})
    assert response.status_code == 403
    assert feedparser.parse(response.content).entries == []


def test_an_inactive_users_token_gives_no_feed(corpus, reindex, client, token, staff_user):
    staff_user.is_active = False
    staff_user.save()
    assert client.get(f"/sok/floden/{token.key}/rss/").status_code == 403


@pytest.mark.parametrize("params", [{"type": "nonsense"}, {"colour": "blue"}, {"page": "x"}])
def test_a_feed_address_with_invalid_parameters_is_refused(tree, client, token, params):
    assert client.get(f"/sok/floden/{token.key}/atom/", params).status_code == 400


def test_anonymous_visitors_get_no_feed_addresses(tree, client):
    response = client.get("/sok/floden/")
    assert response.status_code == 302
    assert "/logga-in/" in response["Location"]
    assert not FeedToken.objects.exists()


def test_renewing_the_token_stops_the_old_addresses(corpus, reindex, client, staff_client):
    reindex()
    page = staff_client.get("/sok/floden/", {"type": "networknews"}).content.decode()
    old = FeedToken.objects.get()
    assert f"/sok/floden/{old.key}/atom/?type=networknews" in page
    assert "private" in staff_client.get("/sok/floden/")["Cache-Control"]

    response = staff_client.post("/sok/floden/?type=networknews")
    assert response.status_code == 302
    new = FeedToken.objects.get()
    assert new.key != old.key
    assert client.get(f"/sok/floden/{old.key}/atom/").status_code == 403
    assert len(read_feed(client, new, type="networknews").entries) == 2
    page = staff_client.get(response["Location"]).content.decode()
    assert new.key in page and old.key not in page


def test_renewing_needs_the_csrf_token(tree, staff_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    old = FeedToken.for_user(staff_user)
    assert client.post("/sok/floden/").status_code == 403
    assert FeedToken.objects.get().key == old.key


def test_the_search_page_links_to_the_feed_of_its_search(corpus, staff_client):
    page = staff_client.get(
        "/sok/", {"q": "förskola", "type": "networknews", "sort": "date"}
    ).content.decode()
    assert 'href="/sok/floden/?q=f%C3%B6rskola&amp;type=networknews"' in page
    assert "Prenumerera på flödet" in page
