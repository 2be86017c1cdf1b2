"""Rules over a patient's daily scores (pure: standard library only, no Django).

- Which dates a check-in may be recorded for: today and up to 7 days back, never
  in the future (the issue's rule, in the patient's local dates).
- The flare suggestion of docs/clinical.md section 6: pain >= 2 points above the
  7-day mean, two days in a row. Our reading, documented here: the two days
  are the latest check-in day (today or yesterday) and the day before it; both
  must have a check-in; the reference is the mean pain of the 7 days before
  the first of the two days (so the flare does not raise its own reference),
  and needs at least 4 check-ins in those 7 days.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from fractions import Fraction
from typing import Final

DAYS_BACK: Final = 7
FLARE_RISE: Final = 2
FLARE_WINDOW_DAYS: Final = 7
FLARE_MIN_REFERENCE_DAYS: Final = 4


def date_problem(day: date, *, today: date) -> str | None:
    """ "future", "too_old" or None when a check-in may be recorded for `day`."""
    if day > today:
        return "future"
    if day < today - timedelta(days=DAYS_BACK):
        return "too_old"
    return None


def allowed_dates(today: date) -> list[date]:
    """The dates a check-in may be recorded for, newest first."""
    return [today - timedelta(days=n) for n in range(DAYS_BACK + 1)]


def flare_suggested(pain_by_date: Mapping[date, int], *, today: date) -> bool:
    """True when the flare rule holds for the latest two days (see module docstring)."""
    last = today if today in pain_by_date else today - timedelta(days=1)
    first = last - timedelta(days=1)
    if last not in pain_by_date or first not in pain_by_date:
        return False
    window = [
        pain_by_date[first - timedelta(days=n)]
        for n in range(1, FLARE_WINDOW_DAYS + 1)
        if first - timedelta(days=n) in pain_by_date
    ]
    if len(window) < FLARE_MIN_REFERENCE_DAYS:
        return False
    mean = Fraction(sum(window), len(window))
    return all(pain_by_date[day] >= mean + FLARE_RISE for day in (first, last))


def flare_window_start(today: date) -> date:
    """The oldest date `flare_suggested` may look at (for a bounded query)."""
    return today - timedelta(days=1 + 1 + FLARE_WINDOW_DAYS)
