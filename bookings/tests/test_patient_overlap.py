"""A patient cannot hold two appointments at overlapping times (any therapist, any practice).

PostgreSQL refuses it with the exclusion constraint `appointment_no_overlap_per_patient`;
SQLite by the re-check under the IMMEDIATE write lock in `book_slot` and
`reschedule_appointment` (docs/locking.md).
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from bookings import actions
from bookings.errors import PatientBusy
from bookings.models import Appointment, Status
from bookings.tests.conftest import at
from bookings.tests.helpers import book_url
from tests.race import race

BUSY_NL = "Je hebt op dat moment al een afspraak."


def _book(practice, therapist, start, patient, now, slug="follow_up"):
    return actions.book_slot(
        practice=practice, therapist=therapist,
        appointment_type=practice.appointment_types.get(slug=slug),
        kind="in_person", start=start, now=now, patient=patient,
    )  # fmt: skip


@pytest.mark.django_db
def test_an_overlapping_booking_with_another_therapist_is_refused(
    now, practice_a, practice_b, eva, joost, patient_anna
):
    _book(practice_a, eva, at(3, 10), patient_anna, now, slug="intake")  # 10:00-11:00
    with pytest.raises(PatientBusy) as refused:
        _book(practice_b, joost, at(3, 10, 30), patient_anna, now)
    assert refused.value.status == 409
    assert Appointment.objects.filter(patient=patient_anna).count() == 1


@pytest.mark.django_db
def test_adjacent_and_cancelled_times_do_not_count(
    now, practice_a, practice_b, eva, joost, patient_anna
):
    first = _book(practice_a, eva, at(3, 10), patient_anna, now)
    _book(practice_b, joost, at(3, 10, 30), patient_anna, now)  # starts when the first ends
    actions.cancel_appointment(appointment=first, actor=patient_anna, now=now)
    _book(practice_b, joost, at(3, 10), patient_anna, now)  # overlaps only the cancelled one
    assert Appointment.objects.filter(patient=patient_anna, status=Status.CONFIRMED).count() == 2


@pytest.mark.django_db
def test_moving_onto_ones_own_other_appointment_is_refused(
    now, practice_a, practice_b, eva, joost, patient_anna
):
    first = _book(practice_a, eva, at(4, 10), patient_anna, now, slug="intake")
    _book(practice_b, joost, at(4, 11, 30), patient_anna, now)
    with pytest.raises(PatientBusy):
        actions.reschedule_appointment(
            appointment=first, actor=patient_anna, start=at(4, 11), now=now
        )
    moved = actions.reschedule_appointment(
        appointment=first, actor=patient_anna, start=at(4, 9), now=now
    )  # next to its own old time: fine
    assert moved.start == at(4, 9)


@pytest.mark.django_db
def test_the_booking_page_says_so_in_dutch_with_409(
    client, now, practice_a, practice_b, eva, joost, patient_anna
):
    _book(practice_b, joost, at(3, 10), patient_anna, now)
    client.force_login(patient_anna)
    response = client.post(book_url(practice_a, eva, at(3, 10), "follow_up", "in_person"))
    assert response.status_code == 409
    assert BUSY_NL in response.content.decode()
    assert Appointment.objects.filter(patient=patient_anna).count() == 1


@pytest.mark.django_db
def test_the_api_answers_409_in_the_one_error_format(
    client, now, practice_a, practice_b, eva, joost, patient_anna
):
    _book(practice_b, joost, at(3, 10), patient_anna, now)
    client.force_login(patient_anna)
    response = client.post(
        "/api/v1/appointments",
        {
            "therapist": str(eva.public_id),
            "start": "2026-03-03T09:00:00Z",
            "kind": "in_person",
            "type": "follow_up",
        },
        content_type="application/json",
        headers={"accept-language": "nl"},
    )
    assert response.status_code == 409
    [error] = response.json()["detail"]
    assert error["msg"] == BUSY_NL and error["loc"] == []


@pytest.mark.django_db
def test_the_database_refuses_a_patients_overlap_on_postgresql(
    now, practice_a, practice_b, eva, joost, patient_anna, intake
):
    """PostgreSQL: the exclusion constraint, even with no Python check. SQLite has no
    exclusion constraints; there the action's re-check under the write lock is the guard
    (the race below)."""
    follow_up_b = practice_b.appointment_types.get(slug="follow_up")
    Appointment.objects.create(
        practice=practice_a, therapist=eva, appointment_type=intake, kind="in_person",
        start=at(3, 10), end=at(3, 11), busy_until=at(3, 11, 15), patient=patient_anna,
        created_at=now, scheduled_at=now,
    )  # fmt: skip
    clash = dict(
        practice=practice_b, therapist=joost, appointment_type=follow_up_b, kind="in_person",
        start=at(3, 10, 45), end=at(3, 11, 15), busy_until=at(3, 11, 15), patient=patient_anna,
        created_at=now, scheduled_at=now,
    )  # fmt: skip
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError, match="appointment_no_overlap_per_patient"):
            with transaction.atomic():
                Appointment.objects.create(**clash)
        # After the first one's end (its buffer is the therapist's, not the patient's): fine.
        Appointment.objects.create(
            **clash | {"start": at(3, 11), "end": at(3, 11, 30), "busy_until": at(3, 11, 30)}
        )
        assert Appointment.objects.count() == 2
    else:
        with pytest.raises(PatientBusy):
            _book(practice_b, joost, at(3, 10, 30), patient_anna, now)
        assert Appointment.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_overlapping_bookings_for_one_patient_at_two_therapists_one_wins(
    now, practice_a, practice_b, eva, joost, patient_anna
):
    wanted = [
        (practice_a, eva, at(3, 10), "intake"),
        (practice_b, joost, at(3, 10, 30), "follow_up"),
    ]

    def attempt(index: int) -> str:
        practice, therapist, start, slug = wanted[index]
        _book(practice, therapist, start, patient_anna, now, slug=slug)
        return "booked"

    results = race(attempt, 2)

    assert sorted(map(str, results)) == sorted(["booked", str(PatientBusy())]), results
    assert sum(isinstance(result, PatientBusy) for result in results) == 1
    assert Appointment.objects.filter(patient=patient_anna, status=Status.CONFIRMED).count() == 1
