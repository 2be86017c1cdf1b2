"""Demo check-ins: about 20 days for Anna with a realistic pattern, a few for Bram.

Deterministic (a fixed seed) and idempotent: rows are keyed by (patient, date).
Anna's pattern: pain slowly easing from about 6 to about 4.5, a flare around
12 days ago, sleep going with pain, two missed days, a short note now and then.
Today stays open, so the check-in can be tried.
"""

import random
from datetime import time, timedelta

from django.utils import timezone

from accounts.models import User
from diary.models import CheckIn, Flare, ReminderPreference

ANNA = "anna@demo.pijnreset.nl"
BRAM = "bram@demo.pijnreset.nl"
NOTES = {
    19: "Eerste week. Even wennen aan het invullen.",
    14: "Kort gewandeld in het park, daarna wel moe.",
    12: "Slechte nacht. Alles doet pijn vandaag.",
    11: "Opvlamming. Rustig aan gedaan, veel gelegen.",
    6: "Ademhalingsoefening hielp om in slaap te vallen.",
    2: "Fijne dag met mijn zus.",
}
FLARE_DAYS = {12, 11}
MISSED = {16, 8}
AREAS = ["neck", "upper_back", "lower_back", "shoulder_girdle_left", "shoulder_girdle_right"]


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def anna_check_ins() -> None:
    anna = User.objects.get(email=ANNA)
    today = anna.local_date()
    rng = random.Random(2026)  # noqa: S311 (demo data, not security)
    for days_ago in range(20, 0, -1):
        if days_ago in MISSED:
            continue
        trend = 4.5 + 1.5 * days_ago / 20
        flare = days_ago in FLARE_DAYS
        pain = _clamp(trend + rng.uniform(-0.8, 0.8) + (2.5 if flare else 0))
        stamp = timezone.now() - timedelta(days=days_ago)
        CheckIn.objects.update_or_create(
            patient=anna,
            date=today - timedelta(days=days_ago),
            defaults={
                "pain": pain,
                "fatigue": _clamp(pain + rng.uniform(-1, 1.5)),
                "sleep_quality": _clamp(9 - pain + rng.uniform(-1, 1)),
                "stress": _clamp(pain - 1 + rng.uniform(-1, 1)),
                "mood": _clamp(8 - pain * 0.6 + rng.uniform(-1, 1)),
                "gut": _clamp(rng.uniform(1, 4) + (2 if flare else 0)) if days_ago % 3 else None,
                "flare": flare,
                "note": NOTES.get(days_ago, ""),
                "pain_areas": AREAS[: 2 + (3 if flare else pain % 3)],
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
    start = timezone.now() - timedelta(days=12)
    Flare.objects.update_or_create(
        user=anna,
        started_on=today - timedelta(days=12),
        defaults={
            "started_at": start,
            "source": Flare.Source.CHECK_IN,
            "ended_at": start + timedelta(days=2),
            "ended_on": today - timedelta(days=10),
        },
    )
    ReminderPreference.objects.update_or_create(
        user=anna, defaults={"enabled": True, "at": time(19, 0), "during_flare": False}
    )


def bram_check_ins() -> None:
    bram = User.objects.get(email=BRAM)
    today = bram.local_date()
    for days_ago, pain in ((2, 6), (1, 5)):
        stamp = timezone.now() - timedelta(days=days_ago)
        CheckIn.objects.update_or_create(
            patient=bram,
            date=today - timedelta(days=days_ago),
            defaults={"pain": pain, "sleep_quality": 5, "created_at": stamp, "updated_at": stamp},
        )


STEPS = [("diary: Anna's check-ins", anna_check_ins), ("diary: Bram's check-ins", bram_check_ins)]
