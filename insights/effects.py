"""Personal insights (n-of-1): the patient's own days with and without a factor.

Standard library only: no Django (docs/clinical.md 7). For each factor and each outcome
(next-day pain, next-day tiredness) it compares the outcome on the day AFTER days with
the factor against the day after days without it:

- shown only with at least 14 paired days and at least 5 days in each group;
- a 95 % moving-block bootstrap interval (insights/bootstrap.py), which allows for
  day-to-day correlation;
- Benjamini-Hochberg over every comparison tested (at a 5 % false discovery rate);
- at most three shown, and only those whose interval excludes 0; the rest are
  "no clear difference yet";
- deterministic: the resamples come from a seed made of the patient and the analysis,
  so the page does not change on reload (it changes when the data does).

Only the most recent ANALYSIS_DAYS days are used: recent habits matter most, and it
keeps the computation fast. "Goes together with", never "causes": that is the screens'
wording (insights/templates), not decided here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from operator import itemgetter
from typing import Final

from insights import bootstrap

MIN_DAYS: Final = 14
MIN_PER_GROUP: Final = 5
MAX_SHOWN: Final = 3
ANALYSIS_DAYS: Final = 182
FALSE_DISCOVERY_RATE: Final = Fraction(5, 100)

OUTCOMES: Final = ("pain", "fatigue")
# The fixed factors of issue 14, in the order they are listed.
FIXED_FACTORS: Final = (
    "breathing",
    "relaxation",
    "movement_above_median",
    "sleep_above_median",
    "gratitude",
    "social",
)

NOT_ENOUGH_DATA: Final = "not_enough_data"
NO_CLEAR_DIFFERENCE: Final = "no_clear_difference"
SHOWN: Final = "shown"


@dataclass(frozen=True)
class Comparison:
    """One factor against one next-day outcome."""

    factor: str
    outcome: str
    status: str  # NOT_ENOUGH_DATA, NO_CLEAR_DIFFERENCE or SHOWN
    days: int
    with_days: int
    without_days: int
    difference: bootstrap.GroupDifference | None = None

    @property
    def direction(self) -> str | None:
        """ "lower" or "higher": the outcome after days with the factor."""
        if self.difference is None:
            return None
        return "lower" if self.difference.estimate < 0 else "higher"

    @property
    def size(self) -> Fraction | None:
        """The difference in points as a positive number, for words."""
        return None if self.difference is None else abs(self.difference.estimate)

    @property
    def range(self) -> tuple[Fraction, Fraction] | None:
        """The interval in the same direction as `size`, smallest first."""
        if self.difference is None:
            return None
        ends = sorted(abs(v) for v in (self.difference.low, self.difference.high))
        return ends[0], ends[1]


def seed_for(patient: str, analysis: str) -> int:
    """A fixed seed per patient and analysis (stable across processes, unlike hash())."""
    digest = hashlib.sha256(f"{patient}\x00{analysis}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def above_median(values: Mapping[date, int]) -> dict[date, bool]:
    """True on days above the patient's own median of these days (ties: not above)."""
    median = median_of(values.values())
    if median is None:
        return {}
    return {day: value > median for day, value in values.items()}


def median_of(values: Iterable[int]) -> Fraction | None:
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle], 2)


def paired_days(
    factor: Mapping[date, bool], outcome: Mapping[date, int], *, since: date
) -> tuple[list[bool], list[int]]:
    """Days (from `since`) with a known factor and an outcome on the next day, in order."""
    return pair_with_next_day(factor, next_day_outcomes(outcome), since=since)


def next_day_outcomes(outcome: Mapping[date, int]) -> dict[date, int]:
    """The outcome of the day after, keyed by the day before (shift once, pair many times)."""
    one_day = timedelta(days=1)
    return {day - one_day: value for day, value in outcome.items()}


def pair_with_next_day(
    factor: Mapping[date, bool], following: Mapping[date, int], *, since: date
) -> tuple[list[bool], list[int]]:
    days = sorted(d for d in factor if d >= since and d in following)
    return [factor[d] for d in days], [following[d] for d in days]


class _Resamples:
    """The bootstrap draws of one analysis, one set per number of days (cached)."""

    def __init__(self, patient: str, analysis: str) -> None:
        self.patient = patient
        self.analysis = analysis
        self._by_days: dict[int, list[itemgetter[tuple[float, ...]]]] = {}

    def for_days(self, days: int) -> list[itemgetter[tuple[float, ...]]]:
        if days not in self._by_days:
            seed = seed_for(self.patient, f"{self.analysis}:{days}")
            self._by_days[days] = bootstrap.resample_starts(days, seed=seed)
        return self._by_days[days]


def compare(
    factor_key: str,
    outcome_key: str,
    groups: Sequence[bool],
    outcomes: Sequence[int],
    resamples: _Resamples,
) -> Comparison:
    with_days = sum(1 for g in groups if g)
    without_days = len(groups) - with_days
    counts = (factor_key, outcome_key)
    if len(groups) < MIN_DAYS or min(with_days, without_days) < MIN_PER_GROUP:
        return Comparison(*counts, NOT_ENOUGH_DATA, len(groups), with_days, without_days)
    difference = bootstrap.difference_interval(groups, outcomes, resamples.for_days(len(groups)))
    return Comparison(
        *counts, NO_CLEAR_DIFFERENCE, len(groups), with_days, without_days, difference
    )


def analyse(
    *,
    patient: str,
    factors: Mapping[str, Mapping[date, bool]],
    outcomes: Mapping[str, Mapping[date, int]],
    today: date,
    analysis: str = "insights",
) -> list[Comparison]:
    """Every factor against every outcome; at most MAX_SHOWN get status SHOWN.

    `factors` maps a factor key to its value on each day it is known; `outcomes` maps
    "pain" / "fatigue" to the daily scores. Order: factors as given, outcomes as given.
    """
    since = today - timedelta(days=ANALYSIS_DAYS)
    resamples = _Resamples(patient, analysis)
    results = []
    shifted = {key: next_day_outcomes(outcome) for key, outcome in outcomes.items()}
    for factor_key, factor in factors.items():
        for outcome_key, following in shifted.items():
            groups, values = pair_with_next_day(factor, following, since=since)
            results.append(compare(factor_key, outcome_key, groups, values, resamples))
    return _select(results)


def _select(results: list[Comparison]) -> list[Comparison]:
    """Benjamini-Hochberg over the comparisons tested; show at most three that hold."""
    tested = [i for i, r in enumerate(results) if r.difference is not None]
    p_values = [results[i].difference.p_value for i in tested]  # type: ignore[union-attr]
    rejected = bootstrap.benjamini_hochberg(p_values, rate=FALSE_DISCOVERY_RATE)
    candidates = [
        i
        for i, keep in zip(tested, rejected, strict=True)
        if keep and results[i].difference.excludes_zero  # type: ignore[union-attr]
    ]
    candidates.sort(
        key=lambda i: (
            results[i].difference.p_value,  # type: ignore[union-attr]
            -abs(results[i].difference.estimate),  # type: ignore[union-attr]
        )
    )
    shown = set(candidates[:MAX_SHOWN])
    return [_with_status(r, SHOWN) if i in shown else r for i, r in enumerate(results)]


def _with_status(result: Comparison, status: str) -> Comparison:
    return Comparison(
        result.factor,
        result.outcome,
        status,
        result.days,
        result.with_days,
        result.without_days,
        result.difference,
    )


def shown(results: Sequence[Comparison]) -> list[Comparison]:
    return [r for r in results if r.status == SHOWN]
