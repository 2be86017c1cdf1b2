"""Fixtures for booking tests: Eva works at practice A (Utrecht, managed by Mila),
Joost at practice B (Groningen). The clock stands still on Monday 2 March 2026,
08:00 in Amsterdam, unless a test says otherwise."""

from datetime import UTC, datetime

import pytest
import time_machine

from practices.tests.factories import GRONINGEN, make_practice, make_therapist

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # Monday 08:00 CET


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    """The personas get real passwords; a fast hasher keeps these tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


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


@pytest.fixture
def follow_up(practice_a):
    return practice_a.appointment_types.get(slug="follow_up")


@pytest.fixture
def intake(practice_a):
    return practice_a.appointment_types.get(slug="intake")


@pytest.fixture
def video_consult(practice_a):
    return practice_a.appointment_types.get(slug="video_consult")


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """A moment in March 2026 given on the Amsterdam clock (CET, UTC+1, before the 29th)."""
    return datetime(2026, month, day, hour - 1, minute, tzinfo=UTC)
