"""The windows every date, time, number and text that comes in must fit (pure: stdlib only).

One place for the limits, so the HTML forms, the pages' GET parameters and the
JSON API refuse the same values with the same words. docs/input-bounds.md
explains them; the API's OpenAPI descriptions quote them.

- Past and personal data (check-ins, questionnaires, lists of them): a date
  from 1 January 1900 to 31 December 2100.
- Bookings and slots (a start, a week to show, a block, a closure): from the
  day before today (time zones differ by up to a day) to two years ahead.
- Free text: no control characters; multi-line text keeps newlines and tabs.
- Whole numbers from JSON or a URL: within a signed 32-bit integer (what every
  database column we use can hold).
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta
from typing import Final, Literal
from zoneinfo import ZoneInfo

PAST_FIRST: Final = date(1900, 1, 1)
PAST_LAST: Final = date(2100, 12, 31)

BOOKING_SLACK: Final = timedelta(days=1)
BOOKING_AHEAD: Final = timedelta(days=731)  # two years, a leap day included

INT_MIN: Final = -(2**31)
INT_MAX: Final = 2**31 - 1

MULTILINE_KEEP: Final = frozenset("\n\r\t")


def in_past_window(day: date) -> bool:
    """Is `day` a date we keep personal data for (1900-2100)?"""
    return PAST_FIRST <= day <= PAST_LAST


def booking_window(today: date) -> tuple[date, date]:
    """First and last date a booking, a week of slots, a block or a closure may fall on."""
    return today - BOOKING_SLACK, today + BOOKING_AHEAD


def in_booking_window(day: date, *, today: date) -> bool:
    first, last = booking_window(today)
    return first <= day <= last


def clamp_to_booking_window(day: date, *, today: date) -> date:
    """A week or day to show, moved into the booking window (navigation never fails)."""
    first, last = booking_window(today)
    return min(max(day, first), last)


def instant_in_booking_window(moment: datetime, *, today: date) -> bool:
    """An aware instant whose UTC date lies in the booking window (safe to add days to)."""
    try:
        day = moment.astimezone(UTC).date()
    except (OverflowError, ValueError):
        return False
    return in_booking_window(day, today=today)


def in_int_range(number: int) -> bool:
    return INT_MIN <= number <= INT_MAX


def parse_count(text: str) -> int | None:
    """A whole number 0..INT_MAX written in ASCII digits, or None.

    (str.isdigit() is true for "²" and other digits int() refuses.)
    """
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    number = int(text)
    return number if number <= INT_MAX else None


def is_control(character: str, *, multiline: bool) -> bool:
    """A control or unassigned-surrogate character that free text must not carry."""
    if multiline and character in MULTILINE_KEEP:
        return False
    return unicodedata.category(character) in ("Cc", "Cs")


def has_control(text: str, *, multiline: bool = False) -> bool:
    return any(is_control(character, multiline=multiline) for character in text)


def strip_control(text: str, *, multiline: bool = False) -> str:
    """`text` without NUL and other control characters (newlines and tabs kept if multiline)."""
    return "".join(c for c in text if not is_control(c, multiline=multiline))


LocalTimeProblem = Literal["missing", "ambiguous"]


def local_time_problem(naive: datetime, zone: ZoneInfo) -> LocalTimeProblem | None:
    """Does this wall-clock time exist once on this day in `zone`?

    "missing": skipped when the clocks go forward (02:30 on the last Sunday of
    March in Amsterdam); "ambiguous": it happens twice when they go back.
    """
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive.replace(tzinfo=None, fold=0):
        return "missing"
    if first.utcoffset() != second.utcoffset():
        return "ambiguous"
    return None
