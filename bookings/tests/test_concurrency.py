"""No double bookings, enforced by the database (docs/locking.md).

Real threads, each with its own database connection, against a real database
(a file on SQLite, a server on PostgreSQL). First the race is shown to exist
without the guard, then the guard is shown to hold with 50 simultaneous
attempts at one slot.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client

from accounts.models import User
from bookings.db import overlap_constraint
from bookings.models import Appointment, Status
from bookings.tests.conftest import at

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 50


def race(attempt: Callable[[int], object], *, attempts: int) -> list[object]:
    """Run `attempt(i)` in `attempts` threads released at the same moment."""
    start = threading.Barrier(attempts)
    results: list[object] = [None] * attempts

    def worker(index: int) -> None:
        try:
            start.wait()
            results[index] = attempt(index)
        except Exception as error:  # noqa: BLE001  (the test inspects what went wrong)
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def without_overlap_constraint():
    """PostgreSQL: drop the exclusion constraint for one test, then put it back."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.schema_editor() as editor:
        editor.remove_constraint(Appointment, overlap_constraint())
    try:
        yield
    finally:
        Appointment.objects.all().delete()
        with connection.schema_editor() as editor:
            editor.add_constraint(Appointment, overlap_constraint())


def test_without_the_guard_two_overlapping_bookings_both_succeed(
    now, practice_a, eva, intake, follow_up, patient_anna, patient_bram, without_overlap_constraint
):
    """The naive check-then-insert: both look, both see a free time, both write."""
    both_looked = threading.Barrier(2)
    wanted = [(patient_anna, intake, at(3, 10)), (patient_bram, follow_up, at(3, 10, 30))]

    def unguarded_booking(index: int) -> str:
        patient, appointment_type, start = wanted[index]
        end = start + appointment_type.duration
        busy_until = end + appointment_type.buffer
        free = (
            not Appointment.objects.occupying(now)
            .filter(therapist=eva)
            .overlapping(start, busy_until)
            .exists()
        )
        both_looked.wait()
        if not free:
            return "taken"
        Appointment.objects.create(
            practice=practice_a, therapist=eva, appointment_type=appointment_type,
            kind="in_person", start=start, end=end, busy_until=busy_until,
            patient=patient, created_at=now, scheduled_at=now,
        )  # fmt: skip
        return "booked"

    results = race(unguarded_booking, attempts=2)

    assert results == ["booked", "booked"]  # the bug exists without the guard
    first, second = Appointment.objects.order_by("start")
    assert first.busy_until > second.start  # they overlap


def test_fifty_simultaneous_attempts_at_one_slot_give_one_201_and_49_409s(
    now, practice_a, eva, follow_up
):
    patients = User.objects.bulk_create(
        User(email=f"racer{i}@example.nl", display_name=f"Racer {i}") for i in range(ATTEMPTS)
    )
    clients = []
    for patient in patients:
        client = Client()
        client.force_login(patient)
        clients.append(client)
    payload = {
        "therapist": str(eva.public_id),
        "start": "2026-03-03T09:00:00Z",
        "kind": "in_person",
        "type": "follow_up",
    }
    mail.outbox.clear()

    def attempt(index: int) -> int:
        response = clients[index].post(
            "/api/v1/appointments", payload, content_type="application/json"
        )
        return response.status_code

    results = race(attempt, attempts=ATTEMPTS)

    assert sorted(results, key=str).count(201) == 1, results
    assert results.count(409) == ATTEMPTS - 1, results
    assert Appointment.objects.filter(status=Status.CONFIRMED).count() == 1
    winner = Appointment.objects.get()
    confirmations = [m for m in mail.outbox if m.to == [winner.patient.email]]
    assert len(confirmations) == 1
    assert len(mail.outbox) == 2  # the patient's confirmation and the therapist's notice


def test_fifty_simultaneous_overlapping_requests_of_different_types_leave_no_overlap(
    now, practice_a, eva, intake, follow_up, patient_anna
):
    """Different starts and lengths, all overlapping 10:00-11:15: still one winner."""
    from bookings import actions
    from bookings.errors import PatientBusy, SlotTaken

    starts = [at(3, 10), at(3, 10, 30), at(3, 11)]

    def attempt(index: int) -> str:
        start = starts[index % len(starts)]
        appointment_type = intake if start == at(3, 10) else follow_up
        try:
            actions.book_slot(
                practice=practice_a, therapist=eva, appointment_type=appointment_type,
                kind="in_person", start=start, now=now, patient=patient_anna,
            )  # fmt: skip
        except (SlotTaken, PatientBusy):  # one patient: either constraint may speak first
            return "taken"
        return "booked"

    results = race(attempt, attempts=30)

    booked = list(Appointment.objects.filter(status=Status.CONFIRMED).order_by("start"))
    assert results.count("booked") == len(booked) and set(results) <= {"booked", "taken"}
    for first, second in zip(booked, booked[1:], strict=False):
        assert first.busy_until <= second.start


def test_the_database_refuses_a_clashing_row_even_without_any_check(
    now, practice_a, eva, intake, follow_up, patient_anna
):
    """PostgreSQL: the exclusion constraint refuses any overlap. SQLite has no
    exclusion constraints: its unique index refuses the same start, and overlap
    is refused by book_slot's re-check under the IMMEDIATE write lock (tested
    above with threads)."""
    if connection.vendor != "postgresql":
        Appointment.objects.create(
            practice=practice_a, therapist=eva, appointment_type=intake, kind="in_person",
            start=at(3, 10), end=at(3, 11), busy_until=at(3, 11, 15), patient=patient_anna,
            created_at=now, scheduled_at=now,
        )  # fmt: skip
        with pytest.raises(IntegrityError), transaction.atomic():
            Appointment.objects.create(
                practice=practice_a, therapist=eva, appointment_type=follow_up, kind="video",
                video_room="room", start=at(3, 10), end=at(3, 10, 30), busy_until=at(3, 10, 30),
                patient=patient_anna, created_at=now, scheduled_at=now,
            )  # fmt: skip
        assert Appointment.objects.count() == 1
        return
    Appointment.objects.create(
        practice=practice_a, therapist=eva, appointment_type=intake, kind="in_person",
        start=at(3, 10), end=at(3, 11), busy_until=at(3, 11, 15), patient=patient_anna,
        created_at=now, scheduled_at=now,
    )  # fmt: skip
    with pytest.raises(IntegrityError, match="appointment_no_overlap_per_therapist"):
        with transaction.atomic():
            Appointment.objects.create(
                practice=practice_a, therapist=eva, appointment_type=follow_up, kind="video",
                video_room="room", start=at(3, 11), end=at(3, 11, 30), busy_until=at(3, 11, 30),
                patient=patient_anna, created_at=now, scheduled_at=now,
            )  # fmt: skip
    # Adjacent ([11:15, 11:45) after [10:00, 11:15)) and cancelled rows are fine.
    Appointment.objects.create(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(3, 11, 15), end=at(3, 11, 45), busy_until=at(3, 11, 45), patient=patient_anna,
        created_at=now, scheduled_at=now,
    )  # fmt: skip
    Appointment.objects.create(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(3, 10, 30), end=at(3, 11), busy_until=at(3, 11), patient=patient_anna,
        status=Status.CANCELLED, created_at=now, scheduled_at=now,
    )  # fmt: skip
    assert Appointment.objects.count() == 3


def test_adjacent_bookings_both_succeed(
    now, practice_a, eva, follow_up, patient_anna, patient_bram
):
    from bookings import actions

    for patient, start in ((patient_anna, at(3, 10)), (patient_bram, at(3, 10, 30))):
        actions.book_slot(
            practice=practice_a, therapist=eva, appointment_type=follow_up,
            kind="in_person", start=start, now=now, patient=patient,
        )  # fmt: skip
    assert Appointment.objects.filter(status=Status.CONFIRMED).count() == 2
    assert (
        timedelta(0)
        == Appointment.objects.get(patient=patient_bram).start
        - Appointment.objects.get(patient=patient_anna).busy_until
    )


def test_the_constraint_and_the_models_agree_on_what_takes_time():
    from bookings.db import OCCUPYING_STATUSES
    from bookings.models import OCCUPYING_VALUES

    assert sorted(OCCUPYING_STATUSES) == sorted(OCCUPYING_VALUES)
