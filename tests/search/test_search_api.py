"""The JSON search API and the search page, on the database and on the real engine alike."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from .conftest import facet_counts, titles

FACETS = ["committee", "orientation", "theme", "type", "year", "status"]


def test_an_empty_query_lists_every_live_page(corpus, reindex, api):
    reindex()
    data = api()
    assert data["total"] == Page.objects.live().filter(depth__gt=1).count()
    assert "Kompetensutbyte inom förskolan" in titles(api(type="projectshowcase", q=""))


def test_a_result_says_what_where_whose_and_when(corpus, reindex, api):
    reindex()
    [result] = api(q="Köpenhamn", type="projectshowcase")["results"]
    assert result["title"] == "Erfarenhetsutbyte om äldreomsorg med Köpenhamn"
    assert result["url"] == Page.objects.get(title=result["title"]).url
    assert result["type"]["value"] == "projectshowcase"
    assert result["committee"] == {"slug": "sodermalm", "name": "Södermalms stadsdelsnämnd"}
    assert result["date"] == "2015-02-01"
    assert "Köpenhamn" in result["snippet"]


@pytest.mark.parametrize("query", ["", "förskolan", "städer", "erfarenheter"])
@pytest.mark.parametrize("already", [{}, {"orientation": "samverkan"}, {"year": "2016"}])
def test_facet_counts_equal_the_results_their_filter_returns(corpus, reindex, api, query, already):
    reindex()
    data = api(q=query, **already)
    assert any(data["facets"][facet] for facet in FACETS)
    for facet in FACETS:
        for value in data["facets"][facet]:
            if value["selected"]:
                continue
            narrowed = api(q=query, **{**already, facet: value["value"]})
            if facet in already:  # several values of one facet: either of them
                continue
            assert narrowed["total"] == value["count"], (facet, value)


def test_values_of_one_facet_widen_and_other_facets_narrow(corpus, reindex, api):
    reindex()
    district = api(committee=["hagersten-liljeholmen", "sodermalm"], type="projectshowcase")
    assert district["total"] == 3
    assert api(committee="sodermalm", type="projectshowcase")["total"] == 1
    narrowed = api(committee=["hagersten-liljeholmen", "sodermalm"], orientation="samverkan")
    assert set(titles(narrowed)) == {
        "Kompetensutbyte inom förskolan",
        "Erfarenhetsutbyte om äldreomsorg med Köpenhamn",
    }
    selected = [v for v in district["facets"]["committee"] if v["selected"]]
    assert {v["value"] for v in selected} == {"hagersten-liljeholmen", "sodermalm"}


def test_sorting_by_date_puts_the_newest_first(corpus, reindex, api):
    reindex()
    data = api(q="", type=["projectshowcase", "networknews"], sort="date")
    dates = [result["date"] for result in data["results"]]
    assert dates == sorted(dates, reverse=True)
    assert titles(data)[0] == "Energieffektiva bostäder i Europa"


def test_pages_of_results_follow_on(tree, add_news, reindex, api):
    for day in range(1, 26):
        add_news(title=f"Nyhet nummer {day}", date=datetime.date(2016, 1, day))
    reindex()
    first, second = api(type="networknews", page=1), api(type="networknews", page=2)
    assert first["total"] == second["total"] == 25
    assert (len(first["results"]), len(second["results"]), second["pages"]) == (20, 5, 2)
    assert not set(titles(first)) & set(titles(second))
    assert api(type="networknews", page=3)["results"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": "0"}, "page"),
        ({"page": "två"}, "page"),
        ({"page": "100000"}, "page"),
        ({"sort": "popularitet"}, "sort"),
        ({"committee": "okand-namnd"}, "committee"),
        ({"orientation": "finns-inte"}, "orientation"),
        ({"theme": "<script>"}, "theme"),
        ({"type": "page"}, "type"),
        ({"year": "tjugohundra"}, "year"),
        ({"year": "1066"}, "year"),
        ({"status": "paused"}, "status"),
        ({"q": "ord " * 60}, "q"),
    ],
)
def test_invalid_parameters_get_400_with_a_message(tree, backend, api, params, field):
    data = api(expect=400, **params)
    assert data["error"]
    assert field in data["fields"]
    assert all(message for message in data["fields"][field])


def test_unknown_parameters_are_named(tree, backend, api):
    data = api(expect=400, q="förskola", comittee="sodermalm")
    assert "comittee" in data["error"]


def test_the_api_needs_a_login(tree, backend, client):
    response = client.get("/api/search/", {"q": "förskola"})
    assert response.status_code == 401
    assert response.json()["error"]


@pytest.fixture
def secret(corpus, add_showcase):
    page = add_showcase(
        "sodermalm",
        title="Zanzibarprojektet",
        summary="Förhandlingar om zanzibarprojektet, bara för samordnare.",
        orientations=[corpus.orientations["paverkan"]],
        themes=[corpus.themes["demokrati"]],
        status="planned",
        start_date=datetime.date(2019, 1, 1),
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Samordnare")
    restriction.groups.add(group)
    return group


def test_a_restricted_page_leaks_nothing_to_staff_outside_its_group(secret, reindex, api):
    reindex()
    assert api(q="zanzibarprojektet")["total"] == 0
    everything = api()
    assert "Zanzibarprojektet" not in titles(everything)
    assert "2019" not in facet_counts(everything, "year")
    # Södermalm's showcase, news item and own section page, not the secret
    assert facet_counts(everything, "committee")["sodermalm"] == 3
    assert facet_counts(everything, "status").get("planned") == 1
    assert everything["total"] == Page.objects.live().filter(depth__gt=1).count() - 1


def test_members_of_the_group_find_the_restricted_page(
    secret, reindex, api, staff_client, staff_user
):
    staff_user.groups.add(secret)
    reindex()
    data = api(q="zanzibarprojektet")
    assert titles(data) == ["Zanzibarprojektet"]
    assert facet_counts(api(), "year")["2019"] == 1


def test_suggestions_leave_out_restricted_pages(secret, reindex, staff_client, staff_user):
    reindex()
    response = staff_client.get("/api/search/suggest/", {"q": "zanzib"})
    assert response.json()["suggestions"] == []
    staff_user.groups.add(secret)
    response = staff_client.get("/api/search/suggest/", {"q": "zanzib"})
    assert [s["title"] for s in response.json()["suggestions"]] == ["Zanzibarprojektet"]


def test_suggestions_need_a_prefix(tree, backend, staff_client):
    assert staff_client.get("/api/search/suggest/", {"q": " "}).status_code == 400
    assert staff_client.get("/api/search/suggest/", {"q": "x" * 101}).status_code == 400


def test_the_search_page_keeps_the_whole_state_in_its_form(corpus, reindex, staff_client):
    reindex()
    html = staff_client.get(
        "/sok/", {"q": "förskolan", "committee": "hagersten-liljeholmen", "sort": "date"}
    ).content.decode()
    assert 'value="förskolan"' in html
    assert (
        'value="hagersten-liljeholmen" id="facet-committee-hagersten-liljeholmen" checked' in html
    )
    assert '<option value="date" selected>' in html
    assert "Ta bort filtret Hägersten-Liljeholmens stadsdelsnämnd" in html
    assert "Kompetensutbyte inom <mark>förskolan</mark>" in html


def test_the_search_page_explains_invalid_input(tree, backend, staff_client):
    response = staff_client.get("/sok/", {"committee": "okand-namnd"})
    assert response.status_code == 400
    assert "Okänt värde för nämnd eller bolag: okand-namnd" in response.content.decode()


def test_a_search_that_finds_nothing_offers_a_way_on(corpus, reindex, staff_client):
    reindex()
    html = staff_client.get("/sok/", {"q": "trängselskatt", "committee": "sodermalm"}).content
    html = html.decode()
    assert "0 träffar" in html
    assert "sök utan filter" in html
    assert "Bläddra bland allt innehåll" in html


@pytest.mark.parametrize(
    "query",
    ['"förskola', "förskola AND (", "\\", "*", "~", "a" * 200, "😀 Helsingfors", "<script>", "-+!"],
)
def test_odd_queries_are_searched_as_plain_words(corpus, reindex, api, query):
    reindex()
    data = api(q=query)
    assert data["total"] == len(data["results"])  # the corpus fits on one page
    assert all(result["url"] for result in data["results"])
    if "Helsingfors" in query:
        assert "Kompetensutbyte inom förskolan" in titles(data)


def test_editors_picks_come_first_in_the_api(corpus, reindex, api):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    pick = Page.objects.get(title="Energieffektiva bostäder i Europa")
    SearchPromotion.objects.create(query=Query.get("renovering"), page=pick, description="Läs!")
    reindex()
    data = api(q="renovering")
    assert data["picks"] == [{"title": pick.title, "url": pick.url, "description": "Läs!"}]
