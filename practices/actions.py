"""Writes about practices and therapists that span rows.

Each action takes the acting user (`actor`) and checks that they manage the practice
itself (NotManager otherwise); it takes cleaned values, never forms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any

from django.db import transaction

from accounts.models import User
from bookings.models import AppointmentType
from practices.errors import NotManager
from practices.models import OpeningHours, Practice, Therapist

BATCH = 2000


@dataclass(frozen=True)
class OpeningBlock:
    """One cleaned block of weekly opening hours (local wall-clock time)."""

    weekday: int
    opens: time
    closes: time


def create_practice(
    *, practice: Practice, opening_hours: Sequence[OpeningBlock] = (), managers: Sequence[User] = ()
) -> Practice:
    """Add one practice to the network, ready to be booked: its opening hours, its
    managers and the network's default appointment types come with it.

    `practice` is an unsaved instance with the cleaned values set. One atomic
    block: the practice exists with all of it, or not at all. Every entry point
    (admin, demo, `manage.py generate_network`, tests) creates practices here.
    Who may: the caller decides (the admin is the network operator's; commands
    and the demo run as the operator of the installation).
    """
    with transaction.atomic():
        (saved,) = create_practices(practices=[practice], opening_hours=opening_hours)
        saved.managers.add(*managers)
    return saved


def create_practices(
    *, practices: Sequence[Practice], opening_hours: Sequence[OpeningBlock] = ()
) -> list[Practice]:
    """`create_practice` for many at once (the benchmark network): the same rows,
    written in batches. Each practice gets the same `opening_hours`. One atomic block.
    """
    with transaction.atomic():
        # Both SQLite (3.35+) and PostgreSQL return the new primary keys.
        saved = Practice.objects.bulk_create(practices, batch_size=BATCH)
        OpeningHours.objects.bulk_create(
            (
                OpeningHours(practice=p, weekday=b.weekday, opens=b.opens, closes=b.closes)
                for p in saved
                for b in opening_hours
            ),
            batch_size=BATCH,
        )
        AppointmentType.objects.bulk_create(
            (row for p in saved for row in AppointmentType.defaults_for(p)), batch_size=BATCH
        )
    return saved


def _require_manager(actor: User, practice: Practice) -> None:
    if not actor.is_authenticated or not practice.is_managed_by(actor):
        raise NotManager()


def save_opening_hours(*, actor: User, practice: Practice, blocks: Sequence[OpeningBlock]) -> None:
    """Replace a practice's opening hours by `blocks`. One durable atomic block: all or nothing."""
    _require_manager(actor, practice)
    with transaction.atomic(durable=True):
        practice.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(practice=practice, weekday=b.weekday, opens=b.opens, closes=b.closes)
            for b in blocks
        )


# What a manager may set on a therapist (model field names).
THERAPIST_FIELDS = (
    "name",
    "photo",
    "profession",
    "big_number",
    "quality_register_number",
    "specialisations",
    "languages",
    "kinds",
    "about_nl",
    "about_en",
    "email",
    "is_active",
)


def save_therapist(
    *, actor: User, practice: Practice, therapist: Therapist | None, values: Mapping[str, Any]
) -> Therapist:
    """Save a new (`therapist=None`) or existing therapist of `practice` from cleaned
    values, and make sure they work there. A photo value follows Django's file fields:
    a new file replaces, False clears, the stored file keeps. One durable atomic block.
    """
    _require_manager(actor, practice)
    if therapist is not None and not therapist.practices.filter(pk=practice.pk).exists():
        raise NotManager()
    therapist = therapist or Therapist()
    for name in THERAPIST_FIELDS:
        if name in values:
            Therapist._meta.get_field(name).save_form_data(therapist, values[name])  # type: ignore[union-attr]
    with transaction.atomic(durable=True):
        therapist.save()
        therapist.practices.add(practice)
    return therapist
