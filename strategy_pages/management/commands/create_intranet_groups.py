from django.core.management.base import BaseCommand

from strategy_pages.roles import set_up_roles


class Command(BaseCommand):
    help = (
        "Create or update the intranet's groups: staff, network editors, coordinators and one "
        "editor group per committee, with their rights and the coordinators' review. "
        "Safe to run again; Wagtail's default Editors and Moderators lose their rights over "
        "the intranet."
    )

    def handle(self, *args, **options):
        for group in set_up_roles():
            places = sorted(
                {p.page.url_path for p in group.page_permissions.select_related("page")}
            )
            self.stdout.write(f"{group.name}: {', '.join(places) or '-'}")
