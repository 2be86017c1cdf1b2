"""Fixtures for reviews: Eva works at practice A (managed by Mila), Joost at practice B.
Anna had an appointment with Eva yesterday; the practice marks it completed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings import actions as booking_actions
from bookings.models import Appointment, Kind, Status
from practices.tests.factories import GRONINGEN, make_practice, make_therapist


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def practice_a(db, manager_mila):
    return make_practice("Praktijk Rustpunt", managers=(manager_mila,))


@pytest.fixture
def practice_b(db):
    return make_practice(
        "Fysio Noord", place="Groningen", at=GRONINGEN, postcode="9711 AA", province="GR"
    )


@pytest.fixture
def eva(practice_a, therapist_eva):
    return make_therapist("Eva de Vries", practices=(practice_a,), user=therapist_eva)


@pytest.fixture
def joost(practice_b, therapist_joost):
    return make_therapist("Joost Bakker", practices=(practice_b,), user=therapist_joost)


def past_appointment(practice, therapist, patient=None, *, days_ago: int = 1, **extra):
    """A booked appointment that already took place (not yet marked)."""
    start = timezone.now() - timedelta(days=days_ago, hours=2)
    kind_type = practice.appointment_types.get(slug="follow_up")
    values = {
        "practice": practice,
        "therapist": therapist,
        "appointment_type": kind_type,
        "kind": Kind.IN_PERSON,
        "start": start,
        "end": start + timedelta(minutes=30),
        "busy_until": start + timedelta(minutes=30),
        "status": Status.CONFIRMED,
        "patient": patient,
        "scheduled_at": start - timedelta(days=7),
        "created_at": start - timedelta(days=7),
    }
    values.update(extra)
    return Appointment.objects.create(**values)


def complete(appointment, actor):
    return booking_actions.mark_outcome(
        appointment=appointment, actor=actor, status=Status.COMPLETED, now=timezone.now()
    )


@pytest.fixture
def visit(practice_a, eva, patient_anna, therapist_eva, django_capture_on_commit_callbacks):
    """Anna's appointment with Eva, marked completed by Eva (the invitation is sent)."""
    appointment = past_appointment(practice_a, eva, patient_anna)
    with django_capture_on_commit_callbacks(execute=True):
        return complete(appointment, therapist_eva)
