"""Settings for every environment, read from environment variables in this one place.

With no variables set, Minsheng runs on its embedded default: a SQLite file under ./var,
a cache in a SQLite file beside it and e-mail printed to the console. Production sets
DATABASE_URL (PostgreSQL), REDIS_URL, SECRET_KEY, ALLOWED_HOSTS and DEBUG=0, and then any
number of app servers can share the work: no state lives in one process's memory.
"""

import importlib.util
import json
import os
import secrets
import time
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DATA_DIR = Path(env_str("MINSHENG_DATA_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# Keys that have been public (this repository shipped the first one): never sign with them.
PUBLIC_SECRET_KEYS = {"minsheng-embedded-default-key-change-me-in-production"}


def embedded_secret_key(path: Path) -> str:
    """The embedded default's own key: made once, kept in the data directory (mode 600).

    Every process of the same installation reads the same file; the first one writes it
    (created exclusively, so two starting at once agree on one key).
    """
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        time.sleep(0.1)  # the other process is writing it
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="ascii").strip()


SECRET_KEY = env_str("SECRET_KEY") or embedded_secret_key(DATA_DIR / "secret_key")
if not DEBUG and (SECRET_KEY in PUBLIC_SECRET_KEYS or SECRET_KEY.startswith("django-insecure")):
    # Django's own check does not know this key; signing sessions with it would let anyone
    # forge them. Refuse to start rather than warn.
    raise ImproperlyConfigured(
        "SECRET_KEY is a public default key; set SECRET_KEY to a long random value "
        "(or leave it unset on the embedded default to use a generated one). / "
        "SECRET_KEY 是公开的默认密钥，请设置一个足够长的随机值。"
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# django-ninja is not an installed app: importing it (pydantic, django.test) would cost every
# worker and command about 0.15 s at start-up. Its bundled Swagger UI (template and static
# files, for /api/docs) is found by path instead; find_spec does not import the package.
NINJA_FILES = Path(importlib.util.find_spec("ninja").origin).parent  # type: ignore[arg-type,union-attr]
STATICFILES_DIRS = [NINJA_FILES / "static"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "pgtrigger",
    "csp",
    "minsheng.core",
    "minsheng.accounts",
    "minsheng.audit",
    "minsheng.plans",
    "minsheng.progress",
    "minsheng.ingest",
    "minsheng.supervision",
    "minsheng.portal",
    "minsheng.reports",
    "minsheng.participation",
    "minsheng.demo",
    "minsheng.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Anonymous portal pages are answered here, before authentication and the view.
    "minsheng.portal.shared_pages.SharedPageMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "minsheng.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "minsheng.audit.middleware.RequestContextMiddleware",
    "minsheng.core.sessions.SignedInSessionMiddleware",
    "axes.middleware.AxesMiddleware",
    "minsheng.demo.middleware.DemoLabelMiddleware",
    "minsheng.core.middleware.DatabaseBusyMiddleware",
    "minsheng.core.middleware.MultipartFileNameMiddleware",
]

ROOT_URLCONF = "minsheng.urls"
WSGI_APPLICATION = "minsheng.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [NINJA_FILES / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "minsheng.demo.context_processors.demo",
            ],
            "builtins": ["minsheng.core.templatetags.chinese_numbers"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'minsheng.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server's workers read while one of them writes; a writer waits up to
    # the busy timeout for the lock (then the page keeps the input and asks to retry).
    busy_ms = env_int("SQLITE_BUSY_TIMEOUT_MS", 15000)
    DATABASES["default"]["OPTIONS"] = {
        # synchronous=NORMAL is safe under WAL and spares an fsync per commit.
        "init_command": (
            f"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={busy_ms}; PRAGMA synchronous=NORMAL;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    # A worker keeps its connection (and its pragmas) between requests instead of reopening.
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 600)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Tests run on a file too, not on Django's default in-memory database: that one shares
    # its cache between connections, whose table locks fail at once ("database table is
    # locked") instead of waiting the busy timeout, so two threads that write at once would
    # meet a database unlike the one the platform runs on.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-minsheng.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "minsheng",
        }
    }
else:
    # A SQLite file of its own beside the database, not process memory: every worker on the
    # machine sees the same cache, and keeping a page or counting a request never takes the
    # main database's write lock. See minsheng/core/sqlite_cache.py.
    CACHES = {
        "default": {
            "BACKEND": "minsheng.core.sqlite_cache.SQLiteCache",
            "LOCATION": str(DATA_DIR / "cache.sqlite3"),
        }
    }
# The hot rate limits (API, downloads) count here, under their own prefix: Redis, shared by
# every app server, in production; the shared cache file on the embedded default (one UPSERT
# a request). See minsheng/core/ratelimit.py.
CACHES["ratelimit"] = {**CACHES["default"], "KEY_PREFIX": "minsheng-rate"}

AUTHENTICATION_BACKENDS = [
    # Refuses an address that failed on many accounts, or an account failed from many
    # addresses (RATE_LIMITS "login-address" / "login-account"), before axes and passwords.
    "minsheng.accounts.throttle.LoginThrottleBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Logins are rate limited: five failures lock the user name from that address for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
# Each app keeps its own catalogue in <app>/locale/zh_Hans/LC_MESSAGES/django.po.
TIME_ZONE = env_str("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
# Every stored file (evidence, reply evidence, report job outputs) goes through Django's
# default storage. Several app servers share it: either a shared volume mounted at
# MINSHENG_MEDIA_DIR on each, or an S3-compatible store named by MEDIA_STORAGE_BACKEND
# (django-storages, "storages.backends.s3.S3Storage") with MEDIA_STORAGE_OPTIONS as JSON.
MEDIA_ROOT = Path(env_str("MINSHENG_MEDIA_DIR", str(DATA_DIR / "media")))
STORAGES = {
    "default": {
        "BACKEND": env_str("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env_str("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "minsheng@localhost")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# SMS like e-mail: a backend class by dotted path (a real gateway is one more class).
SMS_BACKEND = env_str("SMS_BACKEND", "minsheng.notifications.sms.ConsoleBackend")
SMS_FILE_PATH = env_str("SMS_FILE_PATH", str(DATA_DIR / "sms.jsonl"))
# E-mail and SMS go out after the commit: "thread" (in this process), "inline" or "worker"
# (left for `minsheng send_notifications`).
NOTIFICATIONS_DELIVERY = env_str("NOTIFICATIONS_DELIVERY", "thread")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Served over HTTPS (SECURE_COOKIES=1): redirect plain HTTP and tell browsers to stay on HTTPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SESSION_COOKIE_SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SESSION_COOKIE_SECURE)
# Load balancers probe the health endpoint over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
# Behind a proxy that ends TLS, name the header it sets (e.g. X-Forwarded-Proto); the proxy
# must overwrite it, since anyone can send it. Unset: requests are judged by their own scheme.
_proxy_header = env_str("SECURE_PROXY_SSL_HEADER")
if _proxy_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
# A refused form post (expired page) answers in the reader's language and keeps their input.
CSRF_FAILURE_VIEW = "minsheng.core.views.csrf_failure"
# Behind a reverse proxy that overwrites X-Real-IP with the client address, trust it for the
# audit trail and rate limits; without one the header is ignored (anyone can send it).
TRUST_X_REAL_IP = env_bool("TRUST_X_REAL_IP", False)

# Sessions: anonymous ones (participation) last a week; a signed-in person is signed out after
# SESSION_IDLE_TIMEOUT seconds without a request (等保 level 3 asks for 30 minutes) and at the
# latest SIGNED_IN_SESSION_MAX_AGE after signing in. See minsheng/core/sessions.py.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 7 * 24 * 60 * 60)
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
SIGNED_IN_SESSION_MAX_AGE = env_int("SIGNED_IN_SESSION_MAX_AGE", 12 * 60 * 60)

# Content-Security-Policy on every response (django-csp): scripts only from our own static
# files (every page's scripts are files; data travels in json_script blocks), styles only from
# our own stylesheets: no inline style attribute or block (progress bars use classes, ECharts
# draws its tooltips as SVG text, renderMode "richText").
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- demo: `make run` turns it on; while on, every page, export and API answer says 演示数据,
# and the login page lists the demo accounts. Off by default: a server started without it
# refuses to start while demo accounts exist (minsheng/demo/startup.py).
MINSHENG_DEMO = env_bool("MINSHENG_DEMO", False)
# --- reports: where report jobs run ---
# Production (DATABASE_URL set) leaves every job to `minsheng run_report_jobs` workers, so
# matplotlib and WeasyPrint never run inside a web worker; the embedded default has no
# worker and starts the job in a thread of the web process after commit.
REPORT_JOBS_START_IN_WEB = env_bool("REPORT_JOBS_START_IN_WEB", not env_str("DATABASE_URL"))

# --- rate limits: (requests, seconds) per client, one limiter (minsheng/core/ratelimit.py) ---
_portal_rate = (env_int("PORTAL_RATE_LIMIT", 300), env_int("PORTAL_RATE_WINDOW", 60))
RATE_LIMITS: dict[str, tuple[int, int]] = {
    "api": _portal_rate,  # the open-data API, per address (or account)
    "download": _portal_rate,  # plan downloads
    "submit": (5, 600),  # suggestions and comments
    "support": (30, 600),
    "register": (10, 600),  # site-visit registrations
    "rate": (30, 600),
    "similar": (300, 600),  # look-ups while typing: generous, but not a free database scan
    "follow": (30, 600),  # tracking-code look-ups (notifications.views.follow)
    "login-address": (30, 900),  # failed logins from one address, whatever the account
    "login-account": (10, 900),  # failed logins of one account, from any address
}
# RATE_LIMITS="submit=5/600,login-account=10/900" overrides single rules.
for _item in env_list("RATE_LIMITS", ""):
    _scope, _sep, _rule = _item.partition("=")
    _count, _sep, _seconds = _rule.partition("/")
    RATE_LIMITS[_scope.strip()] = (int(_count), int(_seconds))

# --- links in e-mail: the site's public address, e.g. https://minsheng.qingdao.gov.cn ---
SITE_URL = env_str("SITE_URL", "").rstrip("/")

# --- error reporting: set SENTRY_DSN to send unhandled errors to Sentry (sentry-sdk) ---
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        send_default_pii=False,  # no user names or addresses leave the server
    )
