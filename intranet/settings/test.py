"""Test settings: the database comes from DATABASE_URL (SQLite by default, PostgreSQL in CI)."""

import atexit
import shutil
import tempfile

import django

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="intranet-test-media-")
# Each test process has a media folder of its own, gone when the process ends.
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
ALLOWED_HOSTS = ["*"]

# Tests search the database; engine tests switch to the node at SEARCH_URL themselves, each with
# indexes of its own prefix.
STRATEGY_SEARCH_URL = ""
# Searches are counted for the reports with each search, so a test sees them at once.
STRATEGY_SEARCH_STATS_DELAY = 0

# Index updates are applied right after each commit in the test's own thread; the worker's
# tests switch to the database queue. The search task takes the task class of this backend when
# it is imported, and from Django 6 on django-tasks-db accepts only Django's own tasks.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "strategy_search": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if django.VERSION >= (6, 0)
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["search-index"],
    },
}
