"""A slow answer from the engine costs one search, not the next ones; a warm start costs none."""

import socket
import threading

import pytest

import search.query
from search.breaker import Breaker
from search.indexing import rebuild
from search.query import warm_up

#: The breaker's own handling of a failure, before an engine test replaces it with a failure.
NOTE_FAILURE = search.query.engine_failed


class HoldingProxy:
    """A loopback proxy to the real engine that holds the first `hold` connections without ever
    answering (the engine "answers too late"), and passes the others through."""

    def __init__(self, target, hold):
        host, port = target.removeprefix("http://").rstrip("/").split(":")
        self.target = (host, int(port))
        self.hold = hold
        self.connections = 0
        self._held = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def _accept(self):
        while not self._stop.is_set():
            try:
                client, _address = self._server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            if self.connections <= self.hold:
                self._held.append(client)
                continue
            upstream = socket.create_connection(self.target)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        for connection in self._held:
            connection.close()
        self._server.close()


@pytest.fixture
def proxy(search_engine, settings):
    proxies = []

    def start(hold):
        proxy = HoldingProxy(settings.STRATEGY_SEARCH_URL, hold)
        proxies.append(proxy)
        settings.STRATEGY_SEARCH_URL = proxy.url
        return proxy

    yield start
    for proxy in proxies:
        proxy.close()


@pytest.fixture
def engine_may_fail(monkeypatch):
    """These tests make the engine fail on purpose: let the database answer for it."""
    monkeypatch.setattr(search.query, "engine_failed", NOTE_FAILURE)


@pytest.mark.search_engine
def test_a_slow_answer_then_a_fast_one_gives_no_limited_notice(
    corpus, staff_client, settings, proxy, engine_may_fail
):
    rebuild()
    held = proxy(hold=1)
    settings.STRATEGY_SEARCH_QUERY_TIMEOUT = 0.5  # the held answer never comes
    first = staff_client.get("/sok/", {"q": "förskolan"}).content.decode()
    assert "Begränsad sökning" in first
    settings.STRATEGY_SEARCH_QUERY_TIMEOUT = 60  # the next one may take what it needs
    second = staff_client.get("/sok/", {"q": "förskolan"}).content.decode()
    assert "Begränsad sökning" not in second
    assert "Kompetensutbyte inom <mark>förskolan</mark>" in second
    assert held.connections == 2


@pytest.mark.search_engine
def test_the_first_search_after_a_start_uses_the_connection_opened_at_start(
    corpus, staff_client, proxy
):
    rebuild()
    counted = proxy(hold=0)
    warm_up()
    assert counted.connections == 1
    data = staff_client.get("/api/search/", {"q": "förskolan"}).json()
    assert data["limited"] is False and data["total"] >= 1
    assert counted.connections == 1


@pytest.mark.parametrize(
    ("outcomes", "trips"),
    [
        ("ok fail ok fail ok fail ok fail ok fail", True),  # half of the last ten failed
        ("ok ok ok fail ok ok ok fail ok ok ok fail", False),
        ("fail fail ok fail fail ok", False),  # never three in a row, too few for a rate
        ("ok fail fail fail", True),
    ],
)
def test_the_breaker_trips_on_failures_in_a_row_or_a_failure_rate(outcomes, trips, settings):
    settings.STRATEGY_SEARCH_BREAKER_FAILURES = 3
    settings.STRATEGY_SEARCH_BREAKER_FAILURE_RATE = 0.5
    breaker = Breaker()
    breaker.reset()
    for outcome in outcomes.split():
        if outcome == "ok":
            breaker.answered()
        else:
            breaker.failed(TimeoutError("slow"), slow=True)
    assert breaker.resting() is trips
