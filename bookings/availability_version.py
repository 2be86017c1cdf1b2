"""The availability version: whatever changes when a practice is free bumps it (issue 18).

The finder's first free times (bookings/first_free.py) are cached under this one
network-wide version (pijnreset/versions.py). What changes a first free time bumps it:
an appointment booked, held, confirmed, cancelled, moved or its status changed;
working hours, blocked time, closures; a therapist added, removed or changed (and
who works where); a practice or its appointment types changed.

Saves and deletes announce themselves by signal; updates and bulk inserts of whole
query sets do not, so these models' query sets bump it themselves (`ChangesAvailability`).
A bump inside a transaction happens at once and again on commit: a request that read
the old rows in between cached them under the in-between version, never the last one.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from pijnreset import versions

NAME = "availability"
MODELS = frozenset({
    "bookings.appointment", "bookings.appointmenttype", "bookings.workinghours",
    "bookings.blockedtime", "practices.practice", "practices.closure", "practices.therapist",
    "practices.therapist_practices",
})  # fmt: skip

_M = TypeVar("_M", bound=models.Model)


def current() -> str:
    return versions.current(NAME)


def changed() -> None:
    versions.bump_now_and_on_commit(NAME)


class ChangesAvailability(versions.WritesBump[_M]):
    """A query set whose updates and bulk writes bump the availability version."""

    def written(self) -> None:
        changed()


def _on_row_change(sender: type[models.Model], **kwargs: Any) -> None:
    if sender._meta.label_lower in MODELS:
        changed()


def connect_signals() -> None:
    post_save.connect(_on_row_change, dispatch_uid="availability_save")
    post_delete.connect(_on_row_change, dispatch_uid="availability_delete")
    m2m_changed.connect(_on_row_change, dispatch_uid="availability_m2m")
