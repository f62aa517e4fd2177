"""Search on a real OpenSearch node: Swedish matching, the search page and view restrictions.

`make test` starts the node and sets SEARCH_URL; each test writes to indexes of its own prefix.
"""

import os
import uuid
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from search.engine_settings import engine_backend
from strategy_pages.models import ProjectShowcasePage

pytestmark = pytest.mark.search_engine


@pytest.fixture
def engine(settings):
    url = os.environ.get("SEARCH_URL")
    if not url:
        pytest.fail(
            "No search engine: run `make test`, or `make search-engine` and set SEARCH_URL."
        )
    prefix = f"test_{uuid.uuid4().hex[:12]}_"
    backend = os.environ.get("SEARCH_BACKEND", "opensearch2")
    settings.WAGTAILSEARCH_BACKENDS = {"default": engine_backend(url, backend, prefix)}
    yield
    get_search_backend().es.indices.delete(index=f"{prefix}*")


def rebuild_index():
    call_command("update_index", stdout=StringIO())


def found(query):
    return {page.title for page in ProjectShowcasePage.objects.live().search(query)}


@pytest.fixture
def showcases(engine, add_showcase):
    pages = [
        add_showcase(
            title="Omvärldsbevakning av smarta städer", summary="Hur andra städer planerar."
        ),
        add_showcase(
            title="Kompetensutbyte inom förskolan", summary="Pedagoger möts i Helsingfors."
        ),
        add_showcase(
            title="Klimatsamarbete i Eurocities", summary="Städer påverkar EU:s klimatpolitik."
        ),
    ]
    rebuild_index()
    return pages


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("omvarldsbevakning", "Omvärldsbevakning av smarta städer"),
        ("Omvärldsbevakningen", "Omvärldsbevakning av smarta städer"),
        ("OMVÄRLDSBEVAKNING", "Omvärldsbevakning av smarta städer"),
        ("förskolor", "Kompetensutbyte inom förskolan"),
        ("forskola", "Kompetensutbyte inom förskolan"),
        ("städernas klimatpolitik", "Klimatsamarbete i Eurocities"),
    ],
)
def test_swedish_forms_and_missing_diacritics_find_the_page(showcases, query, title):
    assert title in found(query)


def test_unrelated_words_do_not_match(showcases):
    assert found("trängselskatt") == set()


def test_search_page_answers_from_the_engine(showcases, staff_client):
    response = staff_client.get("/sok/", {"q": "omvarldsbevakningen"})
    assert "Omvärldsbevakning av smarta städer" in response.content.decode()


def test_restricted_showcase_stays_hidden_from_staff_outside_the_group(
    engine, add_showcase, staff_client
):
    secret = add_showcase(
        title="Hemlig förhandling", summary="Ett ord som bara finns här: zanzibarprojektet."
    )
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    rebuild_index()
    assert "Hemlig förhandling" in found("zanzibarprojektet")  # the engine has it …
    html = staff_client.get("/sok/", {"q": "zanzibarprojektet"}).content.decode()
    assert "Hemlig förhandling" not in html  # … but the page never shows it to others
    assert "0 träffar" in html
