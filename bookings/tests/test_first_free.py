"""The first free time on every finder result (page and API), in a fixed number of queries."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bookings.first_free import Wait, first_free_by_kind, first_free_slots, waits
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


@pytest.fixture
def phone_from_wednesday(practice_a):
    """Eva sees people in person and by video only; Lotte calls from Wednesday on."""
    practice_a.therapists.update(kinds=["in_person", "video"])
    return make_therapist(
        "Lotte Jansen", practices=(practice_a,), kinds=("phone",), weekdays=(2, 3)
    )


def test_each_way_has_its_own_wait_in_the_page_order(now, practice_a, eva, phone_from_wednesday):
    assert first_free_by_kind([practice_a], now=now) == {
        practice_a.pk: {"in_person": at(2, 10), "phone": at(4, 9), "video": at(2, 10)}
    }
    # What the page shows first stays the finder's single first free time.
    assert first_free_slots([practice_a], now=now) == {practice_a.pk: at(2, 10)}


def test_a_way_with_nothing_free_says_so_and_a_practice_with_no_way_has_none(
    now, practice_a, practice_b, eva
):
    practice_a.therapists.update(kinds=["in_person", "video"])
    make_therapist("Lotte Jansen", practices=(practice_a,), kinds=("phone",), weekdays=())
    assert first_free_by_kind([practice_a, practice_b], now=now) == {
        practice_a.pk: {"in_person": at(2, 10), "phone": None, "video": at(2, 10)},
        practice_b.pk: {"in_person": None, "phone": None, "video": None},  # nobody works there
    }
    practice_b.appointment_types.update(is_active=False)
    assert first_free_by_kind([practice_b], now=now) == {practice_b.pk: {}}


def test_the_wait_counts_days_on_the_practice_clock(now, practice_a):
    late_sunday = at(1, 23, 30)
    just_after_midnight = datetime(2026, 3, 1, 23, 15, tzinfo=UTC)  # Sunday in UTC, Monday here
    by_kind = {"in_person": just_after_midnight, "phone": at(4, 9), "video": None}
    assert waits(by_kind, now=late_sunday, zone=practice_a.zone) == [
        Wait("in_person", just_after_midnight, 1),
        Wait("phone", at(4, 9), 3),
        Wait("video", None, None),
    ]


def test_the_finder_page_shows_each_result_wait_per_way(
    client, now, practice_a, eva, phone_from_wednesday
):
    html = client.get("/praktijken/", {"q": "Utrecht"}).content.decode()
    assert "Eerste vrije tijd" in html
    assert "In de praktijk: maandag 2 maart, 10:00 (vandaag)" in html
    assert "Telefonisch: woensdag 4 maart, 09:00 (over 2 dagen)" in html
    assert "Via video: maandag 2 maart, 10:00 (vandaag)" in html


def test_the_practice_page_shows_the_wait_per_way(
    client, now, practice_a, eva, phone_from_wednesday
):
    html = client.get(practice_a.get_absolute_url()).content.decode()
    assert "Telefonisch: woensdag 4 maart, 09:00 (over 2 dagen)" in html
    english = client.get(f"/en{practice_a.get_absolute_url()}")
    assert "By phone: Wednesday 4 March, 09:00 (in 2 days)" in english.content.decode()


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
    assert {
        (wait["kind"], wait["first_free_slot"], wait["waiting_days"])
        for row in answer
        for wait in row["first_free_by_kind"]
    } == {(kind, "2026-03-02T09:00:00Z", 0) for kind in ("in_person", "phone", "video")}


def test_the_api_gives_the_wait_per_way(client, now, practice_a, eva, phone_from_wednesday):
    [row] = client.get("/api/v1/practices", {"q": "Utrecht"}).json()
    assert row["first_free_by_kind"] == [
        {"kind": "in_person", "first_free_slot": "2026-03-02T09:00:00Z", "waiting_days": 0},
        {"kind": "phone", "first_free_slot": "2026-03-04T08:00:00Z", "waiting_days": 2},
        {"kind": "video", "first_free_slot": "2026-03-02T09:00:00Z", "waiting_days": 0},
    ]


def test_the_api_says_null_when_nothing_is_free(client, now, practice_a, eva):
    eva.working_hours.all().delete()
    [row] = client.get("/api/v1/practices", {"q": "Utrecht"}).json()
    assert row["first_free_slot"] is None
    assert [wait["first_free_slot"] for wait in row["first_free_by_kind"]] == [None, None, None]
