"""The numbers of the report for a doctor or therapist (standard library only).

Averages are exact means of the integer daily scores, rounded once to one decimal, halves
away from zero (docs/clinical.md 3.2). Change against the baseline follows 3.2 exactly:
baseline = mean pain of the first 14 days from the start (at least 4 check-ins), current =
mean pain of the last 7 days of the period after the baseline window (at least 4
check-ins), classified on the shown value: `assessments.change.pain_change`, the rule
every page uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from assessments.change import ChangeResult, exact_mean_of, pain_change
from assessments.rounding import round_half_up

CHART_SCORES: Final[tuple[str, ...]] = ("pain", "fatigue", "sleep_quality")


@dataclass(frozen=True)
class Day:
    day: date
    scores: Mapping[str, int | None]
    flare: bool = False


@dataclass(frozen=True)
class Average:
    shown: Decimal | None  # one decimal, half-up; None without any score
    days: int


@dataclass(frozen=True)
class BaselineChange:
    baseline_days: int
    current_days: int
    result: ChangeResult | None  # None: not enough data yet

    @property
    def enough_data(self) -> bool:
        return self.result is not None


def average(days: Sequence[Day], name: str) -> Average:
    values = [d.scores[name] for d in days if d.scores.get(name) is not None]
    exact = exact_mean_of([v for v in values if v is not None]) if values else None
    return Average(None if exact is None else round_half_up(exact), len(values))


def averages(days: Sequence[Day], names: Sequence[str] = CHART_SCORES) -> dict[str, Average]:
    return {name: average(days, name) for name in names}


def flare_days(days: Sequence[Day]) -> int:
    return sum(1 for d in days if d.flare)


def baseline_change(
    pain_by_day: Mapping[date, int], *, start: date, last_day: date
) -> BaselineChange:
    """Change in pain from the baseline window after `start` to the 7 days up to `last_day`
    (assessments.change.pain_change: the rule of every page that shows it)."""
    change = pain_change(pain_by_day, start=start, today=last_day)
    return BaselineChange(change.baseline_days, change.current_days, change.result)


def series(days: Sequence[Day], name: str, first: date, last: date) -> list[int | None]:
    """One value (or None) per calendar day from `first` to `last`, for a chart."""
    by_day = {d.day: d.scores.get(name) for d in days}
    length = (last - first).days + 1
    return [by_day.get(first + timedelta(days=offset)) for offset in range(length)]
