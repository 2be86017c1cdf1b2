"""The same red-flag form arriving several times at once gives one check (SQLite and PostgreSQL).

The database is the guard: the unique constraint (patient, submission_key). A loser of the
race reads the winner's check, so every request gets the same answer.
"""

import threading
import uuid

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from assessments import actions, redflags
from assessments.errors import NotAwaitingDoctor
from assessments.models import RedFlagCheck, SafetyFlag
from tests.race import race

pytestmark = pytest.mark.django_db(transaction=True)


def _stroke_sign():
    return {key: key == "stroke_signs" for key in redflags.QUESTIONS}


def test_without_the_action_a_look_then_insert_is_caught_by_the_database(patient_anna):
    """The race is real: on PostgreSQL both copies look before either inserts, and only the
    unique constraint refuses the second; SQLite's BEGIN IMMEDIATE makes the second wait."""
    key = uuid.uuid4()
    postgres = connection.vendor == "postgresql"
    looked = threading.Barrier(2)

    def unguarded(_i):
        with transaction.atomic():
            exists = RedFlagCheck.objects.filter(patient=patient_anna, submission_key=key).exists()
            if postgres:
                looked.wait()  # both have looked before either inserts
            if not exists:
                RedFlagCheck.objects.create(
                    patient=patient_anna,
                    submission_key=key,
                    context="intake",
                    answers=_stroke_sign(),
                    routing="emergency",
                    submitted_at=timezone.now(),
                )
        return "saved"

    results = race(unguarded, attempts=2)
    if postgres:
        assert sum(isinstance(r, IntegrityError) for r in results) == 1
    else:
        assert results == ["saved", "saved"]
    assert RedFlagCheck.objects.filter(patient=patient_anna).count() == 1


def test_six_copies_of_one_form_at_once_make_one_check_and_one_flag(patient_anna):
    key = uuid.uuid4()

    def send(_i):
        return actions.record_red_flag_check(
            patient=patient_anna, answers=_stroke_sign(), submission_key=key, now=timezone.now()
        ).pk

    results = race(send, attempts=6)
    assert all(isinstance(r, int) for r in results), results
    assert len(set(results)) == 1
    assert RedFlagCheck.objects.filter(patient=patient_anna).count() == 1
    assert SafetyFlag.objects.filter(patient=patient_anna).count() == 1


def test_two_resumes_at_once_keep_one_time_and_reason(patient_anna):
    check = actions.record_red_flag_check(
        patient=patient_anna,
        answers=_stroke_sign(),
        submission_key=uuid.uuid4(),
        now=timezone.now(),
    )
    reasons = ["seen_doctor", "doctor_knows"]

    def resume(i):
        return actions.resume_exercises(
            patient=patient_anna, check=check, because=reasons[i], now=timezone.now()
        )

    results = race(resume, attempts=2)
    assert sorted(type(r).__name__ for r in results) == ["NotAwaitingDoctor", "int"], results
    winner = reasons[next(i for i, r in enumerate(results) if r == 1)]
    check.refresh_from_db()
    assert check.resumed_because == winner and check.resumed_at is not None
    assert any(isinstance(r, NotAwaitingDoctor) for r in results)
