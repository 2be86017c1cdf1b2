"""Concurrent PUTs for the same day never make two rows (PostgreSQL and SQLite).

The database is the guard: the unique constraint (patient, date). The first
test shows the race is real on PostgreSQL: a plain "look, then insert" loses
to it. The action retries the loser as an update, so every request succeeds
and one row remains.
"""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from diary.models import CheckIn
from tests.race import race

pytestmark = pytest.mark.django_db(transaction=True)


def test_without_the_guard_a_look_then_insert_is_caught_by_the_database(patient_anna):
    """The race exists; what stops it depends on the database.

    PostgreSQL lets both transactions look before either inserts, so the
    unique constraint refuses the second insert. SQLite's BEGIN IMMEDIATE makes
    the second writer wait until the first commits, so it sees the row.
    """
    day = patient_anna.local_date()
    postgres = connection.vendor == "postgresql"
    looked = threading.Barrier(2)

    def unguarded(i):
        with transaction.atomic():
            exists = CheckIn.objects.filter(patient=patient_anna, date=day).exists()
            if postgres:
                looked.wait()  # both have looked before either inserts
            if not exists:
                now = timezone.now()
                CheckIn.objects.create(
                    patient=patient_anna, date=day, pain=i, created_at=now, updated_at=now
                )
        return "saved"

    results = race(unguarded, attempts=2)
    if postgres:
        assert sum(isinstance(r, IntegrityError) for r in results) == 1
    else:
        assert results == ["saved", "saved"]
    assert CheckIn.objects.filter(patient=patient_anna, date=day).count() == 1


def test_concurrent_puts_for_the_same_day_all_succeed_with_one_row(patient_anna, anna_token):
    day = patient_anna.local_date() - timedelta(days=1)

    def put(i):
        client = Client(headers={"Authorization": f"Bearer {anna_token}"})
        response = client.put(
            f"/api/v1/checkins/{day}", {"pain": i % 11}, content_type="application/json"
        )
        return response.status_code

    results = race(put, attempts=12)
    assert results == [200] * 12
    assert CheckIn.objects.filter(patient=patient_anna, date=day).count() == 1
    assert CheckIn.objects.get(patient=patient_anna, date=day).revisions.count() <= 11


def test_two_phones_queues_sent_at_once_keep_the_newest_and_one_revision(patient_anna, anna_token):
    """Newest wins under a race too: each phone's queue sent twice, all four PUTs at once."""
    now = timezone.now()
    day = patient_anna.local_date(now)
    bodies = [
        {"pain": 6, "edited_at": (now - timedelta(minutes=40)).isoformat()},
        {"pain": 3, "edited_at": (now - timedelta(minutes=5)).isoformat()},
    ]

    def put(i):
        client = Client(headers={"Authorization": f"Bearer {anna_token}"})
        return client.put(
            f"/api/v1/checkins/{day}", bodies[i % 2], content_type="application/json"
        ).status_code

    assert race(put, attempts=4) == [200] * 4
    check_in = CheckIn.objects.get(patient=patient_anna, date=day)
    assert check_in.pain == 3
    assert [r.previous["pain"] for r in check_in.revisions.all()] == [6]
