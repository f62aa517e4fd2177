"""Any query string, on the database and on the real engine, gets an answer and never a server
error: the search page, the JSON API and its suggestions, the health check and the reports."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from search.query.params import MAX_PAGE, MAX_QUERY_LENGTH, PARAMETERS
from search.views import MAX_PREFIX_LENGTH
from tests.hostile_input import CRAFTED, fuzz, query_strings

NAMES = sorted(PARAMETERS)
FACET_VALUES = {
    "committee": ["hagersten-liljeholmen", "sodermalm", "stockholmshem"],
    "orientation": ["samverkan", "omvarldsbevakning", "paverkan", "profilering"],
    "theme": ["forskola", "demokrati"],
    "type": ["projectshowcase", "networknews", "committee"],
    "year": ["2014", "2016", "2017"],
    "status": ["planned", "ongoing", "completed"],
}
#: Words as a person types them: anything but the NUL character, which a form field refuses.
typed = st.text(max_size=MAX_QUERY_LENGTH).filter(lambda q: "\x00" not in q)
facet_choices = st.lists(
    st.sampled_from(sorted(FACET_VALUES)).flatmap(
        lambda name: st.tuples(st.just(name), st.sampled_from(FACET_VALUES[name]))
    ),
    max_size=3,
).map(dict)


@pytest.fixture
def searchable(corpus, reindex):
    reindex()
    return corpus


def get(client, path, query_string):
    response = client.get(path, QUERY_STRING=query_string)
    assert response.status_code < 500, (path, query_string)
    return response


def json_of(response):
    assert response["Content-Type"] == "application/json", response.content[:200]
    return json.loads(response.content)


def assert_clear_error(data):
    assert isinstance(data["error"], str)
    assert data["error"].strip()
    for name, messages in data.get("fields", {}).items():
        assert isinstance(name, str)
        assert messages
        assert all(isinstance(m, str) and m.strip() for m in messages)


@fuzz
@given(query_string=query_strings(NAMES))
@example(query_string="q=%22unclosed&sort=date&page=9999999999999999999999")
@example(query_string="&".join(["committee=sodermalm"] * 1001))
def test_the_api_answers_any_query_string_in_json(searchable, backend, staff_client, query_string):
    response = get(staff_client, "/api/search/", query_string)
    data = json_of(response)
    if response.status_code == 200:
        assert isinstance(data["total"], int)
        assert isinstance(data["results"], list)
    else:
        assert response.status_code == 400
        assert_clear_error(data)


@fuzz
@given(
    q=typed,
    filters=facet_choices,
    page=st.integers(1, MAX_PAGE),
    sort=st.sampled_from(["relevance", "date"]),
)
@example(q="İ" * 128, filters={}, page=1, sort="relevance")
@example(q='title:(förskola OR "Köpenhamn~ *', filters={}, page=1, sort="relevance")
@example(q='{{suggestion}}" förskola', filters={}, page=1, sort="relevance")
def test_any_words_with_valid_filters_are_searched(
    searchable, backend, staff_client, q, filters, page, sort
):
    """Searched twice: the second search is counted on the first one's record."""
    params = {"q": q, "page": page, "sort": sort, **filters}
    first = staff_client.get("/api/search/", params)
    second = staff_client.get("/api/search/", params)
    assert first.status_code == 200, first.content[:500]
    assert second.status_code == 200, second.content[:500]
    assert json_of(second)["total"] == json_of(first)["total"]


@fuzz
@given(
    q=st.text(min_size=MAX_QUERY_LENGTH + 1, max_size=MAX_QUERY_LENGTH + 50).filter(
        lambda q: len(q.strip()) > MAX_QUERY_LENGTH
    )
)
def test_too_long_a_search_is_refused_with_a_message(corpus, staff_client, q):
    response = staff_client.get("/api/search/", {"q": q})
    assert response.status_code == 400
    data = json_of(response)
    assert_clear_error(data)
    assert "q" in data["fields"]


@fuzz
@given(
    page=st.one_of(
        st.integers(max_value=0),
        st.integers(min_value=MAX_PAGE + 1),
        st.sampled_from(["", "x", "1.5", "1e3", "\x00"]),
    )
)
def test_a_page_out_of_range_is_refused_with_a_message(corpus, staff_client, page):
    response = staff_client.get("/api/search/", {"page": page})
    if page == "":
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert "page" in json_of(response)["fields"]


@fuzz
@given(query_string=query_strings(NAMES))
@example(query_string="q=%00")
@example(query_string="page=-1&sort=%27")
def test_the_search_page_answers_any_query_string(searchable, backend, staff_client, query_string):
    response = get(staff_client, "/sok/", query_string)
    assert response.status_code in (200, 400)


@fuzz
@given(query_string=query_strings(["q"]))
@example(query_string="&".join(["q="] * 1001))
def test_suggestions_answer_any_query_string_in_json(
    searchable, backend, staff_client, query_string
):
    response = get(staff_client, "/api/search/suggest/", query_string)
    data = json_of(response)
    if response.status_code == 200:
        assert isinstance(data["suggestions"], list)
    else:
        assert response.status_code == 400
        assert_clear_error(data)


@fuzz
@given(prefix=st.text(max_size=MAX_PREFIX_LENGTH).filter(str.strip))
@example(prefix="\x00")
@example(prefix='omvärl" *~^()[]{}\\:/!&|')
def test_any_typed_prefix_gets_suggestions(searchable, backend, staff_client, prefix):
    response = staff_client.get("/api/search/suggest/", {"q": prefix})
    assert response.status_code == 200, response.content[:500]
    assert isinstance(json_of(response)["suggestions"], list)


@fuzz
@given(query_string=query_strings(["format", "verbose"]))
def test_the_health_check_ignores_any_query_string(tree, client, query_string):
    response = get(client, "/healthz", query_string)
    assert response.status_code == 200
    assert json_of(response)["database"] == {"status": "ok"}


@pytest.fixture
def report_client(tree, django_user_model):
    editor = django_user_model.objects.create_user("rapportlasare", password="lösenord-123")
    group = Group.objects.create(name="Sökredaktörer")
    codenames = ["access_admin", "add_searchpromotion"]
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    editor.groups.add(group)
    client = Client()
    client.force_login(editor)
    return client


def content_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@fuzz
@given(
    searched=st.sampled_from([*CRAFTED, "a\x01b", "=SUM(1)", "\x1bsvar"]) | st.text(max_size=40),
    report=st.sampled_from(["search_reports:popular", "search_reports:no_results"]),
    query_string=query_strings(["q", "ordering", "p", "export"]),
    export=st.sampled_from(["csv", "xlsx", None]),
)
@example(searched="a\x01b", report="search_reports:popular", query_string="", export="xlsx")
def test_the_search_reports_show_and_export_whatever_staff_searched(
    corpus, staff_client, report_client, searched, report, query_string, export
):
    staff_client.get("/api/search/", {"q": searched})
    suffix = f"&export={export}" if export else ""
    response = get(report_client, reverse(report), query_string + suffix)
    assert response.status_code in (200, 400)
    content_of(response)
