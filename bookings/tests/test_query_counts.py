"""Query guards: the agenda, "my appointments" and the slot list ask the database
the same number of times for one row as for fifty (no query per row)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bookings.models import Appointment, Status
from bookings.tests.conftest import NOW, at
from practices.tests.factories import make_therapist

pytestmark = pytest.mark.django_db

ROWS = [1, 50]
# The bounds hold on SQLite and PostgreSQL alike.
AGENDA_QUERIES = 10  # one of them: the therapist looking, whose agenda opens first
MINE_QUERIES = 4
SLOTS_QUERIES = 8  # the types for the form, the chosen type again in bookings.requests


def half_hours_this_week(count: int):
    """`count` distinct starts from Monday 2 March 09:00 on, 16 per working day."""
    for index in range(count):
        day, step = divmod(index, 16)
        yield at(2 + day, 9) + timedelta(minutes=30 * step)


def make_appointments(starts, *, practice, therapists, appointment_type, patient=None):
    """Booked appointments at `starts`, taking turns among `therapists` (guest ones without a
    patient), written directly: the guard is about reading them."""
    rows = []
    for index, start in enumerate(starts):
        end = start + timedelta(minutes=appointment_type.duration_minutes)
        rows.append(
            Appointment(
                practice=practice,
                therapist=therapists[index % len(therapists)],
                appointment_type=appointment_type,
                kind="in_person",
                start=start,
                end=end,
                busy_until=end + timedelta(minutes=appointment_type.buffer_minutes),
                status=Status.CONFIRMED,
                patient=patient if patient is not None and index % 2 == 0 else None,
                guest_name="" if patient is not None and index % 2 == 0 else f"Gast {index}",
                guest_email="" if patient is not None and index % 2 == 0 else f"g{index}@x.nl",
                created_at=NOW,
                scheduled_at=NOW,
            )
        )
    return Appointment.objects.bulk_create(rows)


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return len(captured)


@pytest.mark.parametrize("rows", ROWS)
def test_the_agenda_asks_the_same_for_one_and_fifty_appointments(
    client, now, practice_a, eva, follow_up, patient_anna, django_assert_max_num_queries, rows
):
    colleague = make_therapist("Sara Jansen", practices=(practice_a,))
    make_appointments(
        half_hours_this_week(rows),
        practice=practice_a,
        therapists=[eva, colleague],
        appointment_type=follow_up,
        patient=patient_anna,
    )
    client.force_login(eva.user)
    url = f"/afspraken/agenda/{practice_a.public_id}/?therapist="  # everyone's
    with django_assert_max_num_queries(AGENDA_QUERIES):
        response = client.get(url)
    html = response.content.decode()
    assert html.count("Eva de Vries") + html.count("Sara Jansen") >= rows
    assert html.count("/afspraken/") >= rows


@pytest.mark.parametrize("rows", ROWS)
def test_my_appointments_ask_the_same_for_one_and_fifty(
    client, now, practice_a, eva, follow_up, patient_anna, django_assert_max_num_queries, rows
):
    past = [NOW - timedelta(days=1 + n) for n in range(rows)]
    upcoming = list(half_hours_this_week(rows))
    for starts in (past, upcoming):
        make_appointments(
            starts,
            practice=practice_a,
            therapists=[eva],
            appointment_type=follow_up,
            patient=patient_anna,
        )
    Appointment.objects.filter(patient=None).update(patient=patient_anna, guest_email="")
    client.force_login(patient_anna)
    with django_assert_max_num_queries(MINE_QUERIES):
        response = client.get("/afspraken/")
    assert response.content.decode().count('<li class="card">') == 2 * rows


@pytest.mark.parametrize("rows", ROWS)
def test_the_slot_list_asks_the_same_for_one_and_fifty_therapists(
    client, now, practice_a, follow_up, django_assert_max_num_queries, rows
):
    therapists = [
        make_therapist(f"Therapeut {n} Test", practices=(practice_a,)) for n in range(rows)
    ]
    make_appointments(
        [at(3, 10)] * rows,  # each therapist busy on Tuesday at 10:00
        practice=practice_a,
        therapists=therapists,
        appointment_type=follow_up,
    )
    url = f"/afspraken/boeken/{practice_a.public_id}/"
    with django_assert_max_num_queries(SLOTS_QUERIES):
        response = client.get(url, {"type": "follow_up", "kind": "in_person"})
    assert response.status_code == 200
    assert "10:30" in response.content.decode()


def test_the_bounds_are_tight_enough_to_catch_a_query_per_row(
    client, now, practice_a, eva, follow_up, patient_anna
):
    """Seen from the other side: two more rows in the agenda cost no query more."""
    client.force_login(eva.user)
    url = f"/afspraken/agenda/{practice_a.public_id}/"
    make_appointments(
        half_hours_this_week(1), practice=practice_a, therapists=[eva], appointment_type=follow_up
    )
    one = count_queries(client, url)
    Appointment.objects.all().delete()
    make_appointments(
        half_hours_this_week(3), practice=practice_a, therapists=[eva], appointment_type=follow_up
    )
    assert count_queries(client, url) == one <= AGENDA_QUERIES
