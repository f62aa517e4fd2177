"""The search app's settings, with their defaults, read in one place.

SEARCH_URL         an OpenSearch or Elasticsearch node; empty → the database backend
SEARCH_BACKEND     which official client talks to it (see `engine.clients.CLIENTS`)
SEARCH_INDEX_PREFIX  prefix of every index and alias name, one per environment
SEARCH_TIMEOUT     seconds an index request (the worker's) may take
SEARCH_QUERY_TIMEOUT  seconds a search may take before the database answers instead
SEARCH_REPLICAS    replicas of the page index (0 on one node; 1 or more on a cluster)
SEARCH_URL may name several nodes of one cluster, separated by commas.
"""

from functools import cache

from django.conf import settings

DEFAULTS = {
    "SEARCH_URL": "",
    "SEARCH_BACKEND": "opensearch2",
    "SEARCH_INDEX_PREFIX": "intranet_",
    "SEARCH_TIMEOUT": 5,
    "SEARCH_QUERY_TIMEOUT": 0.6,
    "SEARCH_REPLICAS": 0,
}


def search_setting(name):
    return getattr(settings, name, DEFAULTS[name])


def engine_configured():
    return bool(search_setting("SEARCH_URL"))


def pages_alias():
    """The alias searches go through; it points at one concrete index at a time."""
    return f"{search_setting('SEARCH_INDEX_PREFIX')}pages"


def building_alias():
    """Points at the index a rebuild is filling, while it runs."""
    return f"{pages_alias()}_building"


def engine():
    """The adapter for the configured engine, one per configuration."""
    return _engine(
        search_setting("SEARCH_URL"),
        search_setting("SEARCH_BACKEND"),
        float(search_setting("SEARCH_TIMEOUT")),
    )


@cache
def _engine(url, backend, timeout):
    from .engine.clients import connect

    return connect(url, backend, timeout)
