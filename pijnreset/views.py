import functools
import hashlib
import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html")


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/about.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@login_required
def more(request: HttpRequest) -> HttpResponse:
    """The "More" tab: everything that is not a daily place, for patients and staff alike.

    It holds no health data (only links), so it is not behind the clinical gate.
    """
    return render(request, "pages/more.html")


def help_page(request: HttpRequest) -> HttpResponse:
    """Crisis help: works logged out and without JavaScript (docs/clinical.md section 6)."""
    return render(request, "pages/help.html", {"crisis_lines": settings.CRISIS_LINES})


def offline(request: HttpRequest) -> HttpResponse:
    """What the service worker shows for a page that needs the network (docs/offline.md)."""
    return render(request, "pages/offline.html")


# The exercises' timer, offline too. ES modules import each other by their plain names
# ("./timing.js"), which the manifest storage does not rewrite: the worker keeps both.
SW_MODULES = (
    "exercises/start.js",
    "exercises/offline-start.js",
    "exercises/session.js",
    "exercises/timing.js",
    "exercises/voice.js",
    "exercises/wake-lock.js",
)
# Static files the worker keeps from its first start; what else a page loads is
# cached the first time it is seen (stale-while-revalidate, js/sw.js).
SW_STATIC = (
    "css/site.css",
    "js/offline.js",
    "vendor/htmx.min.js",
    "img/icon.svg",
    "programme/programme.css",
    "css/read-aloud.css",
    "js/read-aloud.js",
    "exercises/exercises.css",
    "diary/diary.css",
    "assessments/body-map.css",
    "assessments/body-map.js",
    *SW_MODULES,
)
SW_CONFIG_LINE = re.compile(r"^const CONFIG = .*$", re.MULTILINE)
# The worker's first line imports the push handlers (docs/push.md) by their static URL.
SW_PUSH_IMPORT = re.compile(r"^importScripts\(.*$", re.MULTILINE)
SW_PUSH = "js/sw-push.js"


# The patient pages the worker keeps as last seen, and fetches once when a patient's
# page asks (so they open offline even if never opened online).
SW_PATIENT_PAGES = (
    "programme:today",
    "diary:checkin",
    "exercises:list",
    "exercises:breathing",
    "exercises:pmr",
    "exercises:body_scan",
)


def _in_languages(names: tuple[str, ...], placeholder: str = "") -> dict[str, list[str]]:
    """Each URL name in each language; with a placeholder for the one argument a URL takes."""
    found = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found[code] = [
                reverse(name, args=[placeholder] if placeholder else []) for name in names
            ]
    return found


def _static_file(name: str) -> Path:
    found = finders.find(name)
    if not isinstance(found, str):
        raise LookupError(name)
    return Path(found)


def _service_worker_source() -> str:
    source = _static_file("js/sw.js").read_text(encoding="utf-8")
    digest = hashlib.sha256(source.encode())
    for name in (*SW_STATIC, SW_PUSH):
        digest.update(_static_file(name).read_bytes())
    public = _in_languages(("help", "offline"))
    patient = _in_languages(SW_PATIENT_PAGES)
    # One page each under these: the lessons and the pain-education pages (the flare
    # plan), kept when Today names them (programme.offline).
    kept = _in_languages(("programme:lesson", "programme:page"), placeholder="x")
    static_urls = [static(name) for name in SW_STATIC]
    plain = [settings.STATIC_URL + name for name in SW_MODULES]
    config = {
        # A new version whenever the worker or a file it keeps changes: the
        # browser then installs the new worker and the page offers to refresh.
        "version": digest.hexdigest()[:12],
        "static": list(dict.fromkeys([*static_urls, *plain])),
        "public": [url for urls in public.values() for url in urls],
        "offline": {code: urls[1] for code, urls in public.items()},
        "pages": [url for urls in patient.values() for url in urls],
        "kept": [url.removesuffix("x/") for urls in kept.values() for url in urls],
        "warm": patient,
    }
    line = f"const CONFIG = {json.dumps(config)}; // set by pijnreset.views.service_worker"
    source = SW_CONFIG_LINE.sub(lambda _match: line, source, count=1)
    push = f"importScripts({json.dumps(static(SW_PUSH))}); // set by pijnreset.views"
    return SW_PUSH_IMPORT.sub(lambda _match: push, source, count=1)


# Static files do not change while a production process runs (collectstatic first).
_cached_service_worker_source = functools.cache(_service_worker_source)


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, from the site root so its scope is the whole site."""
    source = _service_worker_source() if settings.DEBUG else _cached_service_worker_source()
    response = HttpResponse(source, content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/"
    # The browser must see a new version at once: never from an HTTP cache.
    response["Cache-Control"] = "no-cache, max-age=0"
    return response


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "vendor": connection.vendor})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: rendering must not touch the database or the session.
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403_csrf.html", status=403)
