"""How search is doing, for the health endpoint and the admin: engine and update queue."""

from .conf import engine, engine_configured, pages_alias
from .updates import queue_status

ENGINE_CHECK_TIMEOUT = 1


def engine_status():
    """'unconfigured', or the cluster's health colour, or 'unreachable'."""
    if not engine_configured():
        return {"status": "unconfigured"}
    adapter = engine()
    try:
        health = adapter.health(timeout=ENGINE_CHECK_TIMEOUT)
        indexes = adapter.indexes_behind(pages_alias())
    except adapter.errors as error:
        return {"status": "unreachable", "error": str(error)[:300]}
    return {
        "status": health["status"],
        "nodes": health["number_of_nodes"],
        "index": indexes[0] if indexes else None,
    }


def search_status():
    return {"engine": engine_status(), "queue": queue_status().as_json()}
