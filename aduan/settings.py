"""One settings file, read from the environment with safe defaults.

DEBUG is off unless ADUAN_DEBUG=1. Outside the embedded demo (ADUAN_DEMO=1, set by `make run`)
and the test suite a SECRET_KEY must be given, directly or through SECRET_KEY_FILE; debug alone
never falls back to the demo key. Production settings: README, "Security".
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ADUAN_VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str | None = None) -> str | None:
    """A string from NAME, or from the file named by NAME_FILE (for container secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("ADUAN_DEBUG")
DEMO = env_bool("ADUAN_DEMO")
# Under pytest the suite is the test run, however it was started.
TESTING = env_bool("ADUAN_TESTING") or "pytest" in sys.modules

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEMO or TESTING:
        SECRET_KEY = "insecure-embedded-demo-key-never-use-in-production"
    else:
        raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE); only the embedded demo has a default.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# models.W040: SQLite builds the reports' covering index without its included columns, as intended.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "aduan.regions",
    "aduan.taxonomy",
    "aduan.triage",
    "aduan.organisation",
    "aduan.core",
    "aduan.casework",
    "aduan.surveys",
    "aduan.reports",
    "aduan.registry",
    "aduan.letters",
    "aduan.monitoring",
    "aduan.meetings",
    "aduan.accounts",
    "aduan.intake",
    "aduan.notifications",
    "aduan.web",
    "aduan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files answer here, cacheable, before no-store
    # Pages compressed for slow phones (static files come compressed from WhiteNoise). Django's
    # middleware pads each response against BREACH; CSRF tokens are masked per response too.
    "django.middleware.gzip.GZipMiddleware",
    "aduan.web.middleware.NoStoreMiddleware",
    "aduan.web.middleware.BoundedRequestMiddleware",  # below no-store: its 413 is not cached either
    "aduan.web.middleware.ContentSecurityPolicyMiddleware",  # django-csp's, its header built once
    "aduan.api.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "aduan.web.middleware.IgnoreAcceptLanguageMiddleware",  # Indonesian unless chosen in the switch
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # it answers a locked-out sign-in
    "aduan.web.middleware.DatabaseUnavailableMiddleware",  # innermost: sees the views' exceptions first
]

ROOT_URLCONF = "aduan.urls"
WSGI_APPLICATION = "aduan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
SQLITE_PATH = VAR_DIR / "aduan.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker read while one writes; IMMEDIATE
    # transactions take the write lock up front instead of failing on upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("ADUAN_PG_SERVER_BINDING", True):
    # Parameters bound by the server, and a statement run five times on one connection prepared:
    # PostgreSQL then skips parsing and planning the filing's INSERTs (a quarter of its CPU per
    # complaint, BENCHMARKS.md). Off (0) behind a pooler in transaction mode (PgBouncer < 1.21),
    # which cannot keep a connection's prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account or client before the password hash
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (/masuk/ and /admin/login/): per account and, separately, per client address.
# Each wrong password costs the server a PBKDF2 run, so the limit protects the CPU as well.
AXES_FAILURE_LIMIT = env_int("ADUAN_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ADUAN_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "aduan.web.officer.auth.locked_out"
AXES_CLIENT_IP_CALLABLE = "aduan.web.throttle.axes_client_address"
AXES_VERBOSE = False  # its log lines carry usernames and addresses
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_DISABLE_ACCESS_LOG = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "/masuk/"
LOGIN_REDIRECT_URL = "/petugas/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "aduan" / "locale"]
USE_I18N = True
USE_TZ = True
# Storage is UTC; each complaint's deadline is computed and shown in its region's zone.
TIME_ZONE = "Asia/Jakarta"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(env_str("ADUAN_MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, compressed, cached for a year (`aduan setup` collects them); tests and DEBUG
    # serve the sources as they are.
    "staticfiles": {"BACKEND": "aduan.web.static_storage.StaticStorage"
                    if not (DEBUG or TESTING) else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Shared by every web process (the public pages' rate limits live here); `aduan setup` and the
# test runner create its table with createcachetable.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "aduan_cache",
    }
}

# The task queue: the database by default; Redis through RQ to scale out (several app servers and
# workers on one Redis): ADUAN_TASKS_BACKEND=rq and ADUAN_REDIS_URL=redis://host:6379/0
# (deploy/README.md). `aduan worker` runs the worker of whichever is configured.
RQ_BACKEND = "django_tasks_rq.RQBackend"
_tasks_backend = env_str("ADUAN_TASKS_BACKEND", "")
TASKS_BACKEND = {"rq": RQ_BACKEND, "db": "django_tasks_db.DatabaseBackend"}.get(_tasks_backend, _tasks_backend)
TASKS = {
    "default": {
        "BACKEND": TASKS_BACKEND
        or ("django_tasks.backends.immediate.ImmediateBackend" if TESTING else "django_tasks_db.DatabaseBackend"),
    }
}
REDIS_URL = env_str("ADUAN_REDIS_URL", "")
if TASKS["default"]["BACKEND"] == RQ_BACKEND:
    if not REDIS_URL:
        raise ImproperlyConfigured("ADUAN_TASKS_BACKEND=rq needs ADUAN_REDIS_URL, e.g. redis://127.0.0.1:6379/0.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS["default"]["QUEUES"] = ["default"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 300}}

# Outbound email (acknowledgements and answers to email reporters) through EMAIL_HOST; the
# embedded demo without one keeps them in files. Inbound mail: `aduan intake_mail` (aduan/intake/email).
EMAIL_HOST = env_str("EMAIL_HOST", "") or "localhost"
# The demo writes them as files under var/mail/ rather than to the console: a log must never
# carry a reporter's address.
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.filebased.EmailBackend" if (DEMO or DEBUG) and not env_str("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Pengaduan Bansos <pengaduan@localhost>")

# --- Transport and headers (README, "Security") --------------------------------------------
# ADUAN_HTTPS=1 behind TLS: secure cookies, HSTS, and HTTP redirected to HTTPS.
HTTPS = env_bool("ADUAN_HTTPS") or env_bool("ADUAN_SECURE_COOKIES")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("ADUAN_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# The header only allows preloading; submitting the domain to the browsers' list stays a decision
# of its owner. ADUAN_HSTS_PRELOAD=0 leaves it out.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("ADUAN_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (addresses or
# networks, comma-separated). Empty: the connection's own address is the client.
TRUSTED_PROXIES = env_list("ADUAN_TRUSTED_PROXIES")
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Strict: the pages' own scripts and styles only, nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# What one request may carry: attachments of up to 5 MB each, ADUAN_MAX_UPLOAD_MB together (the
# form says which file to drop), and a request over that plus 1 MB is refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_REQUEST_BYTES = (env_int("ADUAN_MAX_UPLOAD_MB", 10) + 1) * 1024 * 1024

# --- Domain configuration -------------------------------------------------------------
ADUAN = {
    # The deadline policy used when a complaint names none (SPEC R12, R13).
    "DEFAULT_POLICY": env_str("ADUAN_DEFAULT_POLICY", "kemendagri-2018"),
    # Office hours for hour-based severity classes (kalbar "ringan: 3 jam").
    "OFFICE_OPENS": env_str("ADUAN_OFFICE_OPENS", "08:00"),
    "OFFICE_CLOSES": env_str("ADUAN_OFFICE_CLOSES", "16:00"),
    # SPEC R15: a follow-up closes itself after this window unless rebutted.
    "CLOSURE_WINDOW": env_int("ADUAN_CLOSURE_WINDOW", 10),
    "CLOSURE_WINDOW_UNIT": env_str("ADUAN_CLOSURE_WINDOW_UNIT", "calendar_days"),
    # Warn the handling unit when this share of the time to the deadline has passed.
    "WARN_AT_FRACTION": float(env_str("ADUAN_WARN_AT_FRACTION", "0.75")),
    "SMS_SHORT_CODE": env_str("ADUAN_SMS_SHORT_CODE", "1708"),
    # Attachments together, per request (the web forms say so beside the field).
    "MAX_UPLOAD_MB": env_int("ADUAN_MAX_UPLOAD_MB", 10),
    # How long a server process may go on using what it read of tokens, memberships, programs,
    # policies, holidays and units before reading them again (aduan/memo.py).
    "CACHE_SECONDS": env_int("ADUAN_CACHE_SECONDS", 30),
    # An export of more rows than this (about 2 s of work) is built by a background task while
    # the page shows its progress; a smaller one is sent at once.
    "EXPORT_INLINE_ROWS": env_int("ADUAN_EXPORT_INLINE_ROWS", 5000),
}

# --- SMS gateways (deploy/sms.md) -------------------------------------------------------
# Who may deliver SMS to /sms/<gateway>/: "name:user:secret" entries, comma-separated, e.g.
# "kannel:kannel:Mo3Pass,webhook::long-random-token" (aduan/intake/sms/access.py). Empty: none.
ADUAN_SMS_GATEWAYS = env_str("ADUAN_SMS_GATEWAYS", "")
# Outbound SMS through Kannel's sendsms; without a URL the "sms" transport is not registered.
ADUAN_KANNEL_SENDSMS_URL = env_str("ADUAN_KANNEL_SENDSMS_URL", "")
ADUAN_KANNEL_SENDSMS_USER = env_str("ADUAN_KANNEL_SENDSMS_USER", "aduan")
ADUAN_KANNEL_SENDSMS_PASSWORD = env_str("ADUAN_KANNEL_SENDSMS_PASSWORD", "")
ADUAN_SMS_SENDER = env_str("ADUAN_SMS_SENDER") or ADUAN["SMS_SHORT_CODE"]
# Where Kannel reaches this app for delivery reports, e.g. https://aduan.example.go.id
ADUAN_PUBLIC_URL = env_str("ADUAN_PUBLIC_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("ADUAN_LOG_LEVEL", "INFO")},
    # Request bodies carry NIK, KKS and phone numbers: never log them (UU PDP).
    "loggers": {"django.request": {"level": "ERROR"}},
}
