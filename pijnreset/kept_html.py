"""A page body kept rendered in the cache, with each request's CSRF token written in.

A body rendered once and served to its patient many times (Today, the check-in page)
shows nothing of the request but the CSRF token of its forms. It is rendered with a
stand-in for the token and kept as a format string: braces doubled, the stand-in
`{token}`. Each request writes its own token in with `format_html`, which escapes it.
Escaped text cannot close an attribute, so nothing a user wrote can pass for the
stand-in.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import format_html

STAND_IN = "csrf-token-written-per-request"


def as_format(template: str, context: dict[str, Any]) -> str:
    """The template rendered with the stand-in token, as a format string to keep."""
    html = render_to_string(template, {**context, "csrf_token": STAND_IN})
    doubled = html.replace("{", "{{").replace("}", "}}")
    return doubled.replace(f'value="{STAND_IN}"', 'value="{token}"')


def with_token(kept: str, request: HttpRequest) -> str:
    """The kept body with this request's CSRF token (masked anew, as {% csrf_token %})."""
    return format_html(kept, token=get_token(request))
