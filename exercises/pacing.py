"""The pacing rule of thumb for movement (docs/clinical.md section 6). Pure: no Django.

These are rules of thumb, not validated; every screen that shows them says so.
A suggestion is never a target to beat.

Inputs are plain mappings: minutes of movement per local date (only days with
movement logged are "active days") and pain scores 0-10 per local date (from
the daily check-in; may be empty). The rules, exactly:

- **Baseline** for a day = the mean minutes of the last 3 active days *before*
  that day, x 0.8. Fewer than 3 active days: no baseline yet. (Days before
  `today` only, so the suggestion does not change while you log today.)
- **Stable symptoms** (our reading of "when symptoms are stable"): in the 7
  days before today no movement log says symptoms were "much worse" after,
  there is no pain spike (a day whose pain is >= 2 points above the mean of
  the 7 days before it, needing 4 scores in those 7 days: the flare rule of
  docs/clinical.md 6), and no boom-bust pattern (below) starts in those days.
- **How far up**: only with stable symptoms, at most 10 % a week: up to
  1.1 x the mean minutes of the active days among the 7 days before today,
  rounded down. Shown only when that is above the (rounded) baseline.
- **Boom-bust**: an active day with minutes above 1.5 x its baseline, followed
  on one of the next 2 days by pain >= 2 points above the mean pain of the 7
  days before that later day (needing 4 scores in those 7 days).

Minutes are shown rounded half-up to whole minutes; all comparisons are exact
(fractions, never binary floats).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

BASELINE_DAYS = 3
BASELINE_FACTOR = Fraction(8, 10)
WEEKLY_RAISE = Fraction(11, 10)
BOOM_FACTOR = Fraction(3, 2)
BUST_WITHIN_DAYS = 2
PAIN_RISE = 2
PAIN_WINDOW_DAYS = 7
PAIN_MIN_SCORES = 4
STABLE_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Suggestion:
    """What the movement page shows. Minutes are whole minutes, rounded half-up."""

    baseline_minutes: int | None  # None: fewer than 3 active days so far
    upper_minutes: int | None  # the most to try this week; None: stay at the baseline
    stable: bool


@dataclass(frozen=True)
class BoomBust:
    active_day: date
    minutes: int
    baseline: Fraction
    pain_day: date
    pain: int
    pain_mean: Fraction


def whole_minutes(value: Fraction) -> int:
    """Round half-up to a whole minute (never Python's round(): half to even)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def minutes_per_day(logs: Iterable[tuple[date, int]]) -> dict[date, int]:
    """Add up the logged minutes per date; days with 0 minutes are not active days."""
    totals: dict[date, int] = {}
    for day, minutes in logs:
        if minutes > 0:
            totals[day] = totals.get(day, 0) + minutes
    return totals


def baseline(daily: Mapping[date, int], *, before: date) -> Fraction | None:
    """Mean minutes of the last 3 active days before `before`, x 0.8; None when fewer."""
    days = sorted((d for d, m in daily.items() if d < before and m > 0), reverse=True)
    recent = days[:BASELINE_DAYS]
    if len(recent) < BASELINE_DAYS:
        return None
    return Fraction(sum(daily[d] for d in recent), BASELINE_DAYS) * BASELINE_FACTOR


def mean_pain_before(pain: Mapping[date, int], day: date) -> Fraction | None:
    """Mean pain of the 7 days before `day`; None with fewer than 4 scores there."""
    scores = [
        pain[d]
        for d in (day - timedelta(days=n) for n in range(1, PAIN_WINDOW_DAYS + 1))
        if d in pain
    ]
    if len(scores) < PAIN_MIN_SCORES:
        return None
    return Fraction(sum(scores), len(scores))


def pain_spike(pain: Mapping[date, int], day: date) -> bool:
    """Pain on `day` is 2 or more points above the mean of the 7 days before it."""
    mean = mean_pain_before(pain, day)
    return day in pain and mean is not None and pain[day] >= mean + PAIN_RISE


def boom_busts(daily: Mapping[date, int], pain: Mapping[date, int]) -> list[BoomBust]:
    """Every boom-bust pattern in the data, oldest first (one per active day at most)."""
    found = []
    for day in sorted(daily):
        base = baseline(daily, before=day)
        if base is None or daily[day] <= BOOM_FACTOR * base:
            continue
        for later in (day + timedelta(days=n) for n in range(1, BUST_WITHIN_DAYS + 1)):
            mean = mean_pain_before(pain, later)
            if later in pain and mean is not None and pain[later] >= mean + PAIN_RISE:
                found.append(BoomBust(day, daily[day], base, later, pain[later], mean))
                break
    return found


def symptoms_stable(
    daily: Mapping[date, int],
    pain: Mapping[date, int],
    much_worse_days: Iterable[date],
    *,
    today: date,
) -> bool:
    """No 'much worse' after movement, no pain spike and no boom-bust in the last 7 days."""
    window = {today - timedelta(days=n) for n in range(1, STABLE_WINDOW_DAYS + 1)}
    if window & set(much_worse_days):
        return False
    if any(pain_spike(pain, day) for day in window):
        return False
    return not any(b.active_day in window for b in boom_busts(daily, pain))


def suggest(
    daily: Mapping[date, int],
    pain: Mapping[date, int],
    much_worse_days: Iterable[date],
    *,
    today: date,
) -> Suggestion:
    """The baseline for today and, with stable symptoms, how far up to go this week."""
    stable = symptoms_stable(daily, pain, much_worse_days, today=today)
    base = baseline(daily, before=today)
    if base is None:
        return Suggestion(baseline_minutes=None, upper_minutes=None, stable=stable)
    last_week = [
        daily[d]
        for d in (today - timedelta(days=n) for n in range(1, STABLE_WINDOW_DAYS + 1))
        if daily.get(d, 0) > 0
    ]
    upper = None
    if stable and last_week:
        # Rounded down, so the figure shown is never more than 10 % up.
        cap = math.floor(Fraction(sum(last_week), len(last_week)) * WEEKLY_RAISE)
        if cap > whole_minutes(base):
            upper = cap
    return Suggestion(baseline_minutes=whole_minutes(base), upper_minutes=upper, stable=stable)
