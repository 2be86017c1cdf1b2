"""The data of the personal insights (docs/clinical.md 7), read in a constant number of
queries and analysed by the pure insights/effects.py. Writes nothing.

Which days a factor is "known" on: the days with a check-in (the patient was using the
app that day, so "no breathing session" means none). Personal factors are known on the
days they were entered. Social contact is the day a week's intention for contact was
marked done or partly done (the only daily trace of contact the app has).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from accounts.models import User
from diary.models import CheckIn
from exercises.models import (
    ExerciseSession,
    GratitudeEntry,
    MovementLog,
    SessionStatus,
    SocialIntention,
    SocialOutcome,
)
from insights import effects
from insights.models import FactorEntry, PersonalFactor

RELAXATION = ("pmr", "body_scan")


@dataclass(frozen=True)
class Insights:
    first: date
    last: date
    comparisons: list[effects.Comparison]
    factor_names: dict[str, str]  # "personal:<uuid>" -> the patient's own name for it
    medians: dict[str, Fraction | None]  # the patient's own medians, for the words

    @property
    def shown(self) -> list[effects.Comparison]:
        return effects.shown(self.comparisons)

    @property
    def tested(self) -> list[effects.Comparison]:
        return [c for c in self.comparisons if c.status != effects.NOT_ENOUGH_DATA]

    @property
    def enough_data(self) -> bool:
        return bool(self.tested)


def _on_days(days: set[date], known: Mapping[date, object]) -> dict[date, bool]:
    return {day: day in days for day in known}


def fixed_factors(
    patient: User, first: date, last: date, check_ins: Mapping[date, tuple[int | None, ...]]
) -> tuple[dict[str, dict[date, bool]], dict[str, Fraction | None]]:
    sessions = ExerciseSession.objects.of(patient).filter(
        status=SessionStatus.FINISHED, local_date__gte=first, local_date__lte=last
    )
    breathing: set[date] = set()
    relaxation: set[date] = set()
    for day, exercise in sessions.values_list("local_date", "exercise"):
        (breathing if exercise == "breathing" else relaxation).add(day)
    minutes: dict[date, int] = dict.fromkeys(check_ins, 0)
    for day, logged in (
        MovementLog.objects.of(patient)
        .filter(local_date__gte=first, local_date__lte=last)
        .values_list("local_date", "minutes")
    ):
        if day in minutes:
            minutes[day] += logged
    gratitude = set(
        GratitudeEntry.objects.of(patient)
        .filter(local_date__gte=first, local_date__lte=last)
        .values_list("local_date", flat=True)
    )
    social = set(
        SocialIntention.objects.of(patient)
        .filter(
            checked_on__gte=first,
            checked_on__lte=last,
            outcome__in=[SocialOutcome.DONE, SocialOutcome.PARTLY],
        )
        .values_list("checked_on", flat=True)
    )
    sleep = {d: v[2] for d, v in check_ins.items() if v[2] is not None}
    factors = {
        "breathing": _on_days(breathing, check_ins),
        "relaxation": _on_days(relaxation, check_ins),
        "movement_above_median": effects.above_median(minutes),
        "sleep_above_median": effects.above_median(sleep),
        "gratitude": _on_days(gratitude, check_ins),
        "social": _on_days({d for d in social if d is not None}, check_ins),
    }
    medians = {
        "movement_above_median": effects.median_of(minutes.values()),
        "sleep_above_median": effects.median_of(sleep.values()),
    }
    return factors, medians


def personal_factors(
    patient: User, first: date, last: date
) -> tuple[dict[str, dict[date, bool]], dict[str, str], dict[str, Fraction | None]]:
    factors = list(PersonalFactor.objects.filter(patient=patient, active=True))
    by_id = {f.pk: f for f in factors}
    values: dict[int, dict[date, int]] = {f.pk: {} for f in factors}
    entries = FactorEntry.objects.filter(factor__in=factors, date__gte=first, date__lte=last)
    for factor_id, day, value in entries.values_list("factor_id", "date", "value"):
        values[factor_id][day] = value
    found: dict[str, dict[date, bool]] = {}
    names: dict[str, str] = {}
    medians: dict[str, Fraction | None] = {}
    for factor_id, by_day in values.items():
        factor = by_id[factor_id]
        key = f"personal:{factor.public_id}"
        names[key] = factor.name
        if factor.is_yes_no:
            found[key] = {day: value > 0 for day, value in by_day.items()}
        else:
            found[key] = effects.above_median(by_day)
            medians[key] = effects.median_of(by_day.values())
    return found, names, medians


def insights_for(patient: User, today: date) -> Insights:
    """Every factor against next-day pain and tiredness over the analysis window."""
    first = today - timedelta(days=effects.ANALYSIS_DAYS)
    rows = (
        CheckIn.objects.of(patient)
        .between(first, today)
        .values_list("date", "pain", "fatigue", "sleep_quality")
    )
    check_ins: dict[date, tuple[int | None, ...]] = {
        day: (pain, fatigue, sleep) for day, pain, fatigue, sleep in rows
    }
    factors, medians = fixed_factors(patient, first, today, check_ins)
    own, names, own_medians = personal_factors(patient, first, today)
    outcomes = {
        "pain": {d: v[0] for d, v in check_ins.items() if v[0] is not None},
        "fatigue": {d: v[1] for d, v in check_ins.items() if v[1] is not None},
    }
    comparisons = effects.analyse(
        patient=str(patient.pk), factors={**factors, **own}, outcomes=outcomes, today=today
    )
    return Insights(first, today, comparisons, names, {**medians, **own_medians})
