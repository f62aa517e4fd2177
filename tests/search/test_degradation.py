"""When the engine is down or hangs, search answers from the database with a notice, quickly,
and still only with what the user may see; saving never touches the engine."""

import socket
import threading

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.models import PendingIndexUpdate
from strategy_pages.models import ProjectShowcasePage

DOWN = "http://127.0.0.1:9"  # the discard port: nothing listens


class HangingEngine(str):
    """The URL of a server that accepts connections and never answers, like an engine stuck in
    GC; `connections` counts the connections it was asked for."""

    accepted: list

    @property
    def connections(self):
        return len(self.accepted)


@pytest.fixture
def hanging_engine(settings):
    """A hanging engine; searches give up on it after a short query timeout, writes would wait
    far longer, so a search that waited for the wrong one would hang the test."""
    settings.STRATEGY_SEARCH_QUERY_TIMEOUT = 0.3
    settings.STRATEGY_SEARCH_TIMEOUT = 600
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    url = HangingEngine(f"http://127.0.0.1:{server.getsockname()[1]}")
    url.accepted = accepted
    yield url
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


@pytest.fixture
def restricted(corpus, add_showcase):
    page = add_showcase("sodermalm", title="Hemlig förhandling om förskolan")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Samordnare"))
    return page


@pytest.mark.parametrize("engine", ["down", "hanging"])
def test_search_answers_from_the_database_with_a_notice(
    restricted, staff_client, settings, hanging_engine, engine
):
    settings.STRATEGY_SEARCH_URL = DOWN if engine == "down" else hanging_engine
    response = staff_client.get("/sok/", {"q": "förskolan"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Begränsad sökning" in html
    assert "Kompetensutbyte inom <mark>förskolan</mark>" in html
    assert "Hemlig förhandling" not in html


def test_a_down_engine_is_skipped_at_once(corpus, staff_client, settings, hanging_engine):
    settings.STRATEGY_SEARCH_URL = DOWN
    assert staff_client.get("/api/search/", {"q": "städer"}).json()["limited"] is True
    # Any engine now, even one that would answer: searches rest from it for a while.
    settings.STRATEGY_SEARCH_URL = hanging_engine
    data = staff_client.get("/api/search/", {"q": "städer"}).json()
    assert data["limited"] is True
    assert hanging_engine.connections == 0


def test_one_slow_answer_does_not_rest_the_engine(corpus, staff_client, settings, hanging_engine):
    settings.STRATEGY_SEARCH_URL = hanging_engine
    assert staff_client.get("/api/search/", {"q": "städer"}).json()["limited"] is True
    staff_client.get("/api/search/", {"q": "städer"})
    assert hanging_engine.connections == 2  # the second search asked the engine again


def test_slow_answers_in_a_row_rest_the_engine(corpus, staff_client, settings, hanging_engine):
    settings.STRATEGY_SEARCH_URL = hanging_engine
    settings.STRATEGY_SEARCH_BREAKER_FAILURES = 3
    for _ in range(3):
        staff_client.get("/api/search/", {"q": "städer"})
    assert hanging_engine.connections == 3
    data = staff_client.get("/api/search/", {"q": "städer"}).json()
    assert data["limited"] is True
    assert hanging_engine.connections == 3


def test_suggestions_and_the_api_degrade_too(corpus, staff_client, settings):
    settings.STRATEGY_SEARCH_URL = DOWN
    data = staff_client.get("/api/search/", {"q": "Köpenhamn"}).json()
    assert data["limited"] is True
    assert [r["title"] for r in data["results"]] == [
        "Erfarenhetsutbyte om äldreomsorg med Köpenhamn"
    ]
    suggestions = staff_client.get("/api/search/suggest/", {"q": "Erfarenhet"}).json()
    assert [s["title"] for s in suggestions["suggestions"]] == [
        "Erfarenhetsutbyte om äldreomsorg med Köpenhamn"
    ]


def test_publishing_while_the_engine_hangs_records_the_update_and_returns(
    tree, settings, hanging_engine, django_capture_on_commit_callbacks
):
    settings.STRATEGY_SEARCH_URL = hanging_engine
    settings.TASKS = {
        **settings.TASKS,
        "strategy_search": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["search-index"],
        },
    }
    page = ProjectShowcasePage(
        title="Vänort i Reykjavik", committee=tree.committees["sodermalm"], live=False
    )
    tree.sections["sodermalm"].add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert hanging_engine.connections == 0  # saving never waited on the engine
    assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()
