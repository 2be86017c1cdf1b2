"""The weekly summary: last week's averages against the week before. No Django.

Shown on the Today page on Mondays (and by e-mail to patients who opt in): the mean of
each daily score last week (Monday to Sunday) and the week before, the number of
practices done, and one kind observation. No judgement: the words say what the numbers
were, never "good" or "bad"; means are exact and rounded once, half up (3.2).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from insights.trends import mean_of

SCORES: Final = ("pain", "fatigue", "sleep_quality", "stress", "mood", "gut")


@dataclass(frozen=True)
class ScoreWeek:
    score: str
    this_week: Decimal | None
    week_before: Decimal | None
    days: int

    @property
    def change(self) -> Decimal | None:
        if self.this_week is None or self.week_before is None:
            return None
        return self.this_week - self.week_before

    @property
    def direction(self) -> str | None:
        change = self.change
        if change is None:
            return None
        return "higher" if change > 0 else "lower" if change < 0 else "same"

    @property
    def size(self) -> Decimal | None:
        change = self.change
        return None if change is None else abs(change)


@dataclass(frozen=True)
class Observation:
    """One kind, factual sentence; the screen words it (insights/templates)."""

    kind: str  # "calmest_day", "practised", "checked_in", "quiet_week"
    day: date | None = None
    value: int | None = None


@dataclass(frozen=True)
class WeeklySummary:
    week_start: date  # the Monday of the week summarised
    scores: tuple[ScoreWeek, ...]
    check_in_days: int
    practices: int
    observation: Observation

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)

    @property
    def shown_scores(self) -> tuple[ScoreWeek, ...]:
        return tuple(s for s in self.scores if s.this_week is not None)


def last_week_start(today: date) -> date:
    """The Monday of the week before the one `today` is in."""
    return today - timedelta(days=today.weekday() + 7)


def _week(values: Mapping[date, int], monday: date) -> list[int]:
    days = (monday + timedelta(days=n) for n in range(7))
    return [values[d] for d in days if d in values]


def summarise(
    *,
    week_start: date,
    scores: Mapping[str, Mapping[date, int]],
    practice_dates: Sequence[date],
) -> WeeklySummary:
    """Summarise the week from `week_start` (a Monday) against the week before it."""
    before = week_start - timedelta(days=7)
    rows = []
    for name in SCORES:
        values = scores.get(name, {})
        this_week = _week(values, week_start)
        rows.append(
            ScoreWeek(name, mean_of(this_week), mean_of(_week(values, before)), len(this_week))
        )
    week_days = {week_start + timedelta(days=n) for n in range(7)}
    pain = {d: v for d, v in scores.get("pain", {}).items() if d in week_days}
    practices = sum(1 for d in practice_dates if d in week_days)
    return WeeklySummary(
        week_start=week_start,
        scores=tuple(rows),
        check_in_days=len(pain),
        practices=practices,
        observation=_observation(pain, practices),
    )


def _observation(pain: Mapping[date, int], practices: int) -> Observation:
    if len(pain) >= 2 and len(set(pain.values())) > 1:
        calmest = min(sorted(pain), key=lambda d: pain[d])
        return Observation("calmest_day", calmest, pain[calmest])
    if practices:
        return Observation("practised", value=practices)
    if pain:
        return Observation("checked_in", value=len(pain))
    return Observation("quiet_week")
