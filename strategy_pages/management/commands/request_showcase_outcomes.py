from django.core.management.base import BaseCommand, CommandError

from strategy_pages.follow_up.outcomes import NoBaseURLError, request_outcomes


class Command(BaseCommand):
    help = (
        "Email the editors of each committee whose projects have ended without their results, "
        "lessons learned and transferability, asking them to write them down. Each project is "
        "asked about once; a failed email is tried again on the next run. Run it daily."
    )

    def handle(self, **options):
        try:
            report = request_outcomes()
        except NoBaseURLError as error:
            raise CommandError(f"No outcome requests were sent. {error}") from error
        self.stdout.write(
            f"Outcome requests sent: {report.sent}; failed: {report.failed}; "
            f"without anyone to ask: {report.without_recipient}."
        )
        if report.failed:
            raise CommandError(f"{report.failed} outcome requests were not sent; see the log.")
