"""The numbers of the report for a doctor or therapist (standard library only).

Averages are exact means of the integer daily scores, rounded once to one decimal, halves
away from zero (docs/clinical.md 3.2). Change against the baseline follows 3.2 exactly:
baseline = mean pain of the first 14 days from the start (at least 4 check-ins), current =
mean pain of the last 7 days of the period (at least 4 check-ins), classified by
`assessments.change.percent_change` on the shown value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from assessments.change import ChangeResult, exact_mean_of, percent_change
from assessments.rounding import round_half_up

BASELINE_DAYS: Final = 14
CURRENT_DAYS: Final = 7
MINIMUM_DAYS: Final = 4  # check-ins needed in each window
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
    """Change in pain from the baseline window after `start` to the 7 days up to `last_day`."""
    baseline = [
        score
        for day, score in pain_by_day.items()
        if start <= day < start + timedelta(days=BASELINE_DAYS)
    ]
    current = [
        score
        for day, score in pain_by_day.items()
        if last_day - timedelta(days=CURRENT_DAYS - 1) <= day <= last_day
    ]
    base_mean = exact_mean_of(baseline, minimum=MINIMUM_DAYS) if baseline else None
    current_mean = exact_mean_of(current, minimum=MINIMUM_DAYS) if current else None
    if base_mean is None or current_mean is None:
        return BaselineChange(len(baseline), len(current), None)
    return BaselineChange(len(baseline), len(current), percent_change(base_mean, current_mean))


def series(days: Sequence[Day], name: str, first: date, last: date) -> list[int | None]:
    """One value (or None) per calendar day from `first` to `last`, for a chart."""
    by_day = {d.day: d.scores.get(name) for d in days}
    length = (last - first).days + 1
    return [by_day.get(first + timedelta(days=offset)) for offset in range(length)]
