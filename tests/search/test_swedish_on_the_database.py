"""Without an engine the database answers, and it understands Swedish too: inflections,
synonyms and compounds are found, and only what matched is marked."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from search.checks import check_database_backend
from search.models import SearchSynonym
from tests import factories

from .conftest import titles


@pytest.fixture
def pages(tree, add_showcase, add_news):
    add_news(
        title="Stadens remissvar om trängselskatten",
        summary="Remissen besvarades av kommunstyrelsen i maj.",
        date=datetime.date(2024, 5, 2),
    )
    add_showcase(
        title="Förskolorna i Liljeholmen lär av Tallinn",
        summary="Pedagoger från förskolan möts varje vår.",
        start_date=datetime.date(2023, 9, 1),
    )
    add_news(
        title="Europa och Eurocities",
        summary="Nätverket Eurocities samlar städer i Europa.",
        date=datetime.date(2024, 3, 1),
    )
    add_news(
        title="Nytt från EU",
        summary="EU:s nya program för städer.",
        date=datetime.date(2024, 1, 10),
    )
    return tree


def snippet(data, title):
    return next(hit["snippet_html"] for hit in data["results"] if hit["title"] == title)


def search_page(client, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("remiss", "Stadens remissvar om trängselskatten"),
        ("remisser", "Stadens remissvar om trängselskatten"),
        ("förskola", "Förskolorna i Liljeholmen lär av Tallinn"),
        ("förskolans", "Förskolorna i Liljeholmen lär av Tallinn"),
        ("pedagogen", "Förskolorna i Liljeholmen lär av Tallinn"),
        ("städerna", "Europa och Eurocities"),
    ],
)
def test_other_forms_of_a_word_are_found(pages, api, query, title):
    assert title in titles(api(q=query))


def test_a_short_word_matches_only_itself(pages, api):
    data = api(q="EU")
    assert titles(data) == ["Nytt från EU"]
    assert snippet(data, "Nytt från EU") == "<mark>EU</mark>:s nya program för städer."


def test_only_the_words_that_matched_are_marked(pages, api, staff_client):
    text = snippet(api(q="förskolor i Tallinn"), "Förskolorna i Liljeholmen lär av Tallinn")
    assert text == "Pedagoger från <mark>förskolan</mark> möts varje vår."
    html = search_page(staff_client, "förskolor i Tallinn")
    assert "<mark>Förskolorna</mark> i Liljeholmen lär av <mark>Tallinn</mark>" in html


def test_a_synonym_finds_and_marks_the_other_term(pages, api, staff_client):
    SearchSynonym.objects.create(terms="vägtull, trängselskatt")
    assert titles(api(q="vägtullen")) == ["Stadens remissvar om trängselskatten"]
    assert "om <mark>trängselskatten</mark>" in search_page(staff_client, "vägtullen")


def test_a_compound_finds_pages_with_its_parts(pages, api):
    assert "Stadens remissvar om trängselskatten" in titles(api(q="remissvaret"))
    assert "Stadens remissvar om trängselskatten" in titles(api(q="kommunstyrelseremissen"))


def test_browsing_without_words_shows_content_before_listings_and_links(pages, api, tree):
    factories.CalendarPageFactory(parent=tree.home, title="Kalender")
    link = factories.LinkPageFactory(
        parent=tree.sections["sodermalm"], title="Eurocities webbplats"
    )
    assert link.live
    found = titles(api())
    content = found.index("Stadens remissvar om trängselskatten")
    assert content < found.index("Kalender")
    assert content < found.index("Eurocities webbplats")


def test_the_admin_page_search_understands_swedish_too(pages, admin_client):
    response = admin_client.get("/admin/pages/search/", {"q": "förskolan i tal"})
    assert "Förskolorna i Liljeholmen lär av Tallinn" in response.content.decode()
    response = admin_client.get("/admin/pages/search/", {"q": "europas"})
    assert "Europa och Eurocities" in response.content.decode()


def test_rebuilding_the_database_index_keeps_swedish_matching(pages, api):
    call_command("update_index", verbosity=0)
    assert "Stadens remissvar om trängselskatten" in titles(api(q="remissen"))


def test_a_host_on_wagtails_own_database_backend_is_told_how_to_get_swedish(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    (warning,) = check_database_backend()
    assert warning.id == "strategy_search.W002"
    assert "search.backends.database" in warning.hint
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
    assert check_database_backend() == []


@pytest.mark.parametrize("query", ["städer", "förskolan pedagoger", "nätverket", "remiss"])
def test_ranking_in_one_query_orders_pages_as_modelsearch_does(pages, monkeypatch, query):
    if connection.vendor != "sqlite":
        pytest.skip("the one-query ranking is SQLite's")
    from search.backends.sqlite import SwedishSQLiteQueryCompiler

    ours = [page.pk for page in Page.objects.live().search(query)]
    monkeypatch.setattr(SwedishSQLiteQueryCompiler, "MAX_RANKED_IN_ONE_QUERY", -1)
    assert ours == [page.pk for page in Page.objects.live().search(query)]
    assert ours
