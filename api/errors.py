"""Error bodies of the API, for every router to document its answers truthfully.

Ninja answers a validation error with 422 and a *list* of field errors
(`{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`); other errors
carry one message (`{"detail": "..."}`). Document them with `ERRORS`:

    @router.get("/things/{id}", response={200: ThingOut, **ERRORS})

schemathesis (api/tests/test_schema.py) fails on any answer the document
does not describe.
"""

from ninja import Schema


class Error(Schema):
    detail: str


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class FieldErrors(Schema):
    detail: list[FieldError]


ERRORS: dict[int, type[Schema]] = {
    400: Error,
    401: Error,
    403: Error,
    404: Error,
    422: FieldErrors,
}


def field_errors(errors: dict[str, str], *, where: dict[str, tuple[str, ...]]) -> FieldErrors:
    """A 422 body naming each field: {field: message}, located in body/path/query."""
    return FieldErrors(
        detail=[
            FieldError(loc=[*where.get(field, ("body",)), field], msg=message, type="invalid")
            for field, message in errors.items()
        ]
    )
