"""Bounded input types for the API's schemas: the windows of `pijnreset.bounds`.

A value outside its window fails validation, so ninja answers 422 naming the
field, before any endpoint code runs:

    class Period(Schema):
        to: PastDate | None = None
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.utils import timezone
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

from bookings.requests import has_zone
from pijnreset import bounds

PAST_WINDOW = f"{bounds.PAST_FIRST.isoformat()} to {bounds.PAST_LAST.isoformat()}"
BOOKING_WINDOW = "from yesterday to two years ahead (UTC dates)"


def _past_date(value: dt.date) -> dt.date:
    if not bounds.in_past_window(value):
        raise ValueError(f"Give a date from {PAST_WINDOW}.")
    return value


def _past_instant(value: dt.datetime) -> dt.datetime:
    try:
        day = value.astimezone(dt.UTC).date()
    except (OverflowError, ValueError):
        day = dt.date.max
    if not bounds.in_past_window(day):
        raise ValueError(f"Give a time from {PAST_WINDOW}.")
    return value


def _booking_instant(value: dt.datetime) -> dt.datetime:
    today = timezone.now().date()
    # Naive here means UTC for the window only; bookings.requests refuses it by name.
    moment = value if has_zone(value) else value.replace(tzinfo=dt.UTC)
    if not bounds.instant_in_booking_window(moment, today=today):
        raise ValueError(f"Give a time {BOOKING_WINDOW}.")
    return value


def iso_text(value: object) -> object:
    """Before a datetime is parsed: only ISO 8601 text (pydantic would take a Unix time too)."""
    if not isinstance(value, str):
        raise ValueError("Give the time as ISO 8601 text with its offset.")
    return value


def no_control(value: str) -> str:
    if bounds.has_control(value, multiline=False):
        raise ValueError("Control characters (such as NUL) are not allowed here.")
    return value


def multiline_ok(value: str) -> str:
    if bounds.has_control(value, multiline=True):
        raise ValueError("Control characters (such as NUL) are not allowed; newlines and tabs are.")
    return value


PastDate = Annotated[
    dt.date, AfterValidator(_past_date), Field(description=f"ISO 8601 date, {PAST_WINDOW}")
]
PastInstant = Annotated[
    AwareDatetime,
    BeforeValidator(iso_text),
    AfterValidator(_past_instant),
    Field(description=f"ISO 8601 instant with its offset, {PAST_WINDOW}"),
]
BookingInstant = Annotated[dt.datetime, AfterValidator(_booking_instant)]
Text = Annotated[str, AfterValidator(no_control)]
MultilineText = Annotated[str, AfterValidator(multiline_ok)]
