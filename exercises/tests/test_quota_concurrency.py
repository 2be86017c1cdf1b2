"""Quota decisions racing each other or a movement log: one result (PostgreSQL and SQLite).

The guard is the lock on the patient's row taken by every quota action before it reads
the history and decides whether the choice is offered. The first test shows that without
it two accepted step ups both land on PostgreSQL.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from exercises import actions, pacing
from exercises.errors import QuotaNotOffered
from exercises.models import MovementLog, MovementQuota
from exercises.movement import movement_data, quota_history
from tests.race import race

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def offer(patient_anna):
    """Anna has held 10 minutes for 8 days and reached it on 4: a step up to 11 is offered."""
    now = timezone.now()
    today = patient_anna.local_date(now)
    MovementQuota.objects.create(
        patient=patient_anna,
        minutes=10,
        started_on=today - timedelta(days=8),
        reason="start",
        created_at=now - timedelta(days=8),
    )
    for days_back in range(1, 5):
        MovementLog.objects.create(
            patient=patient_anna,
            local_date=today - timedelta(days=days_back),
            activity="walk",
            minutes=10,
            felt="fine",
            symptoms_after="same",
            created_at=now,
        )
    return today


def step_ups(patient):
    return MovementQuota.objects.filter(patient=patient, reason="step_up").count()


def test_without_the_lock_two_step_ups_can_both_land(patient_anna, offer):
    if connection.vendor != "postgresql":
        # SQLite's BEGIN IMMEDIATE already serialises the writers: nothing to show there.
        assert connection.vendor == "sqlite"
        return
    looked = threading.Barrier(2)

    def unguarded(_i):
        with transaction.atomic():
            history = quota_history(patient_anna)
            advice = pacing.advise(
                movement_data(patient=patient_anna, today=offer), history, today=offer
            )
            looked.wait()  # both have decided before either writes
            assert advice.step_up_offer is not None
            MovementQuota.objects.create(
                patient=patient_anna,
                minutes=advice.step_up_offer,
                started_on=offer,
                reason="step_up",
                created_at=timezone.now(),
            )

    race(unguarded, attempts=2)
    assert step_ups(patient_anna) == 2


def test_two_step_ups_at_once_give_one_step_up(patient_anna, offer):
    results = race(lambda _i: actions.accept_step_up(patient=patient_anna, now=timezone.now()), 3)
    assert step_ups(patient_anna) == 1
    assert sum(isinstance(r, MovementQuota) for r in results) == 1
    assert sum(isinstance(r, QuotaNotOffered) for r in results) == 2


def test_a_step_up_racing_a_movement_log_gives_one_result(patient_anna, offer):
    def work(i):
        now = timezone.now()
        if i == 0:
            return actions.accept_step_up(patient=patient_anna, now=now)
        return actions.log_movement(
            patient=patient_anna,
            local_date=offer,
            activity="walk",
            minutes=12,
            felt="fine",
            symptoms_after="much_worse",
            now=now,
        )

    results = race(work, 2)
    assert not any(isinstance(r, Exception) for r in results), results
    assert MovementLog.objects.filter(patient=patient_anna, local_date=offer).count() == 1
    assert list(MovementQuota.objects.filter(patient=patient_anna).values_list("minutes")) == [
        (10,),
        (11,),
    ]
