import time

from django.conf import settings
from django.core.management.base import BaseCommand

from intranet.demo.corpus import CorpusGenerator
from intranet.demo.site import build_demo_site
from strategy_pages.models import NetworkNewsPage, ProjectShowcasePage
from strategy_pages.planner_statistics import refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Generate a large deterministic corpus of showcases and news across all committees, "
        "on top of the demo site. Running it again only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--showcases", type=int, default=5000)
        parser.add_argument("--news", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2040)

    def handle(self, *args, showcases, news, seed, **options):
        build_demo_site(settings.DEMO_PASSWORD)
        generator = CorpusGenerator(seed)
        started = time.perf_counter()
        made = generator.generate(
            ProjectShowcasePage, showcases, generator.create_showcase, self._progress("showcases")
        )
        made += generator.generate(
            NetworkNewsPage, news, generator.create_news, self._progress("news items")
        )
        elapsed = time.perf_counter() - started
        refresh_planner_statistics()
        rate = made / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(f"Created {made} pages in {elapsed:.1f} s ({rate:.0f} pages/s).")
        )

    def _progress(self, label):
        def report(done):
            self.stdout.write(f"  {label}: {done}")

        return report
