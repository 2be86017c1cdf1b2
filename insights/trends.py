"""Daily scores over time: the 7-day rolling mean, weekly means and chart geometry.

Standard library only: no Django. Means are exact (Fractions of the integer scores) and
rounded once, to one decimal, halves away from zero (docs/clinical.md 3.2 "Rounding").

- The rolling mean on a day is the mean of the scores of that day and the 6 days before
  it, shown only when at least 4 of those 7 days have a score ([product], the same
  minimum as the baseline and current windows of 3.2).
- The chart geometry is numbers only (SVG path data), built here so a chart of two
  years is one string per line, not hundreds of template elements.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Final, NamedTuple

WINDOW_DAYS: Final = 7
WINDOW_MINIMUM: Final = 4
SCALE_TOP: Final = 10

# Chart box (SVG user units); the SVG scales to the width of the screen.
WIDTH: Final = 320
HEIGHT: Final = 120
PAD_LEFT: Final = 22
PAD_RIGHT: Final = 6
PAD_TOP: Final = 6
PAD_BOTTOM: Final = 6


class DayPoint(NamedTuple):  # a tuple: thousands are made for a long period
    day: date
    value: int | None
    rolling: Decimal | None
    flare: bool = False


@dataclass(frozen=True)
class WeekRow:
    """Mean of one week (Monday first) for the table of a long period."""

    week_start: date
    mean: Decimal | None
    days: int


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def mean_tenths(total: int, count: int) -> Decimal:
    """total / count (non-negative integers) rounded once, half up, to one decimal: integer
    arithmetic, the same result as round_half_up(Fraction(total, count)) and much faster."""
    tenths = (20 * total + count) // (2 * count)
    return Decimal(tenths).scaleb(-1)


def rolling_means(
    values: Mapping[date, int], days: Sequence[date], *, window: int = WINDOW_DAYS
) -> list[Decimal | None]:
    """The rolling mean on each of `days` (consecutive), from `values` (may reach before)."""
    if not days:
        return []
    lead = [days[0] - timedelta(days=n) for n in range(window - 1, 0, -1)]
    return _rolling([*map(values.get, lead), *map(values.get, days)], window)


def _rolling(series: Sequence[int | None], window: int) -> list[Decimal | None]:
    """Sliding over `series` (window - 1 lead values, then one value per day shown)."""
    total = count = 0
    for value in series[: window - 1]:
        if value is not None:
            total, count = total + value, count + 1
    means: list[Decimal | None] = []
    for index in range(window - 1, len(series)):
        entering = series[index]
        if entering is not None:
            total, count = total + entering, count + 1
        means.append(mean_tenths(total, count) if count >= WINDOW_MINIMUM else None)
        leaving = series[index - window + 1]
        if leaving is not None:
            total, count = total - leaving, count - 1
    return means


def day_points(
    values: Mapping[date, int], days: Sequence[date], *, flare_days: Iterable[date] = ()
) -> list[DayPoint]:
    """The points of consecutive `days`, each with its rolling mean and flare mark."""
    flares = set(flare_days)
    means = rolling_means(values, days)
    get = values.get
    return [DayPoint(d, get(d), m, d in flares) for d, m in zip(days, means, strict=True)]


def mean_of(values: Iterable[int]) -> Decimal | None:
    scores = list(values)
    return mean_tenths(sum(scores), len(scores)) if scores else None


def mondays_of(days: Sequence[date]) -> list[date]:
    """The Monday of each of `days` (made once, shared by every chart of a page)."""
    return [day - timedelta(days=day.weekday()) for day in days]


def week_rows(points: Sequence[DayPoint], mondays: Sequence[date]) -> list[WeekRow]:
    """Weekly means (Monday first) of the daily values, for the table of a long period."""
    weeks: dict[date, list[int]] = {}
    for point, monday in zip(points, mondays, strict=True):
        bucket = weeks.setdefault(monday, [])
        if point.value is not None:
            bucket.append(point.value)
    return [WeekRow(monday, mean_of(vals), len(vals)) for monday, vals in weeks.items()]


# --- Chart geometry -------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """SVG path data for one chart of a 0-10 score."""

    dots: str  # one zero-length segment per day with a score: drawn as round dots
    line: str  # the rolling mean, broken where it is missing
    flares: str  # a short mark at the top of each flare day
    ticks: tuple[tuple[float, int], ...]  # (y, label) for 0, 5, 10
    dot_width: float


def _x(index: int, count: int) -> float:
    inner = WIDTH - PAD_LEFT - PAD_RIGHT
    if count <= 1:
        return PAD_LEFT + inner / 2
    return round(PAD_LEFT + inner * index / (count - 1), 1)


def y_of(value: Decimal | int, top: int = SCALE_TOP) -> float:
    inner = HEIGHT - PAD_TOP - PAD_BOTTOM
    return round(PAD_TOP + inner * (1 - float(value) / top), 1)


def geometry(points: Sequence[DayPoint], *, top: int = SCALE_TOP) -> Geometry:
    count = len(points)
    xs = x_texts(count)
    y_text: dict[Decimal | int, str] = {}  # a handful of distinct values: format each once
    dots, line, flares = [], [], []
    pen_down = False
    for x, point in zip(xs, points, strict=True):
        if point.value is not None:
            y = y_text.get(point.value)
            if y is None:
                y = y_text[point.value] = str(y_of(point.value, top))
            dots.append("M" + x + " " + y + "h0")
        if point.rolling is not None:
            y = y_text.get(point.rolling)
            if y is None:
                y = y_text[point.rolling] = str(y_of(point.rolling, top))
            line.append(("L" if pen_down else "M") + x + " " + y)
            pen_down = True
        else:
            pen_down = False
        if point.flare:
            flares.append(f"M{x} 0v{PAD_TOP - 1}")
    ticks = tuple((y_of(v, top), v) for v in (0, top // 2, top))
    dot_width = 4.0 if count <= 31 else 3.0 if count <= 92 else 2.0
    return Geometry("".join(dots), "".join(line), "".join(flares), ticks, dot_width)


@lru_cache(maxsize=8)
def x_texts(count: int) -> tuple[str, ...]:
    return tuple(str(x) for x in x_positions(count))


@lru_cache(maxsize=8)
def x_positions(count: int) -> tuple[float, ...]:
    """The x of each day of a chart of `count` days (the same for every chart of a page)."""
    return tuple(_x(index, count) for index in range(count))


def strip(days: Sequence[date], active: Mapping[date, int]) -> str:
    """Path data of the exercise strip: one short bar per day with sessions."""
    count = len(days)
    return "".join(f"M{_x(i, count)} 4v12" for i, day in enumerate(days) if active.get(day, 0) > 0)


def score_points(
    entries: Sequence[tuple[date, int]], first: date, last: date, *, top: int
) -> list[tuple[date, int, float, float]]:
    """Questionnaire scores placed on the same time axis: (date, score, x, y)."""
    span = max((last - first).days, 1)
    inner = WIDTH - PAD_LEFT - PAD_RIGHT
    return [
        (day, score, round(PAD_LEFT + inner * (day - first).days / span, 1), y_of(score, top))
        for day, score in entries
        if first <= day <= last
    ]
