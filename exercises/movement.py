"""The data behind the movement page: the pacing suggestion and boom-bust patterns.

Reads the patient's movement logs and daily pain scores (diary check-ins) in
two bounded queries and hands them to the pure rules in exercises/pacing.py.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from accounts.models import User
from diary.models import CheckIn
from exercises import pacing
from exercises.models import MovementLog, SymptomsAfter

# How far back the rules look: the last 3 active days within 90 days count for
# the baseline; boom-bust patterns are shown for the last 4 weeks.
LOOKBACK_DAYS = 90
SHOW_PATTERNS_DAYS = 28
MAX_PATTERNS_SHOWN = 2


@dataclass(frozen=True)
class Pacing:
    suggestion: pacing.Suggestion
    patterns: list[pacing.BoomBust]

    @property
    def pattern_baselines(self) -> list[tuple[pacing.BoomBust, int, Decimal]]:
        """Each pattern with its baseline in whole minutes and the pain mean to one decimal."""
        return [
            (p, pacing.whole_minutes(p.baseline), _one_decimal(p.pain_mean)) for p in self.patterns
        ]


def _one_decimal(value: Fraction) -> Decimal:
    """Half-up to one decimal; the template shows it the local way (4,5 in Dutch)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def pacing_for(*, patient: User, today: date) -> Pacing:
    since = today - timedelta(days=LOOKBACK_DAYS)
    logs = list(
        MovementLog.objects.of(patient)
        .filter(local_date__gte=since, local_date__lte=today)
        .values_list("local_date", "minutes", "symptoms_after")
    )
    daily = pacing.minutes_per_day((day, minutes) for day, minutes, _symptoms in logs)
    much_worse = {day for day, _m, symptoms in logs if symptoms == SymptomsAfter.MUCH_WORSE}
    pain = dict(
        CheckIn.objects.of(patient)
        .between(since - timedelta(days=pacing.PAIN_WINDOW_DAYS), today)
        .values_list("date", "pain")
    )
    suggestion = pacing.suggest(daily, pain, much_worse, today=today)
    recent = [
        p
        for p in pacing.boom_busts(daily, pain)
        if p.active_day >= today - timedelta(days=SHOW_PATTERNS_DAYS)
    ]
    return Pacing(suggestion=suggestion, patterns=recent[-MAX_PATTERNS_SHOWN:])
