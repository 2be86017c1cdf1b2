"""The first free time on every finder result (page and API), in a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bookings.first_free import first_free_slots
from bookings.models import Appointment, BlockedTime, Status
from bookings.tests.conftest import at
from practices.models import Closure
from practices.tests.factories import make_practice, make_therapist

pytestmark = pytest.mark.django_db

FIRST_FREE_QUERIES = 7  # rules, types, therapists, hours, appointments, blocks, closures


def test_the_first_free_time_is_that_of_what_the_page_shows_first(now, practice_a, eva):
    # Monday 08:00, 2 hours' notice: the intake (in person, 60 minutes) at 10:00 = 09:00 UTC.
    assert first_free_slots([practice_a], now=now) == {practice_a.pk: at(2, 10)}


def test_busy_time_blocks_and_closures_push_it_later(now, practice_a, eva, intake, patient_bram):
    Appointment.objects.create(
        practice=practice_a, therapist=eva, appointment_type=intake, kind="in_person",
        start=at(2, 10), end=at(2, 11), busy_until=at(2, 11, 15), patient=patient_bram,
        created_at=now, scheduled_at=now, status=Status.CONFIRMED,
    )  # fmt: skip
    BlockedTime.objects.create(therapist=eva, start=at(2, 11), end=at(2, 17))
    tuesday = date(2026, 3, 3)
    Closure.objects.create(practice=practice_a, first_day=tuesday, last_day=tuesday)
    # Monday after the intake (its buffer ends 11:15) is blocked; Tuesday is closed.
    assert first_free_slots([practice_a], now=now)[practice_a.pk] == at(4, 9)


def test_nothing_bookable_or_nothing_free_gives_none(now, practice_a, practice_b, eva):
    eva.working_hours.all().delete()
    assert first_free_slots([practice_a, practice_b], now=now) == {
        practice_a.pk: None,  # nobody works
        practice_b.pk: None,  # no therapist at all
    }


@pytest.mark.parametrize("rows", [1, 30])
def test_the_number_of_queries_does_not_grow_with_the_practices(now, rows):
    practices = []
    for number in range(rows):
        practice = make_practice(f"Praktijk {number}", at=(52.09 + number / 1000, 5.12))
        make_therapist(f"Therapeut {number} A", practices=(practice,))
        make_therapist(f"Therapeut {number} B", practices=(practice,))
        practices.append(practice)
    with CaptureQueriesContext(connection) as captured:
        first = first_free_slots(practices, now=now)
    assert len(captured) <= FIRST_FREE_QUERIES
    assert set(first.values()) == {at(2, 10)}


def test_the_finder_page_shows_each_result_first_free_time(client, now, practice_a, eva):
    html = client.get("/praktijken/", {"q": "Utrecht"}).content.decode()
    assert "Eerste vrije tijd: maandag 2 maart, 10:00" in html


@pytest.mark.parametrize("rows", [1, 30])
def test_the_api_gives_first_free_slot_in_a_fixed_number_of_queries(
    client, now, django_assert_max_num_queries, rows
):
    for number in range(rows):
        practice = make_practice(f"Praktijk {number}", at=(52.09 + number / 1000, 5.12))
        make_therapist(f"Therapeut {number}", practices=(practice,))
    # At most five boxes for the finder's circle (practices/finder.py), then the first times.
    with django_assert_max_num_queries(5 + FIRST_FREE_QUERIES):
        response = client.get("/api/v1/practices", {"q": "Utrecht", "limit": 50})
    assert response.status_code == 200
    answer = response.json()
    assert len(answer) == rows
    assert {row["first_free_slot"] for row in answer} == {"2026-03-02T09:00:00Z"}


def test_the_api_says_null_when_nothing_is_free(client, now, practice_a, eva):
    eva.working_hours.all().delete()
    [row] = client.get("/api/v1/practices", {"q": "Utrecht"}).json()
    assert row["first_free_slot"] is None
