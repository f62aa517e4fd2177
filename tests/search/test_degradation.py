"""When the engine is down or hangs, search answers from the database with a notice, quickly,
and still only with what the user may see; saving never touches the engine."""

import socket
import threading
import time

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.models import PendingIndexUpdate
from strategy_pages.models import ProjectShowcasePage

DOWN = "http://127.0.0.1:9"  # the discard port: nothing listens


@pytest.fixture
def hanging_engine():
    """A server that accepts connections and never answers, like an engine stuck in GC."""
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
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
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
    started = time.monotonic()
    response = staff_client.get("/sok/", {"q": "förskolan"})
    elapsed = time.monotonic() - started
    html = response.content.decode()
    assert response.status_code == 200
    assert "Begränsad sökning" in html
    assert "Kompetensutbyte inom <mark>förskolan</mark>" in html
    assert "Hemlig förhandling" not in html
    assert elapsed < 2.5  # the query timeout (0.6 s) and the database, not the 5 s write timeout


def test_after_one_failure_searches_skip_the_engine_for_a_while(
    corpus, staff_client, settings, hanging_engine
):
    settings.STRATEGY_SEARCH_URL = hanging_engine
    staff_client.get("/api/search/", {"q": "städer"})
    started = time.monotonic()
    data = staff_client.get("/api/search/", {"q": "städer"}).json()
    assert data["limited"] is True
    assert time.monotonic() - started < 0.5


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
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert time.monotonic() - started < 1  # nothing waited for the engine
    assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()
