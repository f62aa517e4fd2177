"""The search app's settings, with their defaults, read in one place.

STRATEGY_SEARCH_URL            an OpenSearch or Elasticsearch node, or several nodes of one
                               cluster separated by commas; empty → the database backend
STRATEGY_SEARCH_BACKEND        which official client talks to it (see `engine.clients.CLIENTS`)
STRATEGY_SEARCH_INDEX_PREFIX   prefix of every index and alias name, one per environment
STRATEGY_SEARCH_TIMEOUT        seconds an index request (the worker's) may take
STRATEGY_SEARCH_QUERY_TIMEOUT  seconds a search waits for the engine's answer before the
                               database answers instead
STRATEGY_SEARCH_CONNECT_TIMEOUT  seconds a search waits for a connection to the engine (an
                               engine that does not accept one is down, not slow)
STRATEGY_SEARCH_BREAKER_FAILURES  slow answers in a row after which searches skip the engine
STRATEGY_SEARCH_BREAKER_FAILURE_RATE  share of the last 20 searches that may fail (from 10 on)
                               before searches skip the engine
STRATEGY_SEARCH_BREAKER_REST   seconds searches skip the engine once it is down or tripped
STRATEGY_SEARCH_REPLICAS       replicas of the page index (0 on one node; 1 or more on a cluster)
STRATEGY_SEARCH_SCOPE          "plugin": the plugin's page types in the current site; "site":
                               every page type of the current site
STRATEGY_SEARCH_LOGIN_REQUIRED True or False; None follows the host: login is required when
                               the host requires it for every view (LoginRequiredMiddleware)
STRATEGY_SEARCH_COMPOUND_WORDS a Swedish word list (one word per line, UTF-8 or Latin-1, e.g.
                               /usr/share/dict/swedish) that compound words are split by
STRATEGY_SEARCH_STATS_DELAY    seconds after which searches are counted for the editors' reports,
                               together and off the request; 0 → counted with each search
STRATEGY_SEARCH_HEALTH_TOKEN   a secret that monitoring sends as "Authorization: Bearer …" to
                               see error details in /healthz, as staff do; empty → staff only
"""

from functools import cache

from django.conf import settings

DEFAULTS = {
    "STRATEGY_SEARCH_URL": "",
    "STRATEGY_SEARCH_BACKEND": "opensearch2",
    "STRATEGY_SEARCH_INDEX_PREFIX": "intranet_",
    "STRATEGY_SEARCH_TIMEOUT": 5,
    "STRATEGY_SEARCH_QUERY_TIMEOUT": 2,
    "STRATEGY_SEARCH_CONNECT_TIMEOUT": 0.5,
    "STRATEGY_SEARCH_BREAKER_FAILURES": 3,
    "STRATEGY_SEARCH_BREAKER_FAILURE_RATE": 0.5,
    "STRATEGY_SEARCH_BREAKER_REST": 10,
    "STRATEGY_SEARCH_REPLICAS": 0,
    "STRATEGY_SEARCH_SCOPE": "plugin",
    "STRATEGY_SEARCH_LOGIN_REQUIRED": None,
    "STRATEGY_SEARCH_HEALTH_TOKEN": "",
    "STRATEGY_SEARCH_COMPOUND_WORDS": "",
    "STRATEGY_SEARCH_STATS_DELAY": 2,
}
SCOPES = ("plugin", "site")
#: The TASKS alias and queue of the search index updates.
TASK_BACKEND = "strategy_search"
TASK_QUEUE = "search-index"
LOGIN_REQUIRED_MIDDLEWARE = "django.contrib.auth.middleware.LoginRequiredMiddleware"


def search_setting(name):
    return getattr(settings, name, DEFAULTS[name])


def engine_configured():
    return bool(search_setting("STRATEGY_SEARCH_URL"))


def search_requires_login():
    required = search_setting("STRATEGY_SEARCH_LOGIN_REQUIRED")
    if required is None:
        return LOGIN_REQUIRED_MIDDLEWARE in settings.MIDDLEWARE
    return bool(required)


def searches_whole_site():
    return search_setting("STRATEGY_SEARCH_SCOPE") == "site"


def pages_alias():
    """The alias searches go through; it points at one concrete index at a time."""
    return f"{search_setting('STRATEGY_SEARCH_INDEX_PREFIX')}pages"


def building_alias():
    """Points at the index a rebuild is filling, while it runs."""
    return f"{pages_alias()}_building"


def engine():
    """The adapter for the configured engine, one per configuration."""
    return _engine(
        search_setting("STRATEGY_SEARCH_URL"),
        search_setting("STRATEGY_SEARCH_BACKEND"),
        float(search_setting("STRATEGY_SEARCH_TIMEOUT")),
    )


@cache
def _engine(url, backend, timeout):
    from .engine.clients import connect

    return connect(url, backend, timeout)
