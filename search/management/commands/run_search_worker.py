from django.core.management import call_command
from django.core.management.base import BaseCommand

from search.tasks import BACKEND, QUEUE, schedule_apply


class Command(BaseCommand):
    help = (
        "Apply recorded search index updates as they come, retrying while the engine is down "
        "(django-tasks' database worker on the search-index queue)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0.2, help="seconds between polls")
        parser.add_argument("--batch", action="store_true", help="apply what is due, then exit")

    def handle(self, *args, interval, batch, **options):
        schedule_apply()  # whatever was recorded while no worker ran
        arguments = ["--backend", BACKEND, "--queue-name", QUEUE, "--interval", str(interval)]
        arguments += ["--no-startup-delay", "--no-reload", *(["--batch"] if batch else [])]
        call_command("db_worker", *arguments, verbosity=options["verbosity"])
