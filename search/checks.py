"""System checks that say exactly what a host site must add for search to work."""

from django.conf import settings
from django.core import checks

from .conf import SCOPES, search_setting
from .conf import TASK_BACKEND as BACKEND
from .conf import TASK_QUEUE as QUEUE

TASKS_SNIPPET = (
    f'TASKS = {{**globals().get("TASKS", {{}}), "{BACKEND}": '
    f'{{"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["{QUEUE}"]}}}}'
)
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def register():
    checks.register(check_task_backend, checks.Tags.compatibility)
    checks.register(check_settings, checks.Tags.compatibility)
    checks.register(check_database_backend, checks.Tags.compatibility)
    checks.register(check_shared_cache, checks.Tags.caches, deploy=True)


def check_task_backend(app_configs=None, **kwargs):
    backend = getattr(settings, "TASKS", {}).get(BACKEND)
    if backend is None:
        return [
            checks.Error(
                f"TASKS has no {BACKEND!r} backend for the search index updates.",
                hint=f"Add it beside your own task backends: {TASKS_SNIPPET}",
                id="strategy_search.E001",
            )
        ]
    if QUEUE not in backend.get("QUEUES", [QUEUE]):
        return [
            checks.Error(
                f"TASKS[{BACKEND!r}] does not serve the {QUEUE!r} queue.",
                hint=f'Add "{QUEUE}" to its QUEUES.',
                id="strategy_search.E002",
            )
        ]
    return []


def check_settings(app_configs=None, **kwargs):
    scope = search_setting("STRATEGY_SEARCH_SCOPE")
    if scope not in SCOPES:
        return [
            checks.Error(
                f"STRATEGY_SEARCH_SCOPE is {scope!r}.",
                hint=f"Use one of {', '.join(map(repr, SCOPES))}.",
                id="strategy_search.E003",
            )
        ]
    return []


SWEDISH_DATABASE_BACKEND = "search.backends.database"


def check_database_backend(app_configs=None, **kwargs):
    """Without an engine, or while it is down, searches go to Wagtail's default backend."""
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    default = backends.get("default", {}).get("BACKEND", "wagtail.search.backends.database")
    if default in ("wagtail.search.backends.database", "modelsearch.backends.database"):
        return [
            checks.Warning(
                "Searches without an engine will not understand Swedish inflections.",
                hint="Set WAGTAILSEARCH_BACKENDS = "
                f'{{"default": {{"BACKEND": "{SWEDISH_DATABASE_BACKEND}"}}}}: the same '
                "database backend, with query words matched by their Swedish stems.",
                id="strategy_search.W002",
            )
        ]
    return []


def check_shared_cache(app_configs=None, **kwargs):
    """Restrictions, synonyms and facet labels are cached; a per-process cache lets another
    process show a page that was restricted a moment ago."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                "The default cache is private to each process.",
                hint="Use a cache every server process shares (Redis, Memcached or the "
                "database cache) so that a change to who may see a page reaches every process.",
                id="strategy_search.W001",
            )
        ]
    return []
