"""The JSON API under /api/v1/ (django-ninja): thin endpoints over the apps' actions.

Each area has its own module in this package with a `router`; add it below.
OpenAPI: /api/v1/openapi.json; interactive docs: /api/v1/docs.
"""

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError, ValidationErrorContext

from accounts.access import ClinicalAccessDenied
from api.errors import ApiError, error_answer
from api.parser import StrictJSONParser


class PijnresetAPI(NinjaAPI):
    def validation_error_from_error_contexts(
        self, error_contexts: list[ValidationErrorContext[Any]]
    ) -> ValidationError:
        """ninja's errors, with the body located as sent: ["body", "pain"], not
        ["body", "payload", "pain"] (the endpoint's parameter name is no part of the API)."""
        error = super().validation_error_from_error_contexts(error_contexts)
        names = {
            getattr(context.model, "__read_from_single_attr__", None)
            for context in error_contexts
            if context.model.__ninja_param_source__ == "body"
        } - {None}
        for item in error.errors:
            loc = tuple(item["loc"])
            if len(loc) >= 2 and loc[0] == "body" and loc[1] in names:
                item["loc"] = (loc[0], *loc[2:])
        return error


api = PijnresetAPI(
    title="pijnreset API",
    version="1",
    description=(
        "Check-ins, open scoring, practices and appointments. Dates are ISO 8601. "
        "Every request body is one JSON object (a key given twice is refused; numbers are "
        "read as exact decimals). Every error answer has one shape, "
        '{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}: `loc` names the input '
        "(empty for the request as a whole), `msg` is for people, `type` for programs "
        "(docs/api.md). "
        "Health-data endpoints answer 403 to staff accounts and to patients without "
        "an active health-data consent. "
        "Input bounds (docs/input-bounds.md): check-in dates 1900-01-01 to 2100-12-31; "
        "booking and slot times from yesterday to two years ahead; text without control "
        "characters (newlines and tabs allowed in notes). Outside them: 422 naming the field."
    ),
    urls_namespace="api",
    parser=StrictJSONParser(),
)


def answer_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """The one exception handler: every error the API raises, in the one format."""
    status, body, headers = error_answer(exc)
    response = api.create_response(request, body.model_dump(), status=status)
    for name, value in headers.items():
        response[name] = value
    return response


for handled in (
    ValidationError,
    HttpError,
    Http404,
    RequestDataTooBig,
    ClinicalAccessDenied,
    ApiError,
):
    # ninja types a handler's exception as "an exception or its class"; it passes instances.
    api.add_exception_handler(handled, answer_error)  # type: ignore[arg-type]


# Routers, one line per area (keep the order stable):
from api import checkins  # noqa: E402

api.add_router("", checkins.router)
from api import scoring  # noqa: E402

api.add_router("", scoring.router)
from api import practices  # noqa: E402

api.add_router("", practices.router)
from api import appointments  # noqa: E402

api.add_router("", appointments.router)
from api import exports  # noqa: E402

api.add_router("", exports.router)
from api import reviews  # noqa: E402

api.add_router("", reviews.router)
from api import insights  # noqa: E402

api.add_router("", insights.router)
from api import shop  # noqa: E402

api.add_router("", shop.router)
from api import access_log  # noqa: E402

api.add_router("", access_log.router)
from api import exercise_sessions  # noqa: E402

api.add_router("", exercise_sessions.router)
from api import push  # noqa: E402

api.add_router("", push.router)
