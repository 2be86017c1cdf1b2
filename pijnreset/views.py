from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
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
