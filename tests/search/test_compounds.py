"""Swedish compound words are split by a word list, on pages and in queries, so a search for
one part finds the compound and a compound finds pages about its parts."""

import pytest

from search.compounds import compound_parts_text, query_parts, split_compound
from search.indexing import rebuild

from .conftest import titles

WORDS = ["trängsel", "skatten", "forsknings", "projekt", "hälsa", "ungdoms", "utbyte", "europa"]


@pytest.fixture
def word_list(tmp_path, settings):
    path = tmp_path / "ord.txt"
    path.write_text("\n".join(WORDS), encoding="latin-1")
    settings.STRATEGY_SEARCH_COMPOUND_WORDS = str(path)
    return path


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Trängselskatten", ["trängsel", "skatten"]),
        ("forskningsprojekt", ["forsknings", "projekt"]),
        ("ohälsa", ["o", "hälsa"]),
        ("zanzibarprojektet", []),  # not every part is known: no compound
        ("skatten", []),  # a word on its own is no compound
        ("projekten", []),  # nor is an inflected one
    ],
)
def test_a_word_splits_only_into_known_words(word_list, word, parts):
    assert split_compound(word) == parts


def test_pages_are_indexed_with_their_parts_and_genitives_base_words(word_list):
    text = "Trängselskatten och forskningsprojekt om psykisk ohälsa i Europas städer"
    assert compound_parts_text(text).split() == [
        "trängsel",
        "skatten",
        "forsknings",
        "projekt",
        "o",
        "hälsa",
        "europa",
    ]


def test_a_query_searches_its_compounds_as_their_parts(word_list):
    assert query_parts("ungdomsutbyte Helsingfors") == "ungdoms utbyte Helsingfors"
    assert query_parts("Helsingfors") == ""


def test_the_word_list_installed_on_the_server_splits_real_compounds(settings):
    settings.STRATEGY_SEARCH_COMPOUND_WORDS = "/usr/share/dict/swedish"
    assert split_compound("klimatomställningen") == ["klimat", "omställningen"]
    assert split_compound("kommunfullmäktige") == ["kommun", "fullmäktige"]


@pytest.fixture
def corpus_of_compounds(tree, add_showcase, search_engine, word_list):
    add_showcase(title="Studiebesök om trängselskatten")
    add_showcase(title="Forskningsprojekt inom social omsorg")
    add_showcase(title="Unga flickors psykiska ohälsa")
    add_showcase(title="Utbyte för unga ledare", summary="Ungdomar från två städer möts.")
    rebuild()


@pytest.mark.search_engine
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("trängsel", "Studiebesök om trängselskatten"),
        ("forskning", "Forskningsprojekt inom social omsorg"),
        ("hälsa", "Unga flickors psykiska ohälsa"),
        ("ungdomsutbyte", "Utbyte för unga ledare"),
    ],
)
def test_a_part_finds_the_compound_and_a_compound_its_parts(corpus_of_compounds, api, query, title):
    assert titles(api(q=query)) == [title]


@pytest.mark.search_engine
def test_an_unknown_compound_still_finds_nothing(corpus_of_compounds, api):
    assert api(q="zanzibarprojektet")["total"] == 0
