"""Settings shared by every environment; everything configurable is read from the environment."""

import datetime
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "intranet",
    # The plugin: content, the Plone importer and the search layer.
    "strategy_pages",
    "strategy_pages.plone_import",
    "search.apps.StrategySearchConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
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
    "django_filters",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A calendar feed address with the user's feed secret opens without a login.
    "search.middleware.CalendarFeedTokenMiddleware",
    # The intranet is closed: every view needs a login unless marked login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "intranet.middleware.AbsoluteSessionLimitMiddleware",
    # Which site a request is for, from the cache instead of a query on every request.
    "strategy_pages.sites.CachedSiteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "intranet.middleware.RedirectsForLoggedInUsersMiddleware",
    # Last, as django-axes asks: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]
# The front end runs only its own scripts and styles: nothing inline, nothing from elsewhere,
# so injected markup cannot run. Wagtail's admin brings inline scripts and keeps its own rules.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        # Videos in page bodies play in the video services' own players.
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "intranet.sso.PasswordBackend",
    "intranet.sso.CityAccountBackend",
]
# Five wrong passwords for one user name from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_CALLABLE = "intranet.throttling.attempted_username"

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A shared cache (redis://, pymemcache:// or dbcache://) in production, so every worker sees
# the same navigation and sessions.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sessions are read from the cache and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# However active, a session ends this long after sign-in (the idle timeout is SESSION_COOKIE_AGE).
SESSION_ABSOLUTE_AGE = env.int("SESSION_ABSOLUTE_AGE", default=60 * 60 * 12)
LOGIN_URL = "login"
CSRF_FAILURE_VIEW = "intranet.views.csrf_failure"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Local passwords (Django's own login) can be switched off once everyone uses single sign-on.
LOCAL_PASSWORD_LOGIN = env.bool("LOCAL_PASSWORD_LOGIN", default=True)
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = LOCAL_PASSWORD_LOGIN
WAGTAIL_PASSWORD_RESET_ENABLED = LOCAL_PASSWORD_LOGIN

# Single sign-on with the city's account through its OpenID Connect provider (mozilla-django-oidc,
# intranet/sso.py). On when OIDC_RP_CLIENT_ID is set; then the secret and the endpoints must be
# set too, and the settings refuse to load without them.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
required_with_sso = {} if OIDC_RP_CLIENT_ID else {"default": ""}
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", **required_with_sso)
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", **required_with_sso)
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", **required_with_sso)
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", **required_with_sso)
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", **required_with_sso)
# The provider's end_session_endpoint: logging out here logs out there too.
OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT", default="")
OIDC_OP_LOGOUT_URL_METHOD = "intranet.sso.provider_logout_url"
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", default="preferred_username")
OIDC_GROUPS_CLAIM = env("OIDC_GROUPS_CLAIM", default="groups")
# Names of the groups whose membership follows the groups claim, separated by semicolons since
# names may hold commas; empty means every group.
OIDC_MANAGED_GROUPS = [
    name.strip() for name in env("OIDC_MANAGED_GROUPS", default="").split(";") if name.strip()
]
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # the provider's logout needs it as a hint
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT", default=10)

LANGUAGE_CODE = "sv"
# Fills the gaps in Wagtail's own Swedish admin strings.
LOCALE_PATHS = [BASE_DIR / "intranet" / "locale"]
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Image renditions live under MEDIA_ROOT like the rest, but are served by intranet.media.
    "renditions": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"base_url": "/bilder/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Internationellt arbete – Stockholms stad"
# Review requests, approvals and rejections reach editors by e-mail, e.g.
# EMAIL_URL=smtp+tls://user:password@smtp.example.org:587; printed to the console by default.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="intranet@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)
# Formats a browser shows as a picture only; SVG could carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DOCUMENT_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=50 * 1024 * 1024)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "intranet.uploads.SizeLimitedDocumentForm"
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Search statistics are kept as long as the editors' reports look back.
WAGTAILSEARCH_HITS_MAX_AGE = 90
# Search: the search app's own index on an OpenSearch or Elasticsearch node at SEARCH_URL; with
# none, the search page uses Wagtail's database backend. The admin always searches the database.
STRATEGY_SEARCH_URL = env("SEARCH_URL", default="")
STRATEGY_SEARCH_BACKEND = env("SEARCH_BACKEND", default="opensearch2")
STRATEGY_SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="intranet_")
STRATEGY_SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=5)
STRATEGY_SEARCH_QUERY_TIMEOUT = env.float("SEARCH_QUERY_TIMEOUT", default=2)
STRATEGY_SEARCH_CONNECT_TIMEOUT = env.float("SEARCH_CONNECT_TIMEOUT", default=0.5)
STRATEGY_SEARCH_BREAKER_FAILURES = env.int("SEARCH_BREAKER_FAILURES", default=3)
STRATEGY_SEARCH_BREAKER_FAILURE_RATE = env.float("SEARCH_BREAKER_FAILURE_RATE", default=0.5)
STRATEGY_SEARCH_BREAKER_REST = env.float("SEARCH_BREAKER_REST", default=10)
STRATEGY_SEARCH_REPLICAS = env.int("SEARCH_REPLICAS", default=0)
# Debian's wswedish word list (GPL, installed on the server, not shipped with the plugin); the
# curated parts in search/compound_parts.txt alone when it is missing.
STRATEGY_SEARCH_COMPOUND_WORDS = env("SEARCH_COMPOUND_WORDS", default="/usr/share/dict/swedish")
STRATEGY_SEARCH_HEALTH_TOKEN = env("HEALTH_TOKEN", default="")
STRATEGY_SEARCH_STATS_DELAY = env.float("SEARCH_STATS_DELAY", default=2)
# The intranet is the plugin's own site: its start page is the site's root page.
STRATEGY_PAGES_PARENT_PAGE_TYPES = []
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# Wagtail's own background work runs in the request, as before; search index updates are
# recorded with each edit and applied by `manage.py run_search_worker` from the database queue.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "strategy_search": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["search-index"]},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Routine task runs, page publishing and every engine request are logged at INFO; keep the
    # log for what needs attention.
    "loggers": {
        name: {"level": "WARNING"}
        for name in (
            "django_tasks",
            "django.tasks",
            "wagtail",
            "opensearch",
            "elasticsearch",
            "axes",
        )
    },
}

DEMO_PASSWORD = env("DEMO_PASSWORD", default="international-2040")
