"""Who needs attention first on the caseload overview (docs/clinical.md 8.1). No Django.

Order: a crisis flag, then worsening pain, then gone quiet, then questionnaires (due or
a new result), then everyone else. Rules [product], with exact arithmetic:

- worsening: the mean pain of the last 7 days (today included) is at least 2 points
  above the mean of the 14 days before; each window needs at least 4 check-ins;
- gone quiet: no check-in in the last 7 days (or never).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache
from typing import Final

RECENT_DAYS: Final = 7
BEFORE_DAYS: Final = 14
MIN_CHECK_INS: Final = 4
WORSE_BY: Final = Fraction(2)
QUIET_DAYS: Final = 7
SPARK_DAYS: Final = 28

CRISIS, WORSENING, QUIET, QUESTIONNAIRES, STEADY = range(5)


def _mean(scores: Sequence[int]) -> Fraction | None:
    if len(scores) < MIN_CHECK_INS:
        return None
    return Fraction(sum(scores), len(scores))


def is_worsening(pain_by_day: Mapping[date, int], today: date) -> bool:
    """Mean of the last 7 days >= mean of the 14 days before + 2 (4 check-ins each)."""
    recent_start = today - timedelta(days=RECENT_DAYS - 1)
    before_start = recent_start - timedelta(days=BEFORE_DAYS)
    recent = [p for d, p in pain_by_day.items() if recent_start <= d <= today]
    before = [p for d, p in pain_by_day.items() if before_start <= d < recent_start]
    recent_mean, before_mean = _mean(recent), _mean(before)
    if recent_mean is None or before_mean is None:
        return False
    return recent_mean - before_mean >= WORSE_BY


def is_quiet(last_check_in: date | None, today: date) -> bool:
    """No check-in in the last 7 days (today included), or none at all."""
    return last_check_in is None or (today - last_check_in).days >= QUIET_DAYS


@dataclass(frozen=True)
class Need:
    rank: int
    crisis: bool
    worsening: bool
    quiet: bool
    questionnaires: bool


def need_of(*, crisis: bool, worsening: bool, quiet: bool, questionnaires: bool) -> Need:
    if crisis:
        rank = CRISIS
    elif worsening:
        rank = WORSENING
    elif quiet:
        rank = QUIET
    elif questionnaires:
        rank = QUESTIONNAIRES
    else:
        rank = STEADY
    return Need(rank, crisis, worsening, quiet, questionnaires)


def sparkline(
    pain_by_day: Mapping[date, int],
    today: date,
    *,
    days: int = SPARK_DAYS,
    width: int = 112,
    height: int = 24,
) -> str:
    """SVG polyline points for the last `days` days of pain (0 at the bottom, 10 on top).

    Days without a check-in are skipped (the line joins the days that have one).
    """
    xs, ys = _spark_axes(days, width, height)
    start = today - timedelta(days=days - 1)
    points = []
    for offset, x in enumerate(xs):
        pain = pain_by_day.get(start + timedelta(days=offset))
        if pain is not None:
            y = ys[pain] if 0 <= pain < len(ys) else _spark_y(pain, height)
            points.append(f"{x},{y}")
    return " ".join(points)


@lru_cache(maxsize=8)
def _spark_axes(days: int, width: int, height: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The x of every day and the y of every pain score 0-10, formatted once: the caseload
    draws hundreds of sparklines with the same coordinates."""
    step = width / max(days - 1, 1)  # drawing only: floats are fine here
    xs = tuple(f"{round(step * offset, 1):g}" for offset in range(days))
    ys = tuple(_spark_y(pain, height) for pain in range(11))
    return xs, ys


def _spark_y(pain: int, height: int) -> str:
    return f"{round(height - pain * height / 10, 1):g}"
