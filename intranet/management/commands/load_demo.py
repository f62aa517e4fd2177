from django.conf import settings
from django.core.management.base import BaseCommand

from intranet.demo.site import build_demo_site
from strategy_pages.models import Committee, NetworkNewsPage, ProjectShowcasePage
from strategy_pages.planner_statistics import refresh_planner_statistics


class Command(BaseCommand):
    help = "Build the demo intranet from the 2016 strategy consultation. Safe to run again."

    def handle(self, *args, **options):
        build_demo_site(settings.DEMO_PASSWORD)
        refresh_planner_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {Committee.objects.count()} committees, "
                f"{ProjectShowcasePage.objects.count()} showcases, "
                f"{NetworkNewsPage.objects.count()} news items."
            )
        )
