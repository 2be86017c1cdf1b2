"""Writes about practices and therapists that span rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import NamedTuple

from django.db import transaction

from accounts.models import User
from bookings.models import AppointmentType
from practices.models import OpeningHours, Practice, Therapist

BATCH = 2000


def create_practice(
    *, practice: Practice, opening_hours: Sequence[OpeningTimes] = (), managers: Sequence[User] = ()
) -> Practice:
    """Add one practice to the network, ready to be booked: its opening hours, its
    managers and the network's default appointment types come with it.

    `practice` is an unsaved instance with the cleaned values set. One atomic
    block: the practice exists with all of it, or not at all. Every entry point
    (admin, demo, `manage.py generate_network`, tests) creates practices here.
    """
    with transaction.atomic():
        (saved,) = create_practices(practices=[practice], opening_hours=opening_hours)
        saved.managers.add(*managers)
    return saved


def create_practices(
    *, practices: Sequence[Practice], opening_hours: Sequence[OpeningTimes] = ()
) -> list[Practice]:
    """`create_practice` for many at once (the benchmark network): the same rows,
    written in batches. Each practice gets the same `opening_hours`. One atomic block.
    """
    with transaction.atomic():
        # Both SQLite (3.35+) and PostgreSQL return the new primary keys.
        saved = Practice.objects.bulk_create(practices, batch_size=BATCH)
        OpeningHours.objects.bulk_create(
            (
                OpeningHours(
                    practice=p, weekday=block.weekday, opens=block.opens, closes=block.closes
                )
                for p in saved
                for block in opening_hours
            ),
            batch_size=BATCH,
        )
        AppointmentType.objects.bulk_create(
            (row for p in saved for row in AppointmentType.defaults_for(p)), batch_size=BATCH
        )
    return saved


class OpeningTimes(NamedTuple):
    """One block of opening time on a weekday (0 = Monday), local wall-clock time."""

    weekday: int
    opens: time
    closes: time


def replace_opening_hours(*, practice: Practice, hours: Sequence[OpeningTimes]) -> None:
    """Make `hours` the practice's whole week of opening hours.

    One atomic block: the old blocks go and the new ones come, or nothing changes.
    """
    with transaction.atomic():
        practice.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(
                practice=practice, weekday=block.weekday, opens=block.opens, closes=block.closes
            )
            for block in hours
        )


def save_therapist(*, therapist: Therapist, practice: Practice) -> Therapist:
    """Save a new or edited therapist (cleaned values set on the instance) at `practice`.

    One atomic block: the therapist is saved and works at `practice`, or nothing changes.
    """
    with transaction.atomic():
        therapist.save()
        therapist.practices.add(practice)
    return therapist
