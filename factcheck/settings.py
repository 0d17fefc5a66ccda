"""Settings for factcheck, read from the environment.

With no environment at all the app runs on embedded defaults: SQLite in the
project folder and Celery on kombu's filesystem transport, so a laptop needs no
services. Production sets DEBUG=false and must then provide SECRET_KEY and
ALLOWED_HOSTS, normally with DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL
(Redis or RabbitMQ).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envsecret(name: str) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE (docker secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name) or None


DEBUG = envbool("DEBUG", True)

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    SECRET_KEY = "insecure-development-key-never-used-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is false")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "articles",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body or the database (factcheck.faults).
    "factcheck.faults.refuse_oversized_bodies",
    "factcheck.faults.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "factcheck.security.content_security_policy",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker write to the same file: wait for the lock
    # instead of failing, and let readers proceed while a writer works.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so that a worker process can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
else:
    # The planner's default assumes spinning disks and then prefers hash joins over whole
    # tables to index lookups: the API's citation query was one of them.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c random_page_cost=1.1"
    # A database host that does not answer fails a connection in seconds, not minutes.
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = envint("DB_CONNECT_TIMEOUT", 5)
# While the database is down, requests that need it answer 503 asking to come back after this.
DATABASE_RETRY_AFTER_SECONDS = envint("DATABASE_RETRY_AFTER_SECONDS", 30)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:list"
LOGOUT_REDIRECT_URL = "login"
# Failed logins (factcheck.logins): after this many for one username, or from one address,
# logins are refused until LOGIN_LOCKOUT_SECONDS have passed since the first failure.
LOGIN_FAILURES_PER_USERNAME = envint("LOGIN_FAILURES_PER_USERNAME", 5)
LOGIN_FAILURES_PER_ADDRESS = envint("LOGIN_FAILURES_PER_ADDRESS", 30)
LOGIN_LOCKOUT_SECONDS = envint("LOGIN_LOCKOUT_SECONDS", 900)

# Uploads: articles are text; anything larger than this is refused with a message.
ARTICLE_MAX_UPLOAD_BYTES = envint("ARTICLE_MAX_UPLOAD_BYTES", 2 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_MAX_UPLOAD_BYTES + 512 * 1024
# A bulk import in the browser: at most this many files (a zip's files counted one by one)
# and bytes in one import.
IMPORT_MAX_FILES = envint("IMPORT_MAX_FILES", 200)
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FILES = IMPORT_MAX_FILES
FILE_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_MAX_UPLOAD_BYTES + 512 * 1024
# A request body is refused by its length before it is read (factcheck.faults): over
# DATA_UPLOAD_MAX_MEMORY_SIZE, or for a multipart upload (its files are streamed to disk, and
# a file over the article limit gets the form's message) over REQUEST_MAX_BYTES, which leaves
# room for a whole bulk import and its form.
REQUEST_MAX_BYTES = envint(
    "REQUEST_MAX_BYTES",
    max(10 * 1024 * 1024, 2 * ARTICLE_MAX_UPLOAD_BYTES, IMPORT_MAX_BYTES + 1024 * 1024),
)

# Security: secure cookies and HSTS whenever the app is not in development.
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Pages load scripts, styles and images from this site only, with no inline script or
# style (factcheck.security; off with DEBUG, whose error pages are inline-styled).
# Images may also be data: URLs (the API documentation's icons): an image runs no code.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# Celery. Embedded default: kombu's filesystem transport in .broker/, no server needed.
BROKER_FOLDER = Path(os.environ.get("BROKER_FOLDER") or BASE_DIR / ".broker")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "filesystem://"
REDIS_TRANSPORT_OPTIONS = {
    # Redis redelivers an unacknowledged task only after this many seconds:
    # it must exceed the longest task (see CELERY_TASK_TIME_LIMIT).
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", 600),
    # A broker that stops answering fails a send within seconds instead of
    # holding the upload that sent it for ever (redis-py waits without limit).
    "socket_timeout": envint("CELERY_BROKER_SOCKET_TIMEOUT_MS", 500) / 1000,
    "socket_connect_timeout": envint("CELERY_BROKER_SOCKET_TIMEOUT_MS", 500) / 1000,
}
if CELERY_BROKER_URL.startswith("filesystem://"):
    # kombu creates its control folder but not the message folder.
    (BROKER_FOLDER / "queue").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "control_folder": str(BROKER_FOLDER / "control"),
        "data_folder_in": str(BROKER_FOLDER / "queue"),
        "data_folder_out": str(BROKER_FOLDER / "queue"),
        "processed_folder": str(BROKER_FOLDER / "processed"),
        "store_processed": False,
        # How often an idle worker looks for a new message (kombu's default: every second).
        "polling_interval": envint("BROKER_POLL_MILLISECONDS", 100) / 1000,
    }
    # On this broker the worker acknowledges finished tasks only between polls, and once it
    # holds as many unacknowledged tasks as it may prefetch it polls again only after 2 s:
    # with one task per pool process a folder import ran at one article a second. A deep
    # prefetch keeps the pool busy. It costs no safety here: a message leaves the folder once
    # read, so a killed worker loses what it held either way (the stalled-article sweep sends
    # it again), and a stopped one puts back what it had not started.
    CELERY_WORKER_PREFETCH_MULTIPLIER = envint("CELERY_WORKER_PREFETCH_MULTIPLIER", 32)
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = REDIS_TRANSPORT_OPTIONS
    # One task at a time per pool process: a task Redis hands out waits in no worker's
    # memory while another worker is idle.
    CELERY_WORKER_PREFETCH_MULTIPLIER = envint("CELERY_WORKER_PREFETCH_MULTIPLIER", 1)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One retry covers a pooled connection the broker dropped (a broker restart); more
# would only keep an upload waiting on a broker that is down. The article stays
# received and the stalled-article sweep sends it again.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Articles whose task was lost (broker down at upload, a worker killed on a
# broker that cannot redeliver) are sent again by this sweep.
CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-articles": {
        "task": "claims.tasks.requeue_stalled_articles_task",
        "schedule": envint("REQUEUE_SWEEP_SECONDS", 60),
    },
}
ARTICLE_STALL_SECONDS = envint("ARTICLE_STALL_SECONDS", 120)
# A starting worker sends again, after this delay, the extractions no live worker holds (their
# worker died: a machine lost); the live workers have ORPHAN_CHECK_REPLY_SECONDS to answer.
ORPHAN_CHECK_DELAY_SECONDS = envint("ORPHAN_CHECK_DELAY_SECONDS", 3)
ORPHAN_CHECK_REPLY_SECONDS = envint("ORPHAN_CHECK_REPLY_SECONDS", 2)
# An extraction that finds the database down tries again, for this long, at most
# EXTRACTION_RETRY_MAX_WAIT seconds apart (claims.tasks).
EXTRACTION_RETRY_SPAN_SECONDS = envint("EXTRACTION_RETRY_SPAN_SECONDS", 900)
EXTRACTION_RETRY_MAX_WAIT = envint("EXTRACTION_RETRY_MAX_WAIT", 10)

# Review: when true, the reviewer who publishes a fact must not be the one who verified it.
REQUIRE_SEPARATE_PUBLISHER = envbool("REQUIRE_SEPARATE_PUBLISHER", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# The cache holds the API's answers, its throttle counters and the failed-login counts. Every
# process of one deployment must share it (a publish in one web process invalidates the
# answers of all): Redis in production, a folder on this machine by default.
CACHE_URL = os.environ.get("CACHE_URL") or f"file://{BASE_DIR / '.cache'}"
if CACHE_URL.startswith(("redis://", "rediss://")):
    # django-redis keeps one client per process; Django's own backend builds one per call.
    # A Redis that hangs costs a request at most the socket timeout, and then, for
    # CACHE_PAUSE_SECONDS, nothing: the process skips the cache (factcheck.cache).
    cache_timeout = envint("CACHE_SOCKET_TIMEOUT_MS", 500) / 1000
    CACHES = {
        "default": {
            "BACKEND": "factcheck.cache.SharedCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": cache_timeout,
                "SOCKET_TIMEOUT": cache_timeout,
                "PAUSE_SECONDS": envint("CACHE_PAUSE_SECONDS", 5),
            },
        }
    }
elif CACHE_URL.startswith("file://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_URL.removeprefix("file://"),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
elif CACHE_URL == "locmem://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured(
        f"CACHE_URL must be redis://, file:// or locmem://, not {CACHE_URL!r}"
    )

# Each process also keeps its most recent API answers, and the revision they belong to, in
# memory: a round trip to a shared cache costs a third of a cached answer's time.
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "api-answers",
    "OPTIONS": {"MAX_ENTRIES": 300},
}

# How long a cached API answer may live; any change readers could see replaces it at once.
API_CACHE_SECONDS = envint("API_CACHE_SECONDS", 300)
# How long a process trusts the revision it read: a change made through another web process
# reaches this one's readers within that many seconds (through this one: at once).
API_REVISION_CHECK_SECONDS = envint("API_REVISION_CHECK_SECONDS", 1)
# The organisation named as author of the ClaimReview documents.
ORGANISATION_NAME = os.environ.get("ORGANISATION_NAME", "factcheck")
# The site's own address, for links in the mails editors receive.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Mail to editors (their figures disputed or corrected): printed to the console in
# development, sent through EMAIL_HOST otherwise.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "factcheck@localhost")


def envrate(name: str, default: str) -> str | None:
    """A throttle rate such as 100/minute; "off" for none."""
    value = os.environ.get(name) or default
    return None if value.lower() == "off" else value


REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["factcheck.api.FilterBackend"],
    # Token first: an unauthenticated request is then told 401 with how to authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["factcheck.api.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "factcheck.api.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["factcheck.api.AnonThrottle", "factcheck.api.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": envrate("API_ANON_RATE", "600/minute"),
        "user": envrate("API_USER_RATE", "3000/minute"),
    },
    "EXCEPTION_HANDLER": "factcheck.api.handle_exception",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": (
        "Verified facts with their source citations. Published facts are open to anyone;"
        " claims and articles need a session or a token (`Authorization: Token KEY`)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "factcheck.api.document_errors",
    ],
}
