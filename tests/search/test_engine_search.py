"""What only the engine does: Swedish matching, compounds, synonyms, typos, highlighting,
suggestions and ranking. `make test` runs these on OpenSearch and on Elasticsearch 7."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.models import SearchSynonym

from .conftest import titles

pytestmark = pytest.mark.search_engine


@pytest.fixture
def pages(tree, add_showcase, add_news, search_engine):
    add_showcase(title="Omvärldsbevakning av smarta städer", summary="Hur andra städer planerar.")
    add_showcase(
        title="Kompetensutbyte inom förskolan",
        summary="Pedagoger möts i Helsingfors.",
        body=[("paragraph", "<p>Personalen besökte förskolor i Finland.</p>")],
    )
    add_showcase(
        title="Klimatsamarbete i Eurocities", summary="Städer påverkar EU:s klimatpolitik."
    )
    add_showcase(
        "sodermalm",
        title="Utbyte av kompetens med Tallinn",
        summary="Socialsekreterare lär av varandra.",
    )
    add_news(
        title="Stadsdelsnämnden i Skärholmen tog emot gäster",
        summary="Gäster från Oslo besökte nämnden.",
        date=datetime.date(2016, 3, 3),
    )
    from search.indexing import rebuild

    rebuild()
    return tree


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("omvarldsbevakning", "Omvärldsbevakning av smarta städer"),
        ("Omvärldsbevakningen", "Omvärldsbevakning av smarta städer"),
        ("OMVÄRLDSBEVAKNING", "Omvärldsbevakning av smarta städer"),
        ("förskolor", "Kompetensutbyte inom förskolan"),
        ("forskola", "Kompetensutbyte inom förskolan"),
        ("städernas klimatpolitik", "Klimatsamarbete i Eurocities"),
        ("personalens besök", "Kompetensutbyte inom förskolan"),
    ],
)
def test_swedish_forms_and_missing_diacritics_find_the_page(pages, api, query, title):
    assert title in titles(api(q=query))


def test_unrelated_words_do_not_match(pages, api):
    assert api(q="trängselskatt")["total"] == 0


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("förskolepersonal", "Kompetensutbyte inom förskolan"),
        ("kompetensutbyte", "Utbyte av kompetens med Tallinn"),
        ("klimatsamarbetet", "Klimatsamarbete i Eurocities"),
    ],
)
def test_compound_words_find_pages_about_their_parts(pages, api, query, title):
    assert title in titles(api(q=query))


def test_an_unknown_compound_does_not_match_everything_about_its_tail(pages, api):
    assert api(q="zanzibarprojektet")["total"] == 0


def test_synonyms_from_the_admin_apply_at_once_without_reindexing(pages, api):
    assert api(q="SDN Skärholmen")["left_out"] == ["SDN"]
    synonym = SearchSynonym.objects.create(terms="SDN, stadsdelsnämnd")
    data = api(q="SDN Skärholmen")
    assert titles(data) == ["Stadsdelsnämnden i Skärholmen tog emot gäster"]
    assert data["left_out"] == []
    synonym.delete()
    assert api(q="SDN Skärholmen")["left_out"] == ["SDN"]


def test_a_typo_still_finds_the_page_and_suggests_the_spelling(pages, api, staff_client):
    data = api(q="helsngfors")
    assert titles(data) == ["Kompetensutbyte inom förskolan"]
    assert data["suggestion"] == "helsingfors"
    html = staff_client.get("/sok/", {"q": "helsngfors"}).content.decode()
    assert 'Menade du <a href="?q=helsingfors">helsingfors</a>?' in html


def test_no_suggestion_when_the_query_finds_plenty(pages, api):
    assert api(q="städer")["suggestion"] is None


def test_snippets_mark_the_matched_words_and_escape_the_rest(pages, add_showcase, api):
    add_showcase(
        title="Ett försök", summary="Helsingfors & Tallinn: 3 < 5 <script>alert(1)</script>"
    )
    from search.indexing import rebuild

    rebuild()
    results = {r["title"]: r for r in api(q="Helsingfors")["results"]}
    assert "<mark>Helsingfors</mark>" in results["Kompetensutbyte inom förskolan"]["snippet_html"]
    attempt = results["Ett försök"]["snippet_html"]
    assert "&amp; Tallinn: 3 &lt; 5" in attempt
    assert "<script>" not in attempt
    assert "<mark>Helsingfors</mark>" in attempt


def test_body_text_gives_a_snippet_from_where_it_matched(pages, api):
    [result] = api(q="Finland")["results"]
    assert "<mark>Finland</mark>" in result["snippet_html"]


@pytest.mark.parametrize("typed", ["omvarl", "Omvärl", "OMVÄRLDSBEV", "smarta st", "stader"])
def test_suggestions_as_you_type_ignore_case_and_diacritics(pages, staff_client, typed):
    response = staff_client.get("/api/search/suggest/", {"q": typed})
    titles_ = [s["title"] for s in response.json()["suggestions"]]
    assert "Omvärldsbevakning av smarta städer" in titles_
    assert all(s["url"].startswith("/") for s in response.json()["suggestions"])


def test_suggestions_narrow_with_every_word_typed(pages, staff_client):
    response = staff_client.get("/api/search/suggest/", {"q": "omvärldsbevakning av sma"})
    assert [s["title"] for s in response.json()["suggestions"]] == [
        "Omvärldsbevakning av smarta städer"
    ]


def test_spelling_suggestions_never_reveal_restricted_words(pages, add_showcase, api, staff_user):
    secret = add_showcase(title="Xylofonorkestern", summary="Xylofonorkestern turnerar.")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Samordnare")
    restriction.groups.add(group)
    from search.indexing import rebuild

    rebuild()
    assert api(q="xylofonorkestren")["suggestion"] is None
    staff_user.groups.add(group)
    assert api(q="xylofonorkestren")["suggestion"] == "xylofonorkestern"


def test_a_title_match_ranks_above_a_summary_match_above_a_body_match(
    tree, add_showcase, api, search_engine
):
    add_showcase(title="Nätverksträff", body=[("paragraph", "<p>Om Vilnius och mycket annat.</p>")])
    add_showcase(title="Studieresa", summary="Resan gick till Vilnius.")
    add_showcase(title="Vilnius stadsförvaltning")
    from search.indexing import rebuild

    rebuild()
    assert titles(api(q="Vilnius")) == ["Vilnius stadsförvaltning", "Studieresa", "Nätverksträff"]


def test_recent_news_rank_slightly_above_an_equal_match(
    tree, add_news, add_showcase, api, search_engine
):
    """Without the boost the two tie and the newer showcase would come first."""
    today = datetime.date.today()
    add_news(title="Nätverksträff om Riga", date=today - datetime.timedelta(days=3))
    add_showcase(title="Nätverksträff om Riga", start_date=today)
    from search.indexing import rebuild

    rebuild()
    types = [r["type"]["value"] for r in api(q="Riga")["results"]]
    assert types == ["networknews", "projectshowcase"]


def test_every_committee_is_a_facet_value_grouped_by_kind(tree, add_showcase, api, search_engine):
    from tests.factories import CommitteeFactory, CommitteePageFactory, ShowcasePageFactory

    for number in range(14):
        committee = CommitteeFactory(name=f"Nämnd {number:02}", slug=f"namnd-{number:02}")
        section = CommitteePageFactory(parent=tree.committee_index, committee=committee)
        ShowcasePageFactory(parent=section, committee=committee, title=f"Projekt {number}")
    from search.indexing import rebuild

    rebuild()
    committees = api(type="projectshowcase")["facets"]["committee"]
    assert len(committees) == 14
    assert {value["group"] for value in committees} == {"Stadsdelsnämnd"}
    assert all(value["count"] == 1 for value in committees)
