"""Writes about practices and therapists that span rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import NamedTuple

from django.db import transaction

from practices.models import OpeningHours, Practice, Therapist


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
