"""Rules over a patient's daily scores (pure: standard library only, no Django).

- Which dates a check-in may be recorded for: today and up to 7 days back, never
  in the future (the issue's rule, in the patient's local dates).
- The pain spike of docs/clinical.md section 6, the single source for the flare
  suggestion here and for the pacing rules (exercises/pacing.py): pain on a
  day >= min(mean pain of the 7 days before that day + 2, 10), needing at
  least 4 scores in those 7 days. The cap at 10 means a high mean never hides
  a flare: with a mean of 9, a 10 is a spike.
- The flare suggestion: a pain spike on 2 days in a row. The two days are the
  latest check-in day (today or yesterday) and the day before it; each day is
  measured against the 7 days before it. The suggestion only OFFERS the gentle
  plan on the Today page; it never switches flare mode on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from fractions import Fraction
from typing import Final

DAYS_BACK: Final = 7
SPIKE_RISE: Final = 2
SPIKE_CEILING: Final = 10  # the top of the 0-10 scale: a high mean never hides a spike
SPIKE_WINDOW_DAYS: Final = 7
SPIKE_MIN_SCORES: Final = 4


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


def mean_pain_before(pain_by_date: Mapping[date, int], day: date) -> Fraction | None:
    """Exact mean pain of the 7 days before `day`; None with fewer than 4 scores there."""
    scores = [
        pain_by_date[earlier]
        for earlier in (day - timedelta(days=n) for n in range(1, SPIKE_WINDOW_DAYS + 1))
        if earlier in pain_by_date
    ]
    if len(scores) < SPIKE_MIN_SCORES:
        return None
    return Fraction(sum(scores), len(scores))


def spike_threshold(mean: Fraction) -> Fraction:
    """The pain from which a day is a spike: min(mean + 2, 10)."""
    return min(mean + SPIKE_RISE, Fraction(SPIKE_CEILING))


def pain_spike(pain_by_date: Mapping[date, int], day: date) -> bool:
    """Pain on `day` >= min(mean of the 7 days before + 2, 10), with >= 4 scores there."""
    if day not in pain_by_date:
        return False
    mean = mean_pain_before(pain_by_date, day)
    return mean is not None and pain_by_date[day] >= spike_threshold(mean)


def flare_suggested(pain_by_date: Mapping[date, int], *, today: date) -> bool:
    """True when the latest two check-in days (see module docstring) are both pain spikes."""
    last = today if today in pain_by_date else today - timedelta(days=1)
    first = last - timedelta(days=1)
    return pain_spike(pain_by_date, first) and pain_spike(pain_by_date, last)


def flare_window_start(today: date) -> date:
    """The oldest date `flare_suggested` may look at (for a bounded query)."""
    return today - timedelta(days=1 + 1 + SPIKE_WINDOW_DAYS)
