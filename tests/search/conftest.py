"""Search tests run once per backend: the database, and the real engine at SEARCH_URL."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission

from search.breaker import breaker
from search.indexing import rebuild


@pytest.fixture(autouse=True)
def closed_breaker():
    """Each test starts with an engine that has not failed yet."""
    breaker.reset()


@pytest.fixture(params=["database", pytest.param("engine", marks=pytest.mark.search_engine)])
def backend(request):
    if request.param == "engine":
        request.getfixturevalue("search_engine")
    return request.param


@pytest.fixture
def reindex(backend):
    """Bring the backend's index up to date with the pages made so far."""

    def refresh():
        if backend == "engine":
            rebuild()

    return refresh


@pytest.fixture
def log_in_editor(client, django_user_model):
    """Log the client in as a network editor with admin access and these permissions."""

    def log_in(*codenames):
        editor = django_user_model.objects.create_user("redaktor", password="lösenord-123")
        group = Group.objects.create(name="Nätverksredaktörer")
        group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
        editor.groups.add(group)
        client.force_login(editor)
        return client

    return log_in


@pytest.fixture
def api(staff_client):
    def get(client=None, expect=200, **params):
        response = (client or staff_client).get("/api/search/", params)
        assert response.status_code == expect, response.content.decode()
        return response.json()

    return get


def titles(data):
    return [result["title"] for result in data["results"]]


def facet_counts(data, name):
    return {value["value"]: value["count"] for value in data["facets"][name]}


@pytest.fixture
def corpus(tree, add_showcase, add_news):
    """Showcases and news from three committees, classified and dated differently."""
    o, t = tree.orientations, tree.themes
    add_showcase(
        title="Kompetensutbyte inom förskolan",
        summary="Pedagoger från förskolan möts i Helsingfors.",
        orientations=[o["samverkan"]],
        themes=[t["forskola"]],
        status="completed",
        start_date=datetime.date(2014, 8, 15),
    )
    add_showcase(
        title="Omvärldsbevakning av smarta städer",
        summary="Hur andra städer planerar för klimatet.",
        orientations=[o["omvarldsbevakning"]],
        status="ongoing",
        start_date=datetime.date(2017, 3, 1),
    )
    add_showcase(
        "sodermalm",
        title="Erfarenhetsutbyte om äldreomsorg med Köpenhamn",
        summary="Södermalm jämför hemtjänst med Köpenhamn.",
        orientations=[o["samverkan"], o["omvarldsbevakning"]],
        themes=[t["demokrati"]],
        status="ongoing",
        start_date=datetime.date(2015, 2, 1),
    )
    add_showcase(
        "stockholmshem",
        title="Energieffektiva bostäder i Europa",
        summary="Bostadsbolaget delar erfarenheter av renovering med europeiska städer.",
        orientations=[o["paverkan"]],
        status="planned",
        start_date=datetime.date(2017, 6, 1),
    )
    add_news(
        title="Förskolechefer besökte Tallinn",
        summary="En studieresa om förskolans pedagogik.",
        orientations=[o["omvarldsbevakning"]],
        themes=[t["forskola"]],
        date=datetime.date(2016, 5, 20),
    )
    add_news(
        "sodermalm",
        title="Nätverket träffades i Stadshuset",
        summary="Representanter för nämnder och bolag delade erfarenheter.",
        orientations=[o["profilering"]],
        date=datetime.date(2016, 11, 2),
    )
    return tree
