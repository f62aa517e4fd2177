"""The index worker's task, run by django-tasks' database worker:

manage.py run_search_worker     (wraps: manage.py db_worker --queue-name search-index)
"""

from django.utils import timezone

try:
    from django.tasks import task  # Django 6
except ImportError:
    from django_tasks import task

from .conf import TASK_BACKEND, TASK_QUEUE
from .updates import apply_due_updates, next_attempt_at

BACKEND, QUEUE = TASK_BACKEND, TASK_QUEUE


@task(backend=BACKEND, queue_name=QUEUE)
def apply_index_updates():
    """Apply what is due; if something failed, come back when its pause is over."""
    report = apply_due_updates()
    retry_at = next_attempt_at() if report.failed or report.remaining else None
    if retry_at is not None:
        schedule_apply(run_after=max(retry_at, timezone.now()))
    return {"applied": report.applied, "failed": report.failed, "remaining": report.remaining}


def schedule_apply(run_after=None):
    """Ask the worker to apply the pending updates (at `run_after`, or now), unless it has
    been asked already; a backend that cannot defer leaves retries to the next edit or the
    reconcile schedule."""
    backend = apply_index_updates.get_backend()
    if run_after is not None and not backend.supports_defer:
        return
    if run_after is None and _already_asked(backend):
        return
    task_ = apply_index_updates.using(run_after=run_after) if run_after else apply_index_updates
    task_.enqueue()


def _already_asked(backend):
    if not backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 - only with that backend

    return DBTaskResult.objects.ready().filter(task_path=apply_index_updates.module_path).exists()
