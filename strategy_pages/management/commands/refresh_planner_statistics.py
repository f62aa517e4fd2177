from django.core.management.base import BaseCommand

from strategy_pages.planner_statistics import refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Refresh the database's query planner statistics (ANALYZE; on SQLite also PRAGMA "
        "optimize). Run it nightly and after large loads; migrate and imports run it themselves."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args, database, **options):
        statements = refresh_planner_statistics(database)
        done = ", ".join(statements) or "nothing to do for this database"
        self.stdout.write(self.style.SUCCESS(f"Planner statistics refreshed: {done}."))
