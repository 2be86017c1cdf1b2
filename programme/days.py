"""Programme date arithmetic: which day and week of the 12-week programme it is.

Pure: standard library only, no Django. Dates are the patient's local dates.

- Day 1 is the start date. A week is 7 programme days; the programme has 12
  weeks (84 days). After day 84 the programme is finished (the lessons stay
  available).
- A pause freezes the programme day: while paused, the day stays the day the
  pause began; after resuming, the programme continues from that same day.
  Nothing is skipped and nothing is lost. `paused_days` counts the days of
  earlier, finished pauses.
- Lessons: 3 a week, spread over the week. The first lesson of a week is the
  lesson of days 1 and 2 of that week, the second of days 3 and 4, the third
  of days 5, 6 and 7. The Today page shows the lesson of the day; lessons of
  earlier days stay available in the lesson list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

PROGRAMME_WEEKS: Final = 12
DAYS_PER_WEEK: Final = 7
PROGRAMME_DAYS: Final = PROGRAMME_WEEKS * DAYS_PER_WEEK
# The day of the programme week on which lesson 1, 2 and 3 of that week begin.
LESSON_WEEKDAYS: Final[tuple[int, ...]] = (1, 3, 5)


@dataclass(frozen=True)
class ProgrammeDay:
    """Where a patient is in the programme on one local date."""

    day: int  # 1-based; keeps counting after day 84
    paused: bool

    @property
    def finished(self) -> bool:
        return self.day > PROGRAMME_DAYS

    @property
    def week(self) -> int:
        """Programme week 1-12 (week 12 after the programme has finished)."""
        return min((self.day - 1) // DAYS_PER_WEEK + 1, PROGRAMME_WEEKS)

    @property
    def day_of_week(self) -> int:
        return (min(self.day, PROGRAMME_DAYS) - 1) % DAYS_PER_WEEK + 1

    @property
    def lesson(self) -> tuple[int, int] | None:
        """(week, order) of the lesson of the day; None once the programme is finished."""
        if self.finished:
            return None
        return self.week, lesson_order_on(self.day_of_week)


def lesson_order_on(day_of_week: int) -> int:
    """Which of the week's lessons (1-3) belongs to a day of the programme week (1-7)."""
    if not 1 <= day_of_week <= DAYS_PER_WEEK:
        raise ValueError(f"day_of_week must be 1-7, not {day_of_week}")
    return sum(1 for first_day in LESSON_WEEKDAYS if first_day <= day_of_week)


def lesson_first_day(week: int, order: int) -> int:
    """The programme day on which a lesson becomes the lesson of the day."""
    if not (1 <= week <= PROGRAMME_WEEKS and 1 <= order <= len(LESSON_WEEKDAYS)):
        raise ValueError(f"no lesson slot for week {week}, order {order}")
    return (week - 1) * DAYS_PER_WEEK + LESSON_WEEKDAYS[order - 1]


def programme_day(
    *, started_on: date, today: date, paused_days: int = 0, paused_on: date | None = None
) -> ProgrammeDay | None:
    """The programme day on `today`; None before the start date."""
    if paused_days < 0:
        raise ValueError("paused_days must not be negative")
    if today < started_on:
        return None
    reference = today
    if paused_on is not None and paused_on <= today:
        reference = paused_on
    day = (reference - started_on).days - paused_days + 1
    return ProgrammeDay(day=max(day, 1), paused=paused_on is not None and paused_on <= today)


def paused_days_after_resume(*, paused_days: int, paused_on: date, resumed_on: date) -> int:
    """The new pause total when a pause that began on `paused_on` ends on `resumed_on`."""
    return paused_days + max((resumed_on - paused_on).days, 0)


def date_of_day(*, started_on: date, day: int, paused_days: int = 0) -> date:
    """The local date of a programme day for a programme that is not paused now."""
    return started_on + timedelta(days=day - 1 + paused_days)
