import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from accounts.access import ClinicalAccessDenied, ConsentMissing, NotSignedIn
from accounts.models import Role
from pijnreset.logging import is_tokened_path

# Everyone who may see other people's data: short idle sessions.
STAFF_ROLES = frozenset({Role.THERAPIST, Role.PRACTICE_MANAGER, Role.NETWORK_OPERATOR})
NO_STORE = "no-store, no-cache, must-revalidate, private, max-age=0"


class StaffIdleTimeoutMiddleware:
    """Staff sessions end after STAFF_IDLE_TIMEOUT seconds without a request.

    Therapists, practice managers and operators see other people's health
    data, so a forgotten session on a practice computer must not stay open.
    Every request of a staff member restarts the clock (the session is saved
    with the new expiry); patients keep the session length they chose at
    log-in ("stay logged in" or until the browser closes). Runs on the way
    out, so the log-in request itself already gets the short expiry.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _is_staff(user):
            request.session.set_expiry(settings.STAFF_IDLE_TIMEOUT)
        return response


def _is_staff(user: object) -> bool:
    return getattr(user, "role", None) in STAFF_ROLES or bool(getattr(user, "is_staff", False))


class NoStoreForPersonalDataMiddleware:
    """`Cache-Control: no-store` on every answer that may hold personal data.

    That is every answer to a logged-in user, every API answer, every page
    with a form (which may echo back what was typed) and every page reached
    by a secret in its URL (an e-mailed link shows time, therapist and video
    room to whoever holds it; `pijnreset.logging.is_tokened_path`). Only
    static files and anonymous plain pages stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        personal = (
            (user is not None and user.is_authenticated)
            or request.path.startswith("/api/")
            or is_tokened_path(request.path_info)
            or request.method != "GET"
            or settings.CSRF_COOKIE_NAME in response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        )
        if personal:
            # What add_never_cache_headers leaves, with our fixed Cache-Control over it,
            # without parsing and rebuilding the header twice on every answer.
            if not response.has_header("Expires"):
                response["Expires"] = http_date(time.time())
            response["Cache-Control"] = NO_STORE
        patch_vary_headers(response, ("Cookie",))
        return response


class ClinicalAccessMiddleware:
    """Translate the clinical gate's refusal (accounts/access.py) for HTML pages.

    The one place where `ClinicalAccessDenied` becomes an answer: an anonymous
    visitor goes to the log-in page (as `login_required` does); a staff account
    or a patient without health-data consent gets a page (403) that explains
    why and what they can do. The API translates the same refusal itself
    (api/main.py), before it reaches this middleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ClinicalAccessDenied):
            return None
        if isinstance(exception, NotSignedIn):
            return redirect_to_login(request.get_full_path())
        from accounts.adapter import landing_page

        context = {
            "refusal": exception,
            "needs_consent": isinstance(exception, ConsentMissing),
            "work_url": reverse(landing_page(request.user)),
        }
        return render(request, "errors/clinical_denied.html", context, status=403)
