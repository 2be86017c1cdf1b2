"""Planned experiments (n-of-1 on/off plans) and their randomisation test. No Django.

docs/clinical.md 7: the patient plans a practice "on" in some weeks and "off" in the
others. Which weeks are "on" is drawn at random (half of the weeks, in a random order,
from a fixed seed per patient and plan), so at the end an exact randomisation test can
ask: if the practice made no difference, how often would a random plan like this one
show a difference at least this large?

- The unit is the week: the statistic is the mean of the "on" weeks' mean outcome minus
  the mean of the "off" weeks' mean outcome (exact Fractions).
- The p-value counts every balanced arrangement of the weeks (all C(weeks, weeks / 2)),
  two-sided, the observed one included.
- Every week needs at least MIN_DAYS_PER_WEEK scores, else "not enough data".
- What it can show: whether the outcome differed between on and off weeks more than
  chance would easily give. What it cannot show: why (other things change by week too),
  whether it holds for anyone else, or anything at all with few weeks: with 4 weeks the
  smallest possible p-value is 1/3, so 4 weeks can never give a clear result; 8 weeks
  can (smallest p 1/35).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Final

PLAN_WEEKS: Final = (4, 6, 8)
MIN_DAYS_PER_WEEK: Final = 3
CLEAR_P: Final = Fraction(5, 100)

NOT_ENOUGH_DATA: Final = "not_enough_data"
NO_CLEAR_DIFFERENCE: Final = "no_clear_difference"
CLEAR_DIFFERENCE: Final = "clear_difference"
RUNNING: Final = "running"


@dataclass(frozen=True)
class ExperimentResult:
    status: str
    on_mean: Fraction | None = None
    off_mean: Fraction | None = None
    p_value: Fraction | None = None
    arrangements: int = 0
    weeks_short: tuple[int, ...] = ()  # week numbers (1-based) with too few scores

    @property
    def difference(self) -> Fraction | None:
        if self.on_mean is None or self.off_mean is None:
            return None
        return self.on_mean - self.off_mean

    @property
    def direction(self) -> str | None:
        diff = self.difference
        if diff is None:
            return None
        return "lower" if diff < 0 else "higher" if diff > 0 else "same"


def draw_schedule(weeks: int, seed: int) -> tuple[bool, ...]:
    """Half of the weeks "on" (True), in a random order from `seed`."""
    if weeks not in PLAN_WEEKS:
        raise ValueError(f"a plan has {PLAN_WEEKS} weeks")
    plan = [True] * (weeks // 2) + [False] * (weeks // 2)
    random.Random(seed).shuffle(plan)
    return tuple(plan)


def smallest_p(weeks: int) -> Fraction:
    """The smallest two-sided p-value a plan of this length can give."""
    return Fraction(2, math.comb(weeks, weeks // 2))


def week_number(started_on: date, day: date, weeks: int) -> int | None:
    """1-based week of the plan that `day` is in; None before the start or after the end."""
    if day < started_on:
        return None
    number = (day - started_on).days // 7 + 1
    return number if number <= weeks else None


def ends_on(started_on: date, weeks: int) -> date:
    return started_on + timedelta(days=7 * weeks - 1)


def _week_means(
    started_on: date, weeks: int, outcome: Mapping[date, int]
) -> tuple[list[Fraction], tuple[int, ...]]:
    means, short = [], []
    for week in range(weeks):
        first = started_on + timedelta(days=7 * week)
        scores = [outcome[d] for d in (first + timedelta(days=n) for n in range(7)) if d in outcome]
        if len(scores) < MIN_DAYS_PER_WEEK:
            short.append(week + 1)
            means.append(Fraction(0))
        else:
            means.append(Fraction(sum(scores), len(scores)))
    return means, tuple(short)


def _statistic(means: Sequence[Fraction], on_weeks: Sequence[int]) -> Fraction:
    on = set(on_weeks)
    on_values = [m for i, m in enumerate(means) if i in on]
    off_values = [m for i, m in enumerate(means) if i not in on]
    return sum(on_values, Fraction(0)) / len(on_values) - sum(off_values, Fraction(0)) / len(
        off_values
    )


def randomisation_test(
    schedule: Sequence[bool],
    started_on: date,
    outcome: Mapping[date, int],
    *,
    today: date,
) -> ExperimentResult:
    """The result of a plan: RUNNING until its last day has passed, then the exact test."""
    weeks = len(schedule)
    if today <= ends_on(started_on, weeks):
        return ExperimentResult(RUNNING)
    means, short = _week_means(started_on, weeks, outcome)
    if short:
        return ExperimentResult(NOT_ENOUGH_DATA, weeks_short=short)
    on_weeks = [i for i, on in enumerate(schedule) if on]
    observed = _statistic(means, on_weeks)
    arrangements = list(itertools.combinations(range(weeks), weeks // 2))
    as_large = sum(1 for a in arrangements if abs(_statistic(means, a)) >= abs(observed))
    p_value = Fraction(as_large, len(arrangements))
    on_mean = sum((means[i] for i in on_weeks), Fraction(0)) / len(on_weeks)
    off_mean = sum((m for i, m in enumerate(means) if i not in set(on_weeks)), Fraction(0)) / (
        weeks - len(on_weeks)
    )
    status = CLEAR_DIFFERENCE if p_value <= CLEAR_P and observed != 0 else NO_CLEAR_DIFFERENCE
    return ExperimentResult(status, on_mean, off_mean, p_value, len(arrangements))
