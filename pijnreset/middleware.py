from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers


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
