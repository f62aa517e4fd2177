"""Editors keep the synonym list in the admin; search expands queries with it."""

import pytest

from search.models import SearchSynonym
from search.synonyms import alternatives

ADD_URL = "/admin/snippets/strategy_search/searchsynonym/add/"


@pytest.fixture
def editor_client(log_in_editor, db):
    return log_in_editor("add_searchsynonym", "change_searchsynonym")


def test_an_editor_adds_synonyms_in_the_admin(editor_client):
    response = editor_client.post(ADD_URL, {"terms": " SLK ,Stadsledningskontoret, slk "})
    assert response.status_code == 302
    assert SearchSynonym.objects.get().terms == "slk, stadsledningskontoret"
    assert alternatives("Vad gör SLK?") == ["vad gör stadsledningskontoret?"]


def test_one_word_alone_is_refused_with_a_reason(editor_client):
    response = editor_client.post(ADD_URL, {"terms": "SLK"})
    assert response.status_code == 200
    assert "Skriv minst två ord" in response.content.decode()
    assert not SearchSynonym.objects.exists()


def test_staff_cannot_edit_synonyms(staff_client, db):
    response = staff_client.get(ADD_URL)
    assert response.status_code in (302, 403)
    assert not SearchSynonym.objects.exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SDN Skärholmen", ["stadsdelsnämnd skärholmen"]),
        ("stadsdelsnämnden i Skärholmen", ["sdn i skärholmen"]),
        ("sdnx", []),
        ("förskola", []),
    ],
)
def test_queries_are_expanded_by_whole_words_only(db, query, expected):
    SearchSynonym.objects.create(terms="sdn, stadsdelsnämnd")
    assert alternatives(query) == expected


def test_a_synonym_with_a_backslash_is_searched_as_written(db, api, tree):
    SearchSynonym.objects.create(terms=r"ehs, europa\horisont")
    assert alternatives("ehs projekt") == [r"europa\horisont projekt"]
    assert api(q="ehs")["total"] == 0
