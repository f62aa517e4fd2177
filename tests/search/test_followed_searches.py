"""Following a search from the search page and managing the searches one follows."""

import re

import pytest
from django.test import Client

from search.models import SavedSearch


def test_the_search_page_offers_to_follow_its_search(corpus, staff_client):
    page = staff_client.get("/sok/", {"q": "förskola", "theme": "forskola"}).content.decode()
    assert 'form="follow-search-form"' in page
    assert '<input type="hidden" name="q" value="förskola">' in page
    assert '<input type="hidden" name="theme" value="forskola">' in page


def test_following_the_same_search_twice_keeps_one(corpus, staff_client, staff_user):
    for params in (
        {"type": "networknews", "q": " förskola "},
        {"q": "förskola", "type": "networknews"},
    ):
        assert staff_client.post("/sok/bevaka/", params).status_code == 302
    saved = SavedSearch.objects.get()
    assert (saved.user, saved.query, saved.frequency) == (
        staff_user,
        "q=f%C3%B6rskola&type=networknews",
        "daily",
    )
    assert saved.description == "“förskola” · Innehållstyp: Nyhet från nätverket"
    page = staff_client.get("/sok/bevakningar/").content.decode()
    assert "“förskola” · Innehållstyp: Nyhet från nätverket" in page
    assert 'href="/sok/?q=f%C3%B6rskola&amp;type=networknews"' in page


def test_an_invalid_search_cannot_be_followed(tree, staff_client):
    assert staff_client.post("/sok/bevaka/", {"type": "nonsense"}).status_code == 400
    assert not SavedSearch.objects.exists()


def test_following_needs_a_post_with_the_csrf_token(tree, staff_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    assert client.get("/sok/bevaka/", {"q": "x"}).status_code == 405
    assert client.post("/sok/bevaka/", {"q": "x"}).status_code == 403
    assert not SavedSearch.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(tree, client):
    for url in ("/sok/bevakningar/", "/sok/bevaka/"):
        response = client.post(url) if url.endswith("bevaka/") else client.get(url)
        assert response.status_code == 302 and "/logga-in/" in response["Location"]


@pytest.fixture
def someone_elses(tree, django_user_model, staff_client):
    other = django_user_model.objects.create_user("annan", password="x-123-lösen")
    return SavedSearch.objects.create(
        user=other, site=tree.home.get_site(), query="q=hemligt", description="“hemligt”"
    )


def test_nobody_sees_or_changes_someone_elses_followed_searches(someone_elses, staff_client):
    assert "hemligt" not in staff_client.get("/sok/bevakningar/").content.decode()
    pk = someone_elses.pk
    response = staff_client.post(f"/sok/bevakningar/{pk}/frekvens/", {"frequency": "weekly"})
    assert response.status_code == 404
    assert staff_client.post(f"/sok/bevakningar/{pk}/sluta/").status_code == 404
    someone_elses.refresh_from_db()
    assert someone_elses.frequency == "daily"


def test_changing_the_frequency_and_stopping(corpus, staff_client):
    staff_client.post("/sok/bevaka/", {"type": "projectshowcase"})
    saved = SavedSearch.objects.get()
    bad = staff_client.post(f"/sok/bevakningar/{saved.pk}/frekvens/", {"frequency": "hourly"})
    assert bad.status_code == 400
    staff_client.post(f"/sok/bevakningar/{saved.pk}/frekvens/", {"frequency": "weekly"})
    saved.refresh_from_db()
    assert saved.frequency == "weekly"
    assert staff_client.post(f"/sok/bevakningar/{saved.pk}/sluta/").status_code == 302
    assert not SavedSearch.objects.exists()


def test_a_filtered_listing_is_followed_as_the_search_for_its_type(corpus, staff_client):
    listing = staff_client.get(corpus.showcase_index.url, {"committee": "sodermalm", "page": "1"})
    form = re.search(
        r'<form class="follow-form" method="post" action="([^"]+)">(.*?)</form>',
        listing.content.decode(),
        re.S,
    )
    assert form, "the listing offers no way to follow it"
    fields = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form.group(2))
    assert ("type", "projectshowcase") in fields
    assert ("committee", "sodermalm") in fields
    assert "page" not in dict(fields)
    staff_client.post(form.group(1), dict(fields))
    saved = SavedSearch.objects.get()
    assert "type=projectshowcase" in saved.query
    assert "committee=sodermalm" in saved.query
