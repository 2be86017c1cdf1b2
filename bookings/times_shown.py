"""A window of free times as the pages show it, worked out in Python once (issue 18).

Each slot's link and local time and each day's name were formatted in the template,
per slot (a URL reversed, two date filters): most of the practice page's rendering
time. The text and links are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format, time_format

from bookings.availability import DayTimes
from practices.models import Practice


@dataclass(frozen=True)
class SlotShown:
    href: str  # the booking form for this time
    time: str  # "09:30" on the practice's clock


@dataclass(frozen=True)
class TherapistShown:
    name: str
    slots: list[SlotShown]


@dataclass(frozen=True)
class DayShown:
    label: str  # "maandag 2 maart"
    therapists: list[TherapistShown]


# The parameters are a uuid, an ISO time, a slug and a kind: nothing to encode.
def days_shown(
    days: Sequence[DayTimes], practice: Practice, *, type_slug: str, kind: str
) -> list[DayShown]:
    book = reverse("bookings:book", args=[practice.public_id])
    zone = practice.zone
    return [
        DayShown(
            date_format(day.day, "l j F"),
            [
                TherapistShown(
                    row.therapist.name,
                    [
                        SlotShown(
                            f"{book}?therapist={row.therapist.public_id}&start={slot.start_param}"
                            f"&type={type_slug}&kind={kind}",
                            time_format(slot.start.astimezone(zone), "H:i"),
                        )
                        for slot in row.slots
                    ],
                )
                for row in day.therapists
            ],
        )
        for day in days
    ]
