"""Writes of the insights app: personal factors and their values, experiments, the weekly
summary setting, and the weekly e-mail. Every action takes the acting patient."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import partial

from django.db import transaction

from accounts.access import require_patient
from accounts.models import Consent, Role, User
from diary.rules import date_problem
from insights import errors, experiments
from insights.effects import seed_for
from insights.models import (
    FACTOR_SCALE_TOP,
    MAX_FACTORS,
    Experiment,
    FactorEntry,
    PersonalFactor,
    SummaryPreference,
)
from pijnreset import versions

EXPERIMENT_START_AHEAD_DAYS = 28
SUMMARY_WEEKDAY = 0  # Monday


def _lock(patient: User) -> None:
    """Serialise a patient's writes here (the row lock also orders SQLite's writers)."""
    User.objects.select_for_update().filter(pk=patient.pk).first()


def add_factor(*, patient: User, name: str, kind: str, now: datetime) -> PersonalFactor:
    """Add a personal factor; at most MAX_FACTORS active ones (checked under a lock)."""
    require_patient(patient)
    with transaction.atomic():
        _lock(patient)
        if PersonalFactor.objects.filter(patient=patient, active=True).count() >= MAX_FACTORS:
            raise errors.InsightsError(errors.TOO_MANY_FACTORS, "name")
        return PersonalFactor.objects.create(
            patient=patient, name=name.strip(), kind=kind, created_at=now
        )


def archive_factor(*, patient: User, factor: PersonalFactor) -> None:
    """Stop asking a factor (its entries stay, but it leaves the analysis)."""
    require_patient(patient)
    PersonalFactor.objects.filter(pk=factor.pk, patient=patient).update(active=False)


def record_factor_values(
    *, patient: User, day: date, values: Mapping[str, int | None], now: datetime
) -> int:
    """Store the day's values of the patient's active factors, keyed by public id (str).

    None clears a value. Yes/no factors take 0 or 1, scales 0-10. Returns how many were
    stored. Idempotent: the same values twice give the same rows.
    """
    require_patient(patient)
    problem = date_problem(day, today=patient.local_date(now))
    if problem is not None:
        raise errors.InsightsError(errors.FACTOR_DATE, "date")
    factors = {
        str(f.public_id): f for f in PersonalFactor.objects.filter(patient=patient, active=True)
    }
    for key, value in values.items():
        if key not in factors:
            raise errors.InsightsError(errors.UNKNOWN_FACTOR, key)
        top = 1 if factors[key].is_yes_no else FACTOR_SCALE_TOP
        if value is not None and (isinstance(value, bool) or not 0 <= value <= top):
            message = errors.YES_NO_VALUE if top == 1 else errors.FACTOR_VALUE
            raise errors.InsightsError(message, key)
    stored = 0
    with transaction.atomic():
        for key, value in values.items():
            factor = factors[key]
            if value is None:
                FactorEntry.objects.filter(factor=factor, date=day).delete()
                continue
            FactorEntry.objects.update_or_create(
                factor=factor, date=day, defaults={"value": value, "updated_at": now}
            )
            stored += 1
    return stored


def plan_experiment(
    *, patient: User, practice: str, outcome: str, started_on: date, weeks: int, now: datetime
) -> Experiment:
    """Plan an on/off experiment; which weeks are "on" is drawn from a seed per patient
    and plan, so it is random but can be reproduced."""
    require_patient(patient)
    today = patient.local_date(now)
    if not today <= started_on <= today + timedelta(days=EXPERIMENT_START_AHEAD_DAYS):
        raise errors.InsightsError(errors.EXPERIMENT_START, "started_on")
    if weeks not in experiments.PLAN_WEEKS:
        raise errors.InsightsError(errors.EXPERIMENT_WEEKS, "weeks")
    with transaction.atomic():
        _lock(patient)
        if Experiment.objects.filter(patient=patient, stopped_at__isnull=True).exists():
            raise errors.InsightsError(errors.EXPERIMENT_RUNNING, "practice")
        seed = seed_for(str(patient.pk), f"experiment:{started_on.isoformat()}:{now.isoformat()}")
        return Experiment.objects.create(
            patient=patient,
            practice=practice.strip(),
            outcome=outcome,
            started_on=started_on,
            weeks=weeks,
            schedule=list(experiments.draw_schedule(weeks, seed)),
            created_at=now,
        )


def stop_experiment(*, patient: User, experiment: Experiment, now: datetime) -> None:
    """Close an experiment (finished or given up): a new one may be planned."""
    require_patient(patient)
    Experiment.objects.filter(pk=experiment.pk, patient=patient, stopped_at__isnull=True).update(
        stopped_at=now
    )
    versions.patient_changed(patient.pk)


def set_summary_email(*, patient: User, email: bool) -> SummaryPreference:
    require_patient(patient)
    preference, _created = SummaryPreference.objects.update_or_create(
        patient=patient, defaults={"email": email}
    )
    return preference


def send_weekly_summaries(*, now: datetime) -> int:
    """Enqueue the weekly summary e-mail for every opted-in patient whose Monday it is.

    Idempotent: each patient's week is claimed by a conditional UPDATE of last_sent_week
    inside a transaction that locks the rows, so running twice (even at once) sends one.
    Only patients with an active health-data consent. Returns the number enqueued.
    """
    from insights.tasks import send_weekly_summary

    candidates = SummaryPreference.objects.filter(
        email=True,
        patient__is_active=True,
        patient__role=Role.PATIENT,
        patient__consents__purpose=Consent.Purpose.HEALTH_DATA,
        patient__consents__withdrawn_at__isnull=True,
    ).select_related("patient")
    due: dict[int, tuple[int, date]] = {}
    for preference in candidates:
        today = preference.patient.local_date(now)
        if today.weekday() != SUMMARY_WEEKDAY:
            continue
        week = today - timedelta(days=7)
        if preference.last_sent_week is None or preference.last_sent_week < week:
            due[preference.pk] = (preference.patient_id, week)
    sent = 0
    with transaction.atomic():
        locked = SummaryPreference.objects.select_for_update().filter(pk__in=due)
        for pk, last in locked.values_list("pk", "last_sent_week"):
            patient_id, week = due[pk]
            if last is not None and last >= week:
                continue
            claimed = SummaryPreference.objects.filter(pk=pk, last_sent_week=last).update(
                last_sent_week=week
            )
            if claimed:
                sent += 1
                transaction.on_commit(
                    partial(send_weekly_summary.enqueue, patient_id, week.isoformat())
                )
    return sent
