"""Writes by a practice's managers about its schedule: working hours and appointment types.

Split from bookings/actions.py (one sub-domain per module). Like every action, each takes
the acting user and checks what they may do itself; each owns its transaction
(`transaction.atomic(durable=True)`, see docs/locking.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any

from django.db import transaction

from accounts.models import User
from bookings.errors import NotYours
from bookings.models import AppointmentType, WorkingHours
from practices.models import Practice, Therapist


@dataclass(frozen=True)
class WeeklyBlock:
    """One cleaned block of weekly working hours (local wall-clock time)."""

    weekday: int
    start: time
    end: time


def save_working_hours(
    *, actor: User, therapist: Therapist, practice: Practice, blocks: Sequence[WeeklyBlock]
) -> None:
    """Replace a therapist's working hours at `practice` by `blocks`.

    Who may: a manager of the practice (NotYours otherwise; the therapist must work
    there). One durable atomic block: all or nothing.
    """
    if not practice.is_managed_by(actor) or not therapist.works_at(practice):
        raise NotYours()
    with transaction.atomic(durable=True):
        WorkingHours.objects.filter(therapist=therapist, practice=practice).delete()
        WorkingHours.objects.bulk_create(
            WorkingHours(
                therapist=therapist,
                practice=practice,
                weekday=block.weekday,
                start=block.start,
                end=block.end,
            )
            for block in blocks
        )


# What a manager may change about an appointment type (the code and position stay).
TYPE_FIELDS = ("name_nl", "name_en", "duration_minutes", "buffer_minutes", "kinds", "is_active")


def save_appointment_types(
    *, actor: User, practice: Practice, changes: Sequence[tuple[AppointmentType, Mapping[str, Any]]]
) -> None:
    """Save edited appointment types of `practice`: (type, cleaned values) pairs.

    Who may: a manager of the practice; every type must be the practice's own
    (NotYours otherwise). One durable atomic block: all or nothing.
    """
    if not practice.is_managed_by(actor):
        raise NotYours()
    if any(t.pk is None or t.practice_id != practice.pk for t, _ in changes):
        raise NotYours()
    with transaction.atomic(durable=True):
        for appointment_type, values in changes:
            for name in TYPE_FIELDS:
                if name in values:
                    setattr(appointment_type, name, values[name])
            appointment_type.save(update_fields=[n for n in TYPE_FIELDS if n in values])
