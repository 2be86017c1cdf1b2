"""All settings in one file, driven by the environment (see .env.example).

Defaults are safe for production (DEBUG off, secure cookies); `make run`
switches DEBUG on for local work. SQLite in the project folder by default,
PostgreSQL through DATABASE_URL.
"""

import os
import sys
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

TESTING = "pytest" in sys.modules or os.environ.get("PIJNRESET_TESTING") == "1"
DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (see .env.example).")
    # Only for local work and tests: never used when DEBUG is off outside tests.
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production-0123456789"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Video consults get a room under this address (a self-hosted Jitsi Meet, say).
VIDEO_ROOM_BASE_URL = env.str("VIDEO_ROOM_BASE_URL", default="https://meet.example.nl/pijnreset-")
SITE_ID = 1

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    # allauth's passkey list page loads the humanize tags ("last used 3 days ago").
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "pijnreset",
    "accounts",
    "programme",
    "exercises",
    "diary",
    "assessments",
    "practices",
    "bookings",
    "reviews",
    "stories",
    "insights",
    "shop",
    "api",
    "dataports",
    "care",
    "push",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pijnreset.csp.CSPMiddleware",  # django-csp's, the policy built once
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "programme.day_state.BumpOnWriteMiddleware",
    "pijnreset.middleware.StaffIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "pijnreset.middleware.NoStoreForPersonalDataMiddleware",
    "pijnreset.middleware.ClinicalAccessMiddleware",
]

ROOT_URLCONF = "pijnreset.urls"
WSGI_APPLICATION = "pijnreset.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "pijnreset" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pijnreset.context_processors.site",
                "pijnreset.context_processors.shell",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write
    # lock at BEGIN, so a check-then-insert inside atomic() cannot interleave.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a real file (not shared-cache memory) so concurrent writers meet
    # SQLite's real write lock and busy timeout, as in production.
    # One file per test run, so two runs side by side never share a database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}
# Keep a worker's connection between requests: a new one per request (with SQLite's
# PRAGMAs, or PostgreSQL's handshake) was most of /healthz's cost (docs/performance.md).
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A read replica for heavy read-only work (reports, outcomes, exports; see
# pijnreset/db_routing.py and docs/deployment.md). In tests it mirrors the primary.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["pijnreset.db_routing.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks: django-tasks with the database backend -----------------
# Tests run tasks at once (ImmediateBackend) so their effects are visible;
# everywhere else a worker (`manage.py db_worker`) picks them from the table.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# --- Accounts ---------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.passwords.LengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.passwords.DutchCommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing cost is not what the tests test; real hashers everywhere else.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[pijnreset] "
# Brute-force protection: allauth's rate limits, kept in the cache (use a
# shared cache such as Redis in production: CACHE_URL).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    # Log-in by e-mailed code: a code e-mail at most 3 times per 10 minutes per address.
    "request_login_code": "20/m/ip,3/10m/key",
}
# Patients may log in without a password: a short code by e-mail
# (allauth's "login by code"; our page and e-mail in pijnreset/templates/account/).
# Ten minutes, not three: on a bad day opening the mail takes a while. Three wrong
# tries end the code; two new codes may be asked for.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND = True
# A short note to the account's address when its password or e-mail address
# changes, so someone whose account was taken over finds out (our words:
# pijnreset/templates/account/email/base_notification.txt and the *_changed files).
ACCOUNT_EMAIL_NOTIFICATIONS = True

CSRF_FAILURE_VIEW = "pijnreset.views.csrf_failure"

# --- Languages and time -----------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "pijnreset" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_USER_TIME_ZONE = "Europe/Amsterdam"

# --- Static files -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "pijnreset" / "static"]
# Each app keeps its own translations in <app>/locale (Django finds them);
# pijnreset/locale holds the project's and the accounts app's.

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

# --- E-mail -----------------------------------------------------------------
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
globals().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="pijnreset <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Crisis lines (docs/clinical.md section 6) -------------------------------------
# A JSON list in the environment. Each line: key, name, numbers (each with
# "display", "tel" = what to dial, optional "free"), optional chat_url and
# chat_label, hours ("24/7" is shown as "day and night"), and "emergency": true
# for the acute-danger number. The defaults are the Dutch lines.
CRISIS_LINES = env.json(
    "CRISIS_LINES",
    default=[
        {
            "key": "113",
            "name": "113 Zelfmoordpreventie",
            "numbers": [
                {"display": "113", "tel": "113"},
                {"display": "0800-0113", "tel": "08000113", "free": True},
            ],
            "chat_url": "https://www.113.nl",
            "chat_label": "113.nl",
            "hours": "24/7",
        },
        {
            "key": "112",
            "name": "112",
            "numbers": [{"display": "112", "tel": "112"}],
            "emergency": True,
        },
    ],
)

# --- Admin ------------------------------------------------------------------
ADMIN_URL = env.str("ADMIN_URL", default="beheer/").strip("/") + "/"
if ADMIN_URL == "admin/" and not DEBUG:
    raise ImproperlyConfigured("ADMIN_URL must not be the default 'admin/'.")

# --- Security headers -------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
)
HTTPS = env.bool("HTTPS", default=not DEBUG and not TESTING)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS

# --- Sessions, cookies and re-authentication (issue 11) ----------------------
# Patients choose at log-in: "stay logged in" (ticked by default) keeps the
# session for SESSION_COOKIE_AGE (30 days; the key rotates at every log-in),
# otherwise it ends when the browser closes. Staff (therapist, practice
# manager, operator) are logged out after
# STAFF_IDLE_TIMEOUT seconds without a request, whatever they chose
# (pijnreset.middleware.StaffIdleTimeoutMiddleware).
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
ACCOUNT_SESSION_REMEMBER = None  # None: the log-in form asks
STAFF_IDLE_TIMEOUT = env.int("STAFF_IDLE_TIMEOUT", default=30 * 60)
# Changing the e-mail address or password (and, once they exist, second
# factors) asks for the password again unless it was given in the last
# ACCOUNT_REAUTHENTICATION_TIMEOUT seconds: a borrowed session cannot take
# the account over.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 5 * 60
ACCOUNT_FORMS = {
    "login": "accounts.auth_forms.LoginForm",
    "change_password": "accounts.auth_forms.ChangePasswordForm",
    "request_login_code": "accounts.auth_forms.RequestLoginCodeForm",
    "confirm_login_code": "accounts.auth_forms.ConfirmLoginCodeForm",
}
# Two-factor authentication (issue 15): staff must set it up before they see any
# patient data (care/access.py): an authenticator app (TOTP; a code works once, allauth
# remembers used codes in the cache), a passkey or security key (WebAuthn, through
# fido2), or both; recovery codes as the fallback. Passkeys are a second factor after
# the password, not a log-in without password (MFA_PASSKEY_LOGIN_ENABLED stays off).
# allauth's passkey pages load only static scripts and JSON data blocks, so the strict
# CSP below holds. WebAuthn needs https, or http://localhost in development and tests.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
MFA_FORMS = {"add_webauthn": "care.forms.AddPasskeyForm"}
# The admin shows patient data too: it asks for the second factor as well (care/apps.py).
ADMIN_REQUIRES_SECOND_FACTOR = True
MFA_TOTP_ISSUER = "pijnreset"
MFA_REAUTHENTICATION_REQUIRED = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# The __Host- prefix makes browsers refuse these cookies unless they are
# Secure, for this exact host (no Domain) and Path=/, so no subdomain or
# plain-http page can set or overwrite them. Browsers reject a __Host- cookie
# without Secure, so the prefix goes with secure cookies only (not over
# http on localhost in development and browser tests).
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_PATH = "/"
CSRF_COOKIE_PATH = "/"

# Strict CSP: nothing inline, nothing from another host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "manifest-src": [SELF],
    }
}

# --- Logging: structured JSON lines on stdout, no request bodies ------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "filters": {"scrub": {"()": "pijnreset.logging.ScrubPersonalData"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["scrub"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Replace Django's own console handlers so each record is logged once, as JSON.
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "WARNING"},
    },
}

# --- Abuse limits, client address and cache (issue 11; pijnreset/ratelimit.py) -------
# One cache for every process: rate-limit counters, allauth's limits, form proofs.
# CACHE_URL=redis://host:6379/1 uses Django's own RedisCache (needs the `redis` package),
# with one Redis client per connection pool instead of one per call (pijnreset/cache.py).
REDIS_CACHE = "pijnreset.cache.RedisCache"
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] in {
    "django_redis.cache.RedisCache",
    "django.core.cache.backends.redis.RedisCache",
}:
    CACHES["default"]["BACKEND"] = REDIS_CACHE
# Rendered template fragments that depend only on code, translations and a version key
# ({% cache ... using="fragments" %}): kept in each process, since they cost less to
# render again than a round trip to Redis would; a deploy starts with an empty one.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": None,
    "OPTIONS": {"MAX_ENTRIES": 2000},
}
# Sessions: read from the cache when the cache is shared by every process (Redis),
# written through to the database; a per-process cache would let a logged-out session
# live on in another worker, so without a shared cache the database alone.
SHARED_CACHE = CACHES["default"]["BACKEND"] == REDIS_CACHE
SESSION_ENGINE = env.str(
    "SESSION_ENGINE",
    default=(
        "django.contrib.sessions.backends.cached_db"
        if SHARED_CACHE
        else "django.contrib.sessions.backends.db"
    ),
)
# Today's day state (programme/day_state.py) is cached only where every process sees
# the same cache and so the same invalidations: Redis, or the single test process.
DAY_STATE_CACHE = env.bool("DAY_STATE_CACHE", default=SHARED_CACHE or TESTING)

# How many proxies of ours stand before the app (a TLS proxy: 1). The client is that
# many entries from the right of X-Forwarded-For; 0 = the connecting address. Our own
# limits read it through allauth, so log-in limits and ours see the same client.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Limits per action, in allauth's syntax: amount/period/per, comma-separated; periods
# s, m, h, d (10m = ten minutes); per ip (client address), user (account), email,
# practice, prefix (of an e-mailed link's token). Each is RATE_LIMIT_<ACTION> in the
# environment. An empty value switches a limit off.
RATE_LIMITS = {
    # A guest's hold: it takes a therapist's time for 30 minutes and sends one e-mail.
    "guest_hold": env.str("RATE_LIMIT_GUEST_HOLD", default="10/h/ip,3/h/email,30/h/practice"),
    # Bookings by a logged-in patient (pages and POST /api/v1/appointments).
    "booking": env.str("RATE_LIMIT_BOOKING", default="10/d/user"),
    # Wrong e-mailed links; a working link is never counted nor refused.
    "link_guess": env.str("RATE_LIMIT_LINK_GUESS", default="20/10m/ip,10/10m/prefix"),
    # The open scoring API.
    "scoring": env.str("RATE_LIMIT_SCORING", default="60/m/ip"),
    # Writing or changing a review, a reply or a report; writing a recovery story.
    "review": env.str("RATE_LIMIT_REVIEW", default="10/h/ip,20/d/user"),
    "story": env.str("RATE_LIMIT_STORY", default="5/h/ip,10/d/user"),
    # Orders in the shop (each takes stock for up to SHOP_PAYMENT_DAYS and sends an e-mail).
    "shop_order": env.str("RATE_LIMIT_SHOP_ORDER", default="10/h/ip,5/h/email"),
    # Switching notifications on or off for a device (each switch-on stores a row).
    "push": env.str("RATE_LIMIT_PUSH", default="30/h/user"),
}
# Reviews: the aggregates count the published reviews of the last this many years
# (said next to every aggregate); an invitation link works this many days.
REVIEWS_COUNTED_YEARS = env.int("REVIEWS_COUNTED_YEARS", default=4)
# At most this many future appointments (booked or held) per patient, or per guest
# e-mail address, at one practice.
BOOKINGS_MAX_FUTURE_PER_PRACTICE = env.int("BOOKINGS_MAX_FUTURE_PER_PRACTICE", default=3)
# A guest's form must have been shown at least this many seconds and at most this many
# minutes before it is sent, and each form can be sent once (a person, not a script).
GUEST_FORM_MIN_SECONDS = env.int("GUEST_FORM_MIN_SECONDS", default=3)
GUEST_FORM_MAX_MINUTES = env.int("GUEST_FORM_MAX_MINUTES", default=60)

# --- Shop (shop/; docs/shop.md) -----------------------------------------------------
# VAT per product class (percent), flat shipping per country (cents, VAT included),
# how long a bank transfer may take, and the seller on every invoice.
SHOP_VAT_PERCENT = {
    "book": env.int("SHOP_VAT_BOOK", default=9),
    "standard": env.int("SHOP_VAT_STANDARD", default=21),
}
SHOP_SHIPPING_CENTS = {
    "NL": env.int("SHOP_SHIPPING_NL", default=495),
    "BE": env.int("SHOP_SHIPPING_BE", default=895),
}
SHOP_PAYMENT_DAYS = env.int("SHOP_PAYMENT_DAYS", default=7)
SHOP_MAX_QUANTITY = 10
SHOP_INVOICE_PREFIX = env.str("SHOP_INVOICE_PREFIX", default="PR")
SHOP_SELLER = {
    "name": env.str("SHOP_SELLER_NAME", default="Stichting pijnreset"),
    "address": env.str("SHOP_SELLER_ADDRESS", default="Voorbeeldstraat 1, 3511 AB Utrecht"),
    "kvk": env.str("SHOP_SELLER_KVK", default="00000000"),
    "vat_number": env.str("SHOP_SELLER_VAT_NUMBER", default="NL000000000B01"),
    "iban": env.str("SHOP_SELLER_IBAN", default="NL00 BANK 0000 0000 00"),
    "email": env.str("SHOP_SELLER_EMAIL", default="winkel@pijnreset.example.nl"),
}
# Mollie (iDEAL and cards): without a key only bank transfer is offered.
MOLLIE_API_KEY = env.str("MOLLIE_API_KEY", default="")
MOLLIE_API_URL = env.str("MOLLIE_API_URL", default="")  # empty: Mollie's own; tests: a fake
# Web Push reminders (docs/push.md): without all three, reminders come by e-mail only.
# `manage.py generate_vapid_keys` prints a new pair.
VAPID_PUBLIC_KEY = env.str("VAPID_PUBLIC_KEY", default="")
VAPID_PRIVATE_KEY = env.str("VAPID_PRIVATE_KEY", default="")
VAPID_SUBJECT = env.str("VAPID_SUBJECT", default="")  # mailto:beheer@example.nl
# The push services we send to (scheme://host, "*." for any subdomain): a browser gives us
# the address to post to, so only these are accepted (never any address on the internet).
WEB_PUSH_SERVICES = env.list(
    "WEB_PUSH_SERVICES",
    default=[
        "https://fcm.googleapis.com",
        "https://updates.push.services.mozilla.com",
        "https://*.notify.windows.com",
        "https://web.push.apple.com",
    ],
)
