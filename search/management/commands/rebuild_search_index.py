from django.core.management.base import BaseCommand, CommandError

from search.conf import engine_configured, pages_alias
from search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Index every live page into a new engine index and switch the search alias to it; "
        "search keeps answering from the old index until the switch."
    )

    def handle(self, *args, **options):
        if not engine_configured():
            raise CommandError("STRATEGY_SEARCH_URL is not set: no search engine to index into.")
        report = rebuild()
        self.stdout.write(
            f"Indexed {report.documents} pages into {report.index} in {report.seconds:.1f} s "
            f"({report.per_second:.0f} pages/s); {pages_alias()} now points at it."
        )
