"""When no page has all the words, the search leaves out the words no page has and says so, or
shows pages with some of the words, those with more of them first."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from .conftest import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_corpus(corpus, add_showcase):
    page = add_showcase("sodermalm", title="Hemlig förhandling om förskolan")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))


def test_a_word_no_page_has_is_left_out_and_named(corpus, reindex, api, staff_client):
    reindex()
    data = api(q="Köpenhamn äldreomsorg zeppelinare")
    assert titles(data) == ["Erfarenhetsutbyte om äldreomsorg med Köpenhamn"]
    assert data["left_out"] == ["zeppelinare"]
    assert data["some_words"] is False
    html = staff_client.get("/sok/", {"q": "Köpenhamn äldreomsorg zeppelinare"}).content
    assert "Visar träffar utan: <s>zeppelinare</s>" in html.decode()


def test_words_that_never_meet_find_pages_with_some_of_them(corpus, reindex, api):
    reindex()
    data = api(q="Köpenhamn Helsingfors")
    found = titles(data)
    assert "Erfarenhetsutbyte om äldreomsorg med Köpenhamn" in found
    assert "Kompetensutbyte inom förskolan" in found
    assert data["some_words"] is True and data["left_out"] == []


def test_pages_with_more_of_the_words_rank_first(corpus, reindex, api, add_showcase):
    add_showcase(title="Äldreomsorg i Helsingfors", summary="Ett besök om äldreomsorg.")
    reindex()
    found = titles(api(q="Helsingfors äldreomsorg Köpenhamn pedagoger"))
    assert found.index("Äldreomsorg i Helsingfors") < found.index(
        "Erfarenhetsutbyte om äldreomsorg med Köpenhamn"
    )


def test_a_search_that_finds_pages_is_not_relaxed(corpus, reindex, api):
    reindex()
    data = api(q="förskolan Helsingfors")
    assert titles(data) == ["Kompetensutbyte inom förskolan"]
    assert data["left_out"] == [] and data["some_words"] is False


def test_words_only_restricted_pages_have_are_left_out(restricted_corpus, reindex, api):
    reindex()
    data = api(q="förskolan förhandling")
    assert "Hemlig förhandling om förskolan" not in titles(data)
    assert data["left_out"] == ["förhandling"]


def test_nothing_found_stays_nothing_found(corpus, reindex, api):
    reindex()
    data = api(q="zeppelinare flygbåtar")
    assert data["total"] == 0 and data["left_out"] == []
