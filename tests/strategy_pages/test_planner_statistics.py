"""The query planner's statistics are refreshed, so subtree queries use the path index."""

from django.core.management import call_command
from django.db import connection

from strategy_pages.planner_statistics import refresh_planner_statistics


def analysed_page_table():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'wagtailcore_page'")
        else:
            cursor.execute(
                "SELECT count(*) FROM pg_stats WHERE tablename = 'wagtailcore_page'"
                " AND attname = 'path'"
            )
        return cursor.fetchone()[0] > 0


def test_refreshing_records_statistics_of_the_page_table(tree):
    assert refresh_planner_statistics()
    assert analysed_page_table()


def test_the_command_says_what_it_ran(tree, capsys):
    call_command("refresh_planner_statistics")
    assert "ANALYZE" in capsys.readouterr().out
