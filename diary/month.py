"""The month view of the diary (the Progress tab): which month, and its weeks (pure, no Django).

The month comes from the query string as "YYYY-MM". Anything else, or a month outside the
range a diary can have (before `FIRST_MONTH`, after the patient's current month), falls back
to the nearest month that can be shown: the page never fails on what is typed in the address.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Final

FIRST_MONTH: Final = date(2020, 1, 1)  # before the product existed: nothing to show earlier
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def parse_month(text: str | None, *, today: date) -> date:
    """The first day of the month asked for, within [FIRST_MONTH, today's month]."""
    current = today.replace(day=1)
    found = _MONTH.fullmatch(text or "")
    if found is None:
        return current
    year, month = int(found.group(1)), int(found.group(2))
    if not 1 <= month <= 12:
        return current
    asked = date(year, month, 1) if year >= 1 else FIRST_MONTH
    return min(max(asked, FIRST_MONTH), current)


def month_key(first: date) -> str:
    return f"{first.year:04d}-{first.month:02d}"


def previous_month(first: date) -> date | None:
    """The month before, or None before FIRST_MONTH."""
    if first.month == 1:
        earlier = date(first.year - 1, 12, 1)
    else:
        earlier = first.replace(month=first.month - 1)
    return earlier if earlier >= FIRST_MONTH else None


def next_month(first: date, *, today: date) -> date | None:
    """The month after, or None after today's month."""
    if first.month == 12:
        later = date(first.year + 1, 1, 1)
    else:
        later = first.replace(month=first.month + 1)
    return later if later <= today.replace(day=1) else None


def last_day(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


@dataclass(frozen=True)
class Week:
    days: tuple[date | None, ...]  # Monday to Sunday; None outside the month


def weeks(first: date) -> list[Week]:
    """The month's weeks, Monday first (as in the Netherlands), padded with None."""
    grid = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        first.year, first.month
    )
    return [
        Week(days=tuple(day if day.month == first.month else None for day in row)) for row in grid
    ]
