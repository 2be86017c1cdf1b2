from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from accounts.access import ClinicalAccessDenied, ConsentMissing, NotSignedIn


class NoStoreForPersonalDataMiddleware:
    """`Cache-Control: no-store` on every answer that may hold personal data.

    That is every answer to a logged-in user, every API answer and every page
    with a form (which may echo back what was typed). Only static files and
    anonymous plain pages stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        personal = (
            (user is not None and user.is_authenticated)
            or request.path.startswith("/api/")
            or request.method != "GET"
            or "csrftoken" in response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        )
        if personal:
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
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
