"""Migration 0004 keeps who cancelled: the old boolean becomes the new capacity."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("bookings", "0003_appointment_hold_extended_at")]
AFTER = [("bookings", "0004_cancelled_by_whom")]


@pytest.fixture
def back_to_the_latest_schema():
    """Going back to 0003 also unapplies every app that depends on bookings 0005 (reviews,
    ...): their tables must be back for the tests that run after this one in the process."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_old_boolean_maps_to_who_cancelled(patient_anna, back_to_the_latest_schema):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    from practices.tests.factories import make_practice, make_therapist

    practice = make_practice("Praktijk Migratie")
    therapist = make_therapist("Tess", practices=(practice,))
    Appointment = old.get_model("bookings", "Appointment")
    AppointmentType = old.get_model("bookings", "AppointmentType")
    kind_of = AppointmentType.objects.get(practice_id=practice.pk, slug="follow_up")
    start = datetime(2026, 3, 4, 9, tzinfo=UTC)

    def make(n, *, patient, by_practice, status="cancelled"):
        at = start + timedelta(hours=n)
        return Appointment.objects.create(
            practice_id=practice.pk, therapist_id=therapist.pk, appointment_type=kind_of,
            kind="in_person", start=at, end=at + timedelta(minutes=30),
            busy_until=at + timedelta(minutes=30), status=status,
            patient_id=patient.pk if patient else None,
            guest_email="" if patient else "gast@example.nl", created_at=start,
            scheduled_at=start, cancelled_by_practice=by_practice,
        ).pk  # fmt: skip

    ids = {
        "practice": make(0, patient=patient_anna, by_practice=True),
        "patient": make(1, patient=patient_anna, by_practice=False),
        "link": make(2, patient=None, by_practice=False),
        "": make(3, patient=patient_anna, by_practice=False, status="confirmed"),
    }
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("bookings", "Appointment")
    found = {pk: (cancelled_as, by) for pk, cancelled_as, by in new.objects.values_list(
        "pk", "cancelled_as", "cancelled_by")}  # fmt: skip
    assert {expected: found[pk] for expected, pk in ids.items()} == {
        "practice": ("practice", None),
        "patient": ("patient", None),
        "link": ("link", None),
        "": ("", None),
    }
