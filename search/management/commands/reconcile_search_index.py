from django.core.management.base import BaseCommand, CommandError

from search.conf import engine_configured
from search.reconcile import find_drift, repair

SHOWN = 20


class Command(BaseCommand):
    help = (
        "Compare the search index with the live pages in the database: report missing, stale "
        "and orphaned documents and repair them. Run it on a schedule in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report only, repair nothing")

    def handle(self, *args, dry_run, **options):
        if not engine_configured():
            raise CommandError("STRATEGY_SEARCH_URL is not set: no search index to reconcile.")
        drift = find_drift()
        for label, ids in (
            ("missing", drift.missing),
            ("stale", drift.stale),
            ("orphaned", drift.orphaned),
        ):
            shown = ", ".join(map(str, ids[:SHOWN])) + (" …" if len(ids) > SHOWN else "")
            self.stdout.write(f"{label}: {len(ids)}" + (f" (page ids {shown})" if ids else ""))
        if not drift:
            self.stdout.write("The index equals the database.")
        elif dry_run:
            self.stdout.write("Dry run: nothing repaired.")
        else:
            repair(drift)
            self.stdout.write(f"Repaired {len(drift.page_ids)} documents.")
