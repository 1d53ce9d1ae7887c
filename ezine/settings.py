"""Settings for the e-zine, read from environment variables.

Every variable is documented in README.md. The defaults suit local development
(DEBUG on, SQLite in the project folder, local-memory cache); production sets
DJANGO_DEBUG=False and must then provide DJANGO_SECRET_KEY.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ezine.apps.TagsConfig",  # taggit, under a Dutch name in the admin
    "csp",
    "ezine.apps.LoginAttemptsConfig",  # django-axes, likewise
    "reversion",
    "reversion_compare",
    "django_prose_editor",
    "imagekit",
    # The project's apps, lowest layer first (pyproject.toml's import-linter contract keeps it so).
    "core",
    "people",
    "articles",
    "search",
    "wordpress",
    "ezine",
    "demo",
]

MIDDLEWARE = [
    "ezine.middleware.NotModifiedMiddleware",
    "ezine.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files with hashed names, compressed, cached for a year; answered before anything else runs.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Moved addresses (renamed slugs, an imported archive's permalinks) answer 301: see core/redirects.py.
    "ezine.redirects.RedirectMiddleware",
    # Anonymous readers' pages and feeds from the cache (see ezine/pagecache.py); before the session.
    "ezine.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks signed-in editors with a signed cookie, so the page cache knows them without the database.
    "ezine.pagecache.EditorMarkerMiddleware",
    # Before anything reads the body (CSRF's and the views' own reading): refuses oversized requests unread.
    "ezine.middleware.RequestSizeLimitMiddleware",
    "ezine.middleware.AdminStatementTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "ezine.middleware.ImportMapHashMiddleware",
    "ezine.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes requires: it answers locked-out login attempts.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: five wrong passwords for one user name from one address lock that pair out for
# half an hour (a whole office behind one address is not locked out by one forgetful colleague).
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# Behind proxies, the client's address comes from X-Forwarded-For as the trusted proxies set it.
AXES_CLIENT_IP_CALLABLE = "ezine.middleware.client_address"
# How many proxies (load balancer, Varnish, nginx) stand between clients and the app, each appending to
# X-Forwarded-For. 0: the header is ignored and REMOTE_ADDR is the client.
EZINE_TRUSTED_PROXIES = int(os.environ.get("EZINE_TRUSTED_PROXIES", "0"))

ROOT_URLCONF = "ezine.urls"
WSGI_APPLICATION = "ezine.wsgi.application"

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
                "ezine.context_processors.site",
                "core.seo.context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Milliseconds any one SQL statement may run on PostgreSQL (0: no limit). gunicorn sets 5000 for the web
# process (ezine/gunicorn.conf.py), so no request can hold a worker and the database for long; management
# commands keep no limit, and the admin gets EZINE_ADMIN_STATEMENT_TIMEOUT_MS (ezine/middleware.py).
EZINE_STATEMENT_TIMEOUT_MS = int(os.environ.get("EZINE_STATEMENT_TIMEOUT_MS", "0"))
EZINE_ADMIN_STATEMENT_TIMEOUT_MS = int(os.environ.get("EZINE_ADMIN_STATEMENT_TIMEOUT_MS", "60000"))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No JIT compilation: on a broad search it cost more (about 0.7 s) than the whole query without it.
    options = ["-c jit=off"]
    if EZINE_STATEMENT_TIMEOUT_MS > 0:
        options.append(f"-c statement_timeout={EZINE_STATEMENT_TIMEOUT_MS}")
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(options)
# How many searches may run at once (0: no limit); others get a 503 at once (search/limits.py). gunicorn
# sets it for the web process (ezine/gunicorn.conf.py), so that searches never hold every worker.
EZINE_SEARCH_CONCURRENCY = int(os.environ.get("EZINE_SEARCH_CONCURRENCY", "0"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Revisions, dumpdata and the archive keep times to the microsecond (Django's JSON cuts them to milliseconds).
SERIALIZATION_MODULES = {"json": "core.serializers"}

REDIS_URL = os.environ.get("REDIS_URL", "")
# Prefix of every key in Redis and of the edge cache's surrogate keys: several sites can share both.
EZINE_CACHE_PREFIX = os.environ.get("EZINE_CACHE_PREFIX", "ezine")
# Seconds a Redis command or connection may take before Redis counts as away.
EZINE_REDIS_TIMEOUT = float(os.environ.get("EZINE_REDIS_TIMEOUT", "0.5"))
# A Redis that hangs is a Redis away after that long: pages are rendered without it, never held up.
REDIS_OPTIONS = {"socket_timeout": EZINE_REDIS_TIMEOUT, "socket_connect_timeout": EZINE_REDIS_TIMEOUT}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "ezine.cache.RedisCache",  # Django's, reusing its Redis client
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": EZINE_CACHE_PREFIX,
            "OPTIONS": REDIS_OPTIONS,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Whole pages and feeds for anonymous readers, in seconds (0 turns the page cache off). Any content change
# makes every page render fresh, and no entry outlives the next scheduled publication (ezine/pagecache.py).
# Only with Redis, shared by every process: a per-process memory cache would let one gunicorn worker serve a
# page that a save in another process (a worker, the admin, manage.py) made stale.
EZINE_PAGE_CACHE_SECONDS = int(os.environ.get("EZINE_PAGE_CACHE_SECONDS", "600")) if REDIS_URL else 0
# Parts of pages (core/fragments.py) kept under the keys of what they show, in seconds (0: off), by the page
# cache's rules and in its store: with the page cache off too, but only with Redis.
EZINE_FRAGMENT_CACHE_SECONDS = int(os.environ.get("EZINE_FRAGMENT_CACHE_SECONDS", "3600")) if REDIS_URL else 0
# Paths never served from the page cache (previews, the admin, uploads, the health check).
# Each worker's near copies of pages it served from Redis (ezine/pagecache.py, ``Near``): served without a
# round trip for at most this many seconds after Redis last showed nothing changed, so a change made
# elsewhere reaches every worker within that time (0: always ask Redis); at most this many bytes a worker.
EZINE_PAGE_CACHE_NEAR_SECONDS = float(os.environ.get("EZINE_PAGE_CACHE_NEAR_SECONDS", "0.2"))
EZINE_PAGE_CACHE_NEAR_BYTES = int(os.environ.get("EZINE_PAGE_CACHE_NEAR_BYTES", str(32 * 1024 * 1024)))
EZINE_PAGE_CACHE_EXCLUDE = ["/admin/", "/voorbeeld/", "/media/", "/static/", "/healthz"]
# The edge caches (Varnish with xkey, deploy/varnish/) in front of the app, as addresses to send PURGE to.
# Set: what the page cache stores may be kept at the edge too, and every change readers can see purges it
# there (ezine/edge.py). Needs the page cache (REDIS_URL).
EZINE_EDGE_PURGE_URLS = env_list("EZINE_EDGE_PURGE_URLS") if EZINE_PAGE_CACHE_SECONDS else []
EZINE_EDGE_PURGE_TIMEOUT = float(os.environ.get("EZINE_EDGE_PURGE_TIMEOUT", "2"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "ezine" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Without a manifest entry (collectstatic not run yet) fall back to the plain name rather than fail the page.
WHITENOISE_MANIFEST_STRICT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production (``collectstatic``): names with a content hash and gzip/Brotli copies, which WhiteNoise
    # serves with a year's Cache-Control. In development files are served as they are.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Serve /media/ from Django (with safe headers) unless a web server in front does it.
EZINE_SERVE_MEDIA = env_bool("EZINE_SERVE_MEDIA", True)

# Security headers. Nothing on the site runs inline script or loads anything from another host;
# the admin and its rich-text editor work within the same policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The admin's editor (Tiptap) injects one fixed <style> element; allow exactly that one.
        # A browser test fails when an upgrade changes it: update the hash from its message.
        "style-src": ["'self'", "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Renditions are made when an image is uploaded; pages never check for them or make them on the fly.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
# imagekit notes which renditions exist. A note per process is enough (without one it looks at the file), and
# in Redis it made every save of an article with a photo fail while Redis was away.
CACHES["imagekit"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
IMAGEKIT_CACHE_BACKEND = "imagekit"
IMAGEKIT_CACHEFILE_DIR = "renditions"
# Rendition names carry a hash keyed by SECRET_KEY: not guessable for unpublished articles.
IMAGEKIT_SPEC_CACHEFILE_NAMER = "core.images.secret_rendition_name"

# Uploads: refuse what no editor means to upload (limits in bytes and pixels).
MAX_IMAGE_UPLOAD_SIZE = 15 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_ATTACHMENT_UPLOAD_SIZE = 25 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The largest data.json and the largest file a backup archive may hold (import_archive refuses more).
EZINE_ARCHIVE_MAX_DATA = int(os.environ.get("EZINE_ARCHIVE_MAX_DATA", str(512 * 1024 * 1024)))
EZINE_ARCHIVE_MAX_FILE = int(os.environ.get("EZINE_ARCHIVE_MAX_FILE", str(64 * 1024 * 1024)))
# The largest request body, in bytes, from anyone (search, the login form) and from signed-in staff (an
# article with a main image and an attachment). Larger bodies get 413 before they are read.
EZINE_MAX_REQUEST_BODY = int(os.environ.get("EZINE_MAX_REQUEST_BODY", str(1024 * 1024)))
EZINE_MAX_STAFF_REQUEST_BODY = int(
    os.environ.get(
        "EZINE_MAX_STAFF_REQUEST_BODY", str(MAX_IMAGE_UPLOAD_SIZE + MAX_ATTACHMENT_UPLOAD_SIZE + 1024 * 1024)
    )
)

# The picture social media show for pages without an image of their own (a static file).
EZINE_SHARE_IMAGE = "ezine/og-default.png"
# The name readers see in titles, feeds and the footer.
EZINE_NAME = os.environ.get("EZINE_NAME", "Agenda Stad")
EZINE_TAGLINE = os.environ.get("EZINE_TAGLINE", "E-zine over steden, de Agenda Stad en de EU Urban Agenda")
ARTICLES_PER_PAGE = 12
FEED_LENGTH = 20
# Seconds feed readers and caches may keep a feed, and an article page, before asking again (conditional GET:
# a 304 costs one query). Pages revalidate at once so editors see their changes.
FEED_MAX_AGE = 300
ARTICLE_MAX_AGE = 0
# The authority in the ``tag:`` ids of feed entries; empty means the host name of the request. Set it to the
# site's domain so that ids stay the same if the site moves.
EZINE_FEED_ID_DOMAIN = os.environ.get("EZINE_FEED_ID_DOMAIN", "")

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # The load balancer's health probe may use plain http.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ezine.middleware.RequestIdLogFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}


def tag_url(tag):
    from django.urls import reverse

    return reverse("articles:tag_detail", kwargs={"slug": tag.slug})


# taggit's Tag has no page of its own; ours is the tag's page of articles (sitemaps, feeds, "view on site").
ABSOLUTE_URL_OVERRIDES = {"taggit.tag": tag_url}

# ASCII tag slugs ("reünie" → "reunie") so tag URLs match the ``slug`` path converter.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
TAGGIT_CASE_INSENSITIVE = True

# History compare: a foreign key is the same when it points to the same row (not when the whole revision
# is the same), and is shown by the name of what it points to.
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True
