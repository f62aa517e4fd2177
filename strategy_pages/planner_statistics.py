"""Keeping the database's query planner statistics current after large changes.

Without them SQLite scans every page row for a subtree query (`descendant_of`), and PostgreSQL
plans from whatever it last sampled. Run after migrations, loads and imports, and on a schedule
(docs/deployment.md)."""

from django.db import connections

STATEMENTS = {"sqlite": ["ANALYZE", "PRAGMA optimize"], "postgresql": ["ANALYZE"]}


def refresh_planner_statistics(using="default"):
    """Refresh the planner's statistics; returns the statements run (none on other databases)."""
    connection = connections[using]
    statements = STATEMENTS.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return statements


def refresh_after_migrate(sender, using="default", **kwargs):
    refresh_planner_statistics(using)
