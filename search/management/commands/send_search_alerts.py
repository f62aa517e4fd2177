from django.core.management.base import BaseCommand, CommandError

from search.alerts import send_due_digests


class Command(BaseCommand):
    help = (
        "Email each user the pages published or updated in the searches they follow since "
        "their previous digest, for the searches that are due (daily or weekly). Run it daily; "
        "running it again the same day sends nothing."
    )

    def handle(self, **options):
        report = send_due_digests()
        self.stdout.write(f"Digests sent: {report.sent}; failed: {report.failed}.")
        if report.failed:
            raise CommandError(f"{report.failed} digests were not sent; see the log.")
