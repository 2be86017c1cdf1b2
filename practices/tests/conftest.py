"""The booking tests' fixtures (practice A in Utrecht with Eva, B in Groningen with Joost)."""

from bookings.tests.conftest import (  # noqa: F401
    _quick_password_hashing,
    eva,
    follow_up,
    joost,
    now,
    practice_a,
    practice_b,
)
