"""The data behind the movement page: the stored quota, today's offers, boom-bust patterns.

Reads the patient's quota history, movement logs, daily pain scores and flares in a few
bounded queries and hands them to the pure rules in exercises/pacing.py. Writes nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from accounts.models import User
from diary.models import CheckIn, Flare
from diary.rules import SPIKE_WINDOW_DAYS
from exercises import pacing
from exercises.models import MovementLog, MovementQuota, MovementSettings, SymptomsAfter

# How far back the rules look; boom-bust patterns are shown for the last 4 weeks.
LOOKBACK_DAYS = 90
SHOW_PATTERNS_DAYS = 28
MAX_PATTERNS_SHOWN = 2


@dataclass(frozen=True)
class Pacing:
    advice: pacing.Advice
    patterns: list[pacing.BoomBust]
    malaise: bool

    @property
    def pattern_rows(self) -> list[tuple[pacing.BoomBust, Decimal]]:
        """Each pattern with the pain mean to one decimal."""
        return [(p, _one_decimal(p.pain_mean)) for p in self.patterns]


def _one_decimal(value: Fraction) -> Decimal:
    """Half-up to one decimal; the template shows it the local way (4,5 in Dutch)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def quota_history(patient: User) -> list[pacing.QuotaChange]:
    rows = MovementQuota.objects.of(patient).values_list("minutes", "started_on", "reason")
    return [pacing.QuotaChange(m, day, reason) for m, day, reason in rows]


def movement_data(*, patient: User, today: date) -> pacing.MovementData:
    since = today - timedelta(days=LOOKBACK_DAYS)
    logs = list(
        MovementLog.objects.of(patient)
        .filter(local_date__gte=since, local_date__lte=today)
        .values_list("local_date", "minutes", "symptoms_after")
    )
    pain = dict(
        CheckIn.objects.of(patient)
        .between(since - timedelta(days=SPIKE_WINDOW_DAYS), today)
        .values_list("date", "pain")
    )
    flares = [
        pacing.FlarePeriod(started_on, ended_on)
        for started_on, ended_on in Flare.objects.filter(user=patient)
        .exclude(ended_on__lt=since)
        .values_list("started_on", "ended_on")
    ]
    return pacing.MovementData(
        daily=pacing.minutes_per_day((day, minutes) for day, minutes, _s in logs),
        pain=pain,
        much_worse=[day for day, _m, s in logs if s == SymptomsAfter.MUCH_WORSE],
        flares=flares,
    )


def has_malaise(patient: User) -> bool:
    return MovementSettings.objects.filter(patient=patient, post_exertional_malaise=True).exists()


def pacing_for(*, patient: User, today: date) -> Pacing:
    malaise = has_malaise(patient)
    advice = pacing.advise(
        movement_data(patient=patient, today=today),
        quota_history(patient),
        today=today,
        malaise=malaise,
    )
    recent = [
        p for p in advice.boom_busts if p.active_day >= today - timedelta(days=SHOW_PATTERNS_DAYS)
    ]
    return Pacing(advice=advice, patterns=recent[-MAX_PATTERNS_SHOWN:], malaise=malaise)
