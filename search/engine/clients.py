"""One thin adapter per official client, so the rest of the search layer speaks to any engine.

OpenSearch (opensearch-py) and Elasticsearch 7 (elasticsearch 7.x) take request bodies; the
Elasticsearch 8 and 9 clients take the body's parts as keyword arguments.
"""

from importlib import import_module

from django.core.exceptions import ImproperlyConfigured
from urllib3 import Timeout

CLIENTS = {
    "opensearch2": ("opensearchpy", "OpenSearch", "opensearch-py"),
    "opensearch3": ("opensearchpy", "OpenSearch", "opensearch-py"),
    "elasticsearch7": ("elasticsearch", "Elasticsearch", "elasticsearch>=7,<8"),
    "elasticsearch8": ("elasticsearch", "Elasticsearch", "elasticsearch>=8,<9"),
    "elasticsearch9": ("elasticsearch", "Elasticsearch", "elasticsearch>=9,<10"),
}
KEYWORD_BODY_BACKENDS = {"elasticsearch8", "elasticsearch9"}


class EngineAdapter:
    """The handful of engine calls the search layer makes, in the body-taking style."""

    def __init__(self, client, helpers, errors, timeouts):
        self.client = client
        self._helpers = helpers
        #: Exceptions that mean "the engine did not answer as asked" (down, timeout, refused).
        self.errors = errors
        #: The ones that mean it was reached but answered too late.
        self._timeouts = timeouts

    def answered_too_late(self, error):
        return isinstance(error, self._timeouts)

    def search(self, index, body, timeout=None, connect_timeout=None):
        """`timeout` bounds the wait for the answer; `connect_timeout`, when given, the wait for
        a connection, so an engine that is down is told apart from one that is slow."""
        if timeout and connect_timeout:
            timeout = Timeout(connect=connect_timeout, read=timeout)
        options = {"request_timeout": timeout} if timeout else {}
        return self.client.search(index=index, body=body, **options)

    def create_index(self, name, body):
        self.client.indices.create(index=name, body=body)

    def delete_index(self, name):
        self.client.indices.delete(index=name, ignore_unavailable=True)

    def update_aliases(self, actions):
        self.client.indices.update_aliases(body={"actions": actions})

    def indexes_behind(self, alias):
        if not self.client.indices.exists_alias(name=alias):
            return []
        return sorted(self.client.indices.get_alias(name=alias))

    def index_exists(self, name):
        return self.client.indices.exists(index=name)

    def put_settings(self, name, settings):
        self.client.indices.put_settings(index=name, body=settings)

    def refresh(self, name):
        self.client.indices.refresh(index=name)

    def bulk(self, actions, refresh=False):
        """Apply index, create and delete actions. A delete of a missing document is not an
        error, nor a create of one that exists (a newer copy got there first)."""
        return self._helpers.bulk(
            self.client,
            actions,
            refresh="wait_for" if refresh else False,
            raise_on_error=True,
            ignore_status=(404, 409),
            chunk_size=500,
            max_chunk_bytes=20 * 1024 * 1024,
        )

    def fingerprints(self, index):
        """{document id: fingerprint} of every document, to compare the index with the
        database."""
        hits = self._helpers.scan(
            self.client, index=index, query={"_source": ["fingerprint"]}, size=1000
        )
        return {hit["_id"]: hit["_source"].get("fingerprint") for hit in hits}

    def health(self, timeout=1):
        return self.client.cluster.health(request_timeout=timeout)


class KeywordBodyAdapter(EngineAdapter):
    """Elasticsearch 8/9: the same calls with the body spread into keyword arguments."""

    def search(self, index, body, timeout=None, connect_timeout=None):
        """The Elasticsearch 8/9 transport takes one timeout for connecting and answering."""
        client = self.client.options(request_timeout=timeout) if timeout else self.client
        return client.search(index=index, **body)

    def create_index(self, name, body):
        self.client.indices.create(index=name, **body)

    def update_aliases(self, actions):
        self.client.indices.update_aliases(actions=actions)

    def put_settings(self, name, settings):
        self.client.indices.put_settings(index=name, settings=settings)

    def health(self, timeout=1):
        return self.client.options(request_timeout=timeout).cluster.health()


def connect(url, backend, timeout):
    """An adapter for the engine at `url` (one node, or several of a cluster separated by
    commas), with the official client `backend` names."""
    if backend not in CLIENTS:
        raise ImproperlyConfigured(
            f"STRATEGY_SEARCH_BACKEND must be one of {', '.join(CLIENTS)}, not {backend!r}."
        )
    module_name, class_name, requirement = CLIENTS[backend]
    try:
        module = import_module(module_name)
    except ImportError as error:
        raise ImproperlyConfigured(
            f"STRATEGY_SEARCH_BACKEND={backend} needs the official client: "
            f"pip install '{requirement}'."
        ) from error
    hosts = [host.strip() for host in url.split(",") if host.strip()]
    helpers = import_module(f"{module_name}.helpers")
    errors = (module.TransportError, module.ConnectionError, helpers.BulkIndexError)
    timeouts = (module.ConnectionTimeout,)
    client_class = getattr(module, class_name)
    if backend in KEYWORD_BODY_BACKENDS:
        client = client_class(hosts, request_timeout=timeout, max_retries=0)
        return KeywordBodyAdapter(client, helpers, (*errors, module.ApiError), timeouts)
    # With several nodes, a request that fails on one is tried on the next.
    retries = len(hosts) - 1
    client = client_class(hosts, timeout=timeout, max_retries=retries, retry_on_timeout=False)
    return EngineAdapter(client, helpers, errors, timeouts)
