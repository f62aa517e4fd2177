"""Wagtail's database search backend, understanding Swedish.

Set it as the host's default backend:

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

It is modelsearch's backend for the database in use (SQLite's FTS5 or PostgreSQL's full-text
search), with each query word matched by its Swedish stem (see `search.swedish`): the intranet's
search while no engine is configured or reachable, and the admin's page search. Other databases
get modelsearch's backend unchanged.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as modelsearch_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import SwedishPostgresSearchBackend

        return SwedishPostgresSearchBackend(params)
    backend = modelsearch_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import SwedishSQLiteSearchBackend

        return SwedishSQLiteSearchBackend(params)
    return backend
