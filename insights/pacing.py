"""The days the pacing advice is based on, for the Insight page (docs/clinical.md 6.4).

The rules themselves live in exercises/pacing.py (pure) and exercises/movement.py (its
data); this only lists the last 7 days with their minutes and the quota in force, so the
page can show what the rule of thumb looked at. Two queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from accounts.models import User
from exercises import pacing
from exercises.models import MovementLog
from exercises.movement import quota_history


@dataclass(frozen=True)
class PacingDay:
    day: date
    minutes: int
    quota: int | None

    @property
    def reached(self) -> bool:
        return self.quota is not None and self.minutes >= self.quota


def last_week(patient: User, today: date) -> list[PacingDay]:
    """The 7 days before today, oldest first (today is still going on)."""
    days = pacing.last_days(today)
    logs = MovementLog.objects.of(patient).filter(local_date__gte=days[-1], local_date__lt=today)
    minutes = pacing.minutes_per_day(logs.values_list("local_date", "minutes"))
    history = quota_history(patient)
    return [PacingDay(d, minutes.get(d, 0), pacing.quota_on(history, d)) for d in reversed(days)]
