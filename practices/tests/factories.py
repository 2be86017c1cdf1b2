"""Small builders for practices, therapists and their hours, shared by the tests."""

from __future__ import annotations

import itertools
from datetime import time

from accounts.models import User
from bookings.models import WorkingHours
from practices.actions import OpeningBlock, create_practice
from practices.models import Practice, Therapist

_counter = itertools.count(1)

UTRECHT = (52.09083, 5.12222)
GRONINGEN = (53.21917, 6.56667)


def make_practice(
    name: str = "Praktijk Rustpunt",
    *,
    place: str = "Utrecht",
    at: tuple[float, float] = UTRECHT,
    postcode: str = "3511 AB",
    province: str = "UT",
    services: tuple[str, ...] = ("in_person", "phone", "video"),
    managers: tuple[User, ...] = (),
    evening: bool = False,
    **extra: object,
) -> Practice:
    number = next(_counter)
    practice = Practice(
        slug=f"practice-{number}",
        name=name,
        street=f"Oudegracht {number}",
        postcode=postcode,
        place=place,
        province=province,
        latitude=at[0],
        longitude=at[1],
        phone="030 123 45 67",
        email=f"praktijk{number}@example.nl",
        services=list(services),
        languages=["nl", "en"],
        **extra,
    )
    hours = [OpeningBlock(day, time(8), time(20 if evening else 17)) for day in range(5)]
    return create_practice(practice=practice, opening_hours=hours, managers=managers)


def make_therapist(
    name: str,
    *,
    practices: tuple[Practice, ...],
    user: User | None = None,
    kinds: tuple[str, ...] = ("in_person", "phone", "video"),
    hours: tuple[int, int] = (9, 17),
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4),
    **extra: object,
) -> Therapist:
    therapist = Therapist.objects.create(
        name=name,
        user=user,
        kinds=list(kinds),
        languages=["nl"],
        specialisations=["fibromyalgia", "chronic_pain"],
        email=f"{name.split()[0].lower()}@therapeut.example.nl",
        **extra,
    )
    therapist.practices.set(practices)
    for practice in practices:
        WorkingHours.objects.bulk_create(
            WorkingHours(
                therapist=therapist,
                practice=practice,
                weekday=weekday,
                start=time(hours[0]),
                end=time(hours[1]),
            )
            for weekday in weekdays
        )
    return therapist
