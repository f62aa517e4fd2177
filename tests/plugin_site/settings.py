"""A bare Wagtail site that installs only the plugin apps, as the README's plugin section says.

It proves that `strategy_pages` and `search` work without the host site package (`intranet`).
"""

import atexit
import shutil
import tempfile
from pathlib import Path

import environ

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
env = environ.Env()

SECRET_KEY = "plugin-site-test-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "tests.plugin_site.urls"

INSTALLED_APPS = [
    # The plugin:
    "strategy_pages",
    "search.apps.StrategySearchConfig",
    "strategy_pages.plone_import",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "django_filters",
    "django_tasks_db",
    # A stock Wagtail site:
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "strategy_search": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["search-index"]},
}
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The host's own base.html; the plugin's templates come from its apps.
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///:memory:")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "sv"
USE_TZ = True
STATIC_URL = "/static/"
MEDIA_ROOT = tempfile.mkdtemp(prefix="plugin-site-media-")
# Each test process has a media folder of its own, gone when the process ends.
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
WAGTAIL_SITE_NAME = "Värdsajt"
WAGTAILADMIN_BASE_URL = "http://localhost"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
