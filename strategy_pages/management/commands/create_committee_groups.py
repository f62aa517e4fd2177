from django.core.management.base import BaseCommand

from strategy_pages.models import CommitteePage
from strategy_pages.permissions import committee_editor_group


class Command(BaseCommand):
    help = (
        "Create one editor group per committee page, allowed to edit only that committee's subtree."
    )

    def handle(self, *args, **options):
        for page in CommitteePage.objects.select_related("committee"):
            group = committee_editor_group(page)
            self.stdout.write(f"{group.name}: {page.url_path}")
