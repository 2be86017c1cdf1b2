"""The JSON API under /api/v1/ (django-ninja): thin endpoints over the apps' actions.

Each area has its own module in this package with a `router`; add it below.
OpenAPI: /api/v1/openapi.json; interactive docs: /api/v1/docs.
"""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from accounts.access import ClinicalAccessDenied

api = NinjaAPI(
    title="pijnreset API",
    version="1",
    description=(
        "Check-ins, open scoring, practices and appointments. Dates are ISO 8601. "
        "Health-data endpoints answer 403 to staff accounts and to patients without "
        "an active health-data consent. "
        "Input bounds (docs/input-bounds.md): check-in dates 1900-01-01 to 2100-12-31; "
        "booking and slot times from yesterday to two years ahead; text without control "
        "characters (newlines and tabs allowed in notes). Outside them: 422 naming the field."
    ),
    urls_namespace="api",
)


@api.exception_handler(ClinicalAccessDenied)
def clinical_access_denied(request: HttpRequest, exc: ClinicalAccessDenied) -> HttpResponse:
    """The clinical gate's refusal (accounts/access.py), in the API's error shape."""
    return api.create_response(request, {"detail": str(exc.message)}, status=403)


# Routers, one line per area (keep the order stable):
from api import checkins  # noqa: E402

api.add_router("", checkins.router)
from api import scoring  # noqa: E402

api.add_router("", scoring.router)
from api import practices  # noqa: E402

api.add_router("", practices.router)
from api import appointments  # noqa: E402

api.add_router("", appointments.router)
