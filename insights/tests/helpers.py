"""Synthetic daily data for the insights tests and the benchmark (bulk-created rows)."""

import random
from datetime import date, timedelta

from django.utils import timezone

from diary.models import CheckIn
from exercises.models import ExerciseSession, GratitudeEntry, MovementLog
from pijnreset import versions


def fill_days(patient, *, today: date, days: int, seed: int = 1, breathing_effect: int = 0) -> None:
    """`days` days of check-ins up to `today`, with breathing on about half of them and
    movement and gratitude now and then. Pain is 2 points lower on the day after breathing
    when `breathing_effect` is set, so the insight has something to find."""
    rng = random.Random(seed)
    now = timezone.now()
    dates = [today - timedelta(days=days - 1 - n) for n in range(days)]
    breathing = {d for d in dates if rng.random() < 0.5}
    check_ins, sessions, moves, gratitude = [], [], [], []
    for day in dates:
        base = 6 - (breathing_effect if day - timedelta(days=1) in breathing else 0)
        pain = max(0, min(10, base + rng.choice((-1, 0, 0, 1))))
        check_ins.append(
            CheckIn(
                patient=patient, date=day, pain=pain, fatigue=rng.randint(3, 8),
                sleep_quality=rng.randint(2, 8), stress=rng.randint(0, 10), mood=rng.randint(0, 10),
                gut=rng.randint(0, 10), flare=rng.random() < 0.03, created_at=now, updated_at=now,
            )
        )  # fmt: skip
        if day in breathing:
            sessions.append(
                ExerciseSession(
                    patient=patient, exercise="breathing", local_date=day, started_at=now,
                    ended_at=now, status="finished", planned_seconds=300, duration_seconds=300,
                    breath_in=4, breath_hold=4, breath_out=6,
                )
            )  # fmt: skip
        if rng.random() < 0.4:
            moves.append(
                MovementLog(
                    patient=patient, local_date=day, activity="walk",
                    minutes=rng.randint(5, 40), felt="fine", symptoms_after="same",
                    created_at=now,
                )
            )  # fmt: skip
        if rng.random() < 0.3:
            gratitude.append(
                GratitudeEntry(patient=patient, local_date=day, first="zon", updated_at=now)
            )
    CheckIn.objects.bulk_create(check_ins)
    ExerciseSession.objects.bulk_create(sessions)
    MovementLog.objects.bulk_create(moves)
    GratitudeEntry.objects.bulk_create(gratitude)
    versions.patient_changed(patient.pk)  # bulk_create sends no save signal (insights/kept.py)
