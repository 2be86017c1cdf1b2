"""Demo data for the exercises: a few sessions, movement logs and journal entries for Anna.

Idempotent: rows are keyed by their date (and a fixed public id derived from
date and kind), so running `manage.py demo` again the same day changes
nothing, and on a later day adds that day's rows.
"""

import uuid
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import User
from exercises.content import load_scripts
from exercises.models import (
    EmotionEntry,
    ExerciseSession,
    GratitudeEntry,
    MovementLog,
    MovementQuota,
    SocialIntention,
    week_start,
)

ANNA = "anna@demo.pijnreset.nl"
NAMESPACE = uuid.UUID("5f0c1b7e-8a51-4f7e-9d0e-6a4f2c3b9e10")


def _id(kind: str, day: date) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{day.isoformat()}")


def _at(user: User, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=user.zone)


def load_exercise_scripts() -> None:
    content = settings.BASE_DIR / "content"
    if (content / "nl" / "exercises").is_dir():
        load_scripts(content_dir=content)


def anna_exercises() -> None:
    anna = User.objects.filter(email=ANNA).first()
    if anna is None:
        return
    today = anna.local_date(timezone.now())
    sessions = [
        # days back, exercise, version, planned, duration, status, before, after
        (1, "breathing", "", 300, 300, "finished", 4, 6),
        (2, "pmr", "short", 300, 140, "stopped", 3, None),
        (3, "breathing", "", 180, 180, "finished", 3, 5),
        (5, "body_scan", "5", 300, 300, "finished", None, 7),
    ]
    for back, exercise, version, planned, duration, status, before, after in sessions:
        day = today - timedelta(days=back)
        started = _at(anna, day, 20)
        breath = (4, 4, 6) if exercise == "breathing" else (None, None, None)
        ExerciseSession.objects.update_or_create(
            public_id=_id(f"session-{exercise}", day),
            defaults={
                "patient": anna,
                "exercise": exercise,
                "version": version,
                "local_date": day,
                "started_at": started,
                "ended_at": started + timedelta(seconds=duration),
                "status": status,
                "planned_seconds": planned,
                "duration_seconds": duration,
                "breath_in": breath[0],
                "breath_hold": breath[1],
                "breath_out": breath[2],
                "feeling_before": before,
                "feeling_after": after,
            },
        )
    walks = [(1, 20, "fine", "same"), (2, 15, "easy", "better"), (4, 25, "fine", "same"),
             (6, 40, "hard", "worse"), (8, 15, "easy", "same")]  # fmt: skip
    for back, minutes, felt, symptoms in walks:
        day = today - timedelta(days=back)
        MovementLog.objects.update_or_create(
            public_id=_id("walk", day),
            defaults={
                "patient": anna,
                "local_date": day,
                "activity": "walk",
                "minutes": minutes,
                "felt": felt,
                "symptoms_after": symptoms,
                "created_at": _at(anna, day, 17),
            },
        )
    start = today - timedelta(days=7)  # her start quota, chosen after her first walks
    MovementQuota.objects.update_or_create(
        patient=anna,
        reason="start",
        defaults={"minutes": 15, "started_on": start, "created_at": _at(anna, start, 18)},
    )
    gratitude = [
        (1, "Zon op mijn gezicht bij het ontbijt", "Een lief appje van mijn zus", ""),
        (2, "Een goede nacht geslapen", "", ""),
        (4, "Soep van de buurvrouw", "Even gewandeld met de hond", "Een rustige avond"),
    ]
    for back, first, second, third in gratitude:
        day = today - timedelta(days=back)
        GratitudeEntry.objects.update_or_create(
            patient=anna,
            local_date=day,
            defaults={
                "first": first,
                "second": second,
                "third": third,
                "updated_at": _at(anna, day, 21),
            },
        )
    SocialIntention.objects.update_or_create(
        patient=anna,
        week_start=week_start(today),
        defaults={"intention": "Bel mijn zus voor een kort praatje", "set_on": week_start(today)},
    )
    day = today - timedelta(days=1)
    EmotionEntry.objects.update_or_create(
        public_id=_id("emotion", day),
        defaults={
            "patient": anna,
            "local_date": day,
            "created_at": _at(anna, day, 15),
            "what_happened": "Mijn leidinggevende vroeg of ik nog een taak kon doen.",
            "feeling": "Onrustig, en een beetje boos op mezelf",
            "body": "Strakke schouders en kaken",
            "what_i_did": "Ja gezegd. Later tien minuten rustig geademd.",
            "stress": 7,
        },
    )


STEPS = [("exercise scripts", load_exercise_scripts), ("exercises for anna", anna_exercises)]
