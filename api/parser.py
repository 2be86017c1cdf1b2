"""The API's strict JSON reader: every request body is one JSON object, read exactly.

- A key given twice in one object is refused (`duplicate_key`, loc ["body", ..., key]),
  never silently the last one.
- Numbers with a fraction or exponent are read as `Decimal` (7.0 stays exactly 7.0,
  never the binary float 6.99999...); whole numbers stay `int`. Schemas that take a
  float accept a Decimal; strict integer fields refuse 1.0 as they refuse true.
- NaN and Infinity are not JSON and are refused, as are bodies that are not UTF-8,
  not JSON, or not an object (a list, a string, null).

Each refusal is a `BodyError`; ninja wraps it in an HTTP error, and the one
exception handler (api/errors.py) answers 422 in the one error format.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, NoReturn

from django.http import HttpRequest
from ninja.parser import Parser

from api.errors import BodyError

NOT_AN_OBJECT = "The body must be one JSON object ({...}), sent as application/json."


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def _not_json(name: str) -> NoReturn:
    raise BodyError(f"{name} is not a JSON number: use a finite number.")


def read_object(body: bytes) -> dict[str, Any]:
    """The JSON object of a request body, or a `BodyError` saying what is wrong."""
    try:
        data = json.loads(
            body.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_float=Decimal,
            parse_constant=_not_json,
        )
    except BodyError:
        raise
    except _DuplicateKey as exc:
        raise BodyError(
            f"'{exc.key}' is given more than once.", type="duplicate_key", loc=("body", exc.key)
        ) from exc
    except json.JSONDecodeError as exc:
        raise BodyError(f"{NOT_AN_OBJECT} ({exc.msg}, position {exc.pos})") from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BodyError(NOT_AN_OBJECT) from exc
    if not isinstance(data, dict):
        raise BodyError(NOT_AN_OBJECT, type="model_type")
    return data


class StrictJSONParser(Parser):
    """ninja's parser with `read_object` for bodies; query strings and forms as ninja does."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        return read_object(request.body)
