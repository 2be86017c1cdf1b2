"""The floor: a bare Django view that answers "ok", no middleware, no database.

Served by gunicorn next to the product in `bench/pages.py`, the same way, so every
page's figure can be given as a share of what Django itself manages on this machine
in the same run (the machines are noisy; only ratios compare across runs).
"""

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-floor-not-a-secret",  # noqa: S106  (serves one constant string)
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1"],
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("", ok), path("healthz", ok)]

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings.configure)

application = get_wsgi_application()
