"""The one error format of the API (docs/api.md), and the one way to build it.

Every error answer of /api/v1, whatever its status, has this body:

    {"detail": [{"loc": ["body", "fatigue"], "msg": "...", "type": "less_than_equal"}]}

`loc` names the input the error is about (`["body", key, ...]`, `["query", name]`,
`["path", name]`), or is empty when the error is about the request as a whole
(401, 403, 409, 429). `msg` is for people; `type` is a stable code for programs.
Document an endpoint's answers with `ERRORS` (or `errors(...)` for a chosen set):

    @router.get("/things/{id}", response={200: ThingOut, **ERRORS})

Build an error with `field_errors` (422 naming fields) or `problem` (any status,
one message); ninja's own errors (validation, authentication, a body that is not
JSON) become the same shape in `error_answer`, the one exception handler
(installed in api/main.py). schemathesis (api/tests/test_schema.py) fails on any
answer the document does not describe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from accounts.access import ClinicalAccessDenied
from pijnreset.ratelimit import Refusal


class FieldError(Schema):
    loc: list[str | int] = Field(
        description='Where: ["body", "pain"], ["body", "items", 2], ["query", "from"], '
        '["path", "appointment_id"]; [] when the error is about the request as a whole'
    )
    msg: str = Field(description="For people; ours in the user's language")
    type: str = Field(
        description="For programs, stable: missing, extra_forbidden, json_invalid, "
        "duplicate_key, invalid, not_authenticated, no_consent, not_found, slot_taken, "
        "rate_limited, ... (docs/api.md)"
    )


class Errors(Schema):
    """The one error body: a list of errors, at least one."""

    detail: list[FieldError] = Field(min_length=1)


FieldErrors = Errors  # the 422 answer: the same shape as every other error

# The type of an error about the request as a whole, by status (when no better one is known).
STATUS_TYPES: Mapping[int, str] = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    410: "gone",
    413: "too_large",
    422: "invalid",
    429: "rate_limited",
    503: "unavailable",
}


def errors(*statuses: int) -> dict[int, type[Errors]]:
    """The documented error answers of an endpoint: `{**errors(404, 422, 429)}`."""
    return dict.fromkeys(statuses, Errors)


ERRORS: dict[int, type[Errors]] = errors(400, 401, 403, 404, 413, 422)


def problem(
    status: int, message: str, *, type: str | None = None, loc: Sequence[str | int] = ()
) -> Errors:
    """One error about the request (or one input, with `loc`): 404, 409, 429, ..."""
    return Errors(
        detail=[FieldError(loc=list(loc), msg=str(message), type=type or STATUS_TYPES[status])]
    )


def field_errors(
    errors: Mapping[str, str], *, where: Mapping[str, tuple[str, ...]], type: str = "invalid"
) -> Errors:
    """A 422 body naming each field: {field: message}, located in body (default)/path/query.

    A field may name an item of a list, as the pure scorers do: "items[2]" is
    loc ["body", "items", 2].
    """
    return Errors(
        detail=[
            FieldError(loc=[*where.get(name, ("body",)), *path_of(name)], msg=message, type=type)
            for name, message in errors.items()
        ]
    )


_INDEX = re.compile(r"\[(\d+)\]")


def path_of(name: str) -> list[str | int]:
    """ "current_scores[3]" -> ["current_scores", 3]; "pain" -> ["pain"]."""
    head, _sep, rest = name.partition("[")
    return [head, *(int(index) for index in _INDEX.findall("[" + rest))] if rest else [head]


# --- Everything that can go wrong, as exceptions the one handler turns into answers ---


class ApiError(Exception):
    """Raise anywhere below an endpoint to answer `status` with `body` (and `headers`)."""

    def __init__(self, status: int, body: Errors, headers: Mapping[str, str] | None = None):
        super().__init__(status, body.detail[0].msg)
        self.status = status
        self.body = body
        self.headers = dict(headers or {})


class RateLimited(ApiError):
    """Over a limit of pijnreset/ratelimit.py: 429 with its message and Retry-After."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(
            429, problem(429, refusal.message), {"Retry-After": str(refusal.retry_after)}
        )


class BodyError(ValueError):
    """The strict parser's refusal (api/parser.py): the body cannot be read as a JSON object."""

    def __init__(
        self, msg: str, *, type: str = "json_invalid", loc: Sequence[str | int] = ("body",)
    ) -> None:
        super().__init__(msg)
        self.msg = msg
        self.type = type
        self.loc = list(loc)


def error_answer(exc: Exception) -> tuple[int, Errors, dict[str, str]]:
    """The status, body and headers for one of the exceptions the API answers.

    The one exception handler (api/main.py) calls this for ninja's validation and
    HTTP errors, Django's Http404 and RequestDataTooBig, the clinical gate's refusal
    and `ApiError`.
    """
    if isinstance(exc, ApiError):
        return exc.status, exc.body, exc.headers
    if isinstance(exc, ValidationError):
        return 422, Errors(detail=[_pydantic_error(error) for error in exc.errors]), {}
    if isinstance(exc, ClinicalAccessDenied):
        return 403, problem(403, str(exc.message), type=exc.reason), {}
    if isinstance(exc, Http404):
        return 404, problem(404, _("Not found.")), {}
    if isinstance(exc, RequestDataTooBig):  # over settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return 413, problem(413, _("The request is too large."), loc=("body",)), {}
    if isinstance(exc, AuthenticationError):
        message = _("Log in, or send a personal access token: Authorization: Bearer <token>.")
        return 401, problem(401, message), {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, HttpError):
        cause = exc.__cause__
        if isinstance(cause, BodyError):  # ninja wraps a parser error in a 400
            return 422, Errors(detail=[FieldError(**_body_error(cause))]), {}
        return exc.status_code, problem(exc.status_code, str(exc), type=_type(exc)), {}
    raise TypeError(f"not an API error: {exc!r}")


def _type(exc: HttpError) -> str:
    return STATUS_TYPES.get(exc.status_code, "error")


def _body_error(error: BodyError) -> dict[str, Any]:
    return {"loc": error.loc, "msg": error.msg, "type": error.type}


def _pydantic_error(error: Mapping[str, Any]) -> FieldError:
    """A ninja/pydantic error without its context (`input`, `ctx`, `url`): loc, msg, type."""
    return FieldError(loc=list(error["loc"]), msg=str(error["msg"]), type=str(error["type"]))
