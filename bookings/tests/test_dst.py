"""The DST weekends through the database: slots on 29 March and 25 October 2026.

(The pure generator has its own DST tests in test_slots.py.)
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bookings import actions, availability
from bookings.models import WorkingHours

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
SUNDAY = 6
MARCH_20 = datetime(2026, 3, 20, tzinfo=UTC)
OCTOBER_20 = datetime(2026, 10, 20, tzinfo=UTC)


@pytest.fixture
def sunday_worker(practice_a, eva):
    WorkingHours.objects.create(
        therapist=eva, practice=practice_a, weekday=SUNDAY, start=time(1), end=time(5)
    )
    return eva


def slots_on(practice, appointment_type, day):
    start = datetime.combine(day, time(0), tzinfo=AMS)
    return availability.free_slots(
        practice=practice, appointment_type=appointment_type, kind="in_person",
        window_start=start, window_end=start + timedelta(days=1), now=MARCH_20,
    )  # fmt: skip


def test_spring_forward_29_march_2026_skips_the_missing_hour(practice_a, sunday_worker, follow_up):
    found = slots_on(practice_a, follow_up, date(2026, 3, 29))
    local = [slot.start.astimezone(AMS).strftime("%H:%M") for slot in found]
    assert local == ["01:00", "01:30", "03:00", "03:30", "04:00", "04:30"]
    assert [slot.start.strftime("%H:%M") for slot in found] == [
        "00:00",
        "00:30",
        "01:00",
        "01:30",
        "02:00",
        "02:30",
    ]
    assert all(
        slot.start.tzinfo == UTC and slot.end - slot.start == timedelta(minutes=30)
        for slot in found
    )


def test_fall_back_25_october_2026_offers_each_wall_time_once(practice_a, sunday_worker, follow_up):
    with time_machine.travel(datetime(2026, 10, 20, tzinfo=UTC), tick=False):
        start = datetime.combine(date(2026, 10, 25), time(0), tzinfo=AMS)
        found = availability.free_slots(
            practice=practice_a, appointment_type=follow_up, kind="in_person",
            window_start=start, window_end=start + timedelta(days=1), now=OCTOBER_20,
        )  # fmt: skip
    local = [slot.start.astimezone(AMS).strftime("%H:%M") for slot in found]
    assert local == ["01:00", "01:30", "02:00", "02:30", "03:00", "03:30", "04:00", "04:30"]
    # 02:00 and 02:30 are the first (summer-time) occurrence: 00:00 and 00:30 UTC.
    assert [slot.start.strftime("%H:%M") for slot in found][:4] == [
        "23:00",
        "23:30",
        "00:00",
        "00:30",
    ]


def test_a_booking_on_the_spring_forward_night_is_stored_in_utc(
    practice_a, sunday_worker, follow_up, patient_anna
):
    now = datetime(2026, 3, 20, tzinfo=UTC)
    appointment = actions.book_slot(
        practice=practice_a, therapist=sunday_worker, appointment_type=follow_up, kind="in_person",
        start=datetime(2026, 3, 29, 1, 0, tzinfo=UTC), now=now, patient=patient_anna,
    )  # fmt: skip
    appointment.refresh_from_db()
    assert appointment.start == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert appointment.when() == "zondag 29 maart 2026, 03:00–03:30"
