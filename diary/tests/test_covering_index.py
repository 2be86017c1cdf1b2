"""The day index carries pain on PostgreSQL, so the outcomes' window sums read only it
(diary migration 0003); SQLite has no covering indexes and keeps the plain unique index."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_one_checkin_per_day_is_unique_and_on_postgresql_includes_pain():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'one_checkin_per_day'"
            )
            [definition] = cursor.fetchone()
            assert "UNIQUE" in definition
            assert "(patient_id, date) INCLUDE (pain)" in definition
        else:
            constraints = connection.introspection.get_constraints(cursor, "diary_checkin")
            assert constraints["one_checkin_per_day"]["unique"]
            assert constraints["one_checkin_per_day"]["columns"] == ["patient_id", "date"]
