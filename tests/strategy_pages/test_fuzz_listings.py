"""Any query string on the listings, and any address under the site, gets a page or a refusal
and never a server error."""

import datetime

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st

from tests.hostile_input import fuzz, path_segments, query_strings

FILTERS = ["committee", "orientation", "theme", "dimension", "year", "status", "page"]
LISTINGS = ["news_index", "showcase_index", "committee_page", "orientation_page", "home"]


@pytest.fixture
def listed(tree, add_showcase, add_news):
    orientations, themes = tree.orientations, tree.themes
    for number in range(3):
        add_showcase(
            title=f"Kompetensutbyte {number}",
            status="ongoing",
            start_date=datetime.date(2014 + number, 8, 15),
            orientations=[orientations["samverkan"]],
            themes=[themes["forskola"]],
        )
        add_news(
            "sodermalm",
            title=f"Nätverksträff {number}",
            date=datetime.date(2016, 5, 20 + number),
            orientations=[orientations["samverkan"]],
        )
    return {
        "news_index": tree.news_index,
        "showcase_index": tree.showcase_index,
        "committee_page": tree.sections["hagersten-liljeholmen"],
        "orientation_page": tree.orientation_pages["samverkan"],
        "home": tree.home,
    }


@fuzz
@given(listing=st.sampled_from(LISTINGS), query_string=query_strings(FILTERS))
@example(listing="showcase_index", query_string="page=9999999999999999999999&year=1e400")
@example(listing="news_index", query_string="year=2016&year=%00&committee=%00&page=-1")
@example(listing="committee_page", query_string="&".join(["status=ongoing"] * 999))
def test_listings_answer_any_query_string(listed, staff_client, listing, query_string):
    page = listed[listing]
    response = staff_client.get(page.url, QUERY_STRING=query_string)
    assert response.status_code in (200, 400), (page.url, query_string)
    if response.status_code == 200:
        assert page.title in response.content.decode()


@fuzz
@given(
    prefix=st.sampled_from(["", "nyheter/", "projekt/", "dokument/", "dokument/1/", "bilder/"]),
    segments=path_segments(),
    query_string=query_strings(FILTERS),
)
@example(prefix="", segments="%00", query_string="")
@example(prefix="dokument/", segments=f"{2**70}/fil.pdf", query_string="")
@example(prefix="nyheter/", segments="..%2F..%2Fadmin", query_string="page=1")
@example(prefix="bilder/", segments="..%2F..%2F..%2Fetc%2Fpasswd", query_string="")
def test_any_address_under_the_site_answers(listed, staff_client, prefix, segments, query_string):
    response = staff_client.get(f"/{prefix}{segments}/", QUERY_STRING=query_string)
    assert response.status_code < 500, (prefix, segments, query_string)


@fuzz
@given(segments=path_segments(), query_string=query_strings(FILTERS))
def test_any_address_sends_anonymous_visitors_to_log_in(listed, segments, query_string):
    response = Client().get(f"/{segments}/", QUERY_STRING=query_string)
    assert response.status_code in (302, 400), (segments, query_string)
