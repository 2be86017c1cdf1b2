"""The finder's first free times are cached (issue 18): whatever changes a free time is
seen at once, and a time that is too soon to book, or gone, is never shown."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bookings import actions, staff_actions
from bookings.first_free import TTL, first_free_slots
from bookings.models import Appointment, BlockedTime, Status
from bookings.tests.conftest import at
from practices.models import Closure
from practices.tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def first(practice, now):
    return first_free_slots([practice], now=now)[practice.pk]


def appointment(practice, therapist, appointment_type, start, **extra):
    values = {
        "practice": practice, "therapist": therapist, "appointment_type": appointment_type,
        "kind": "in_person", "start": start, "end": start + appointment_type.duration,
        "busy_until": start + appointment_type.duration + appointment_type.buffer,
        "created_at": start - timedelta(days=1), "scheduled_at": start - timedelta(days=1),
        "guest_name": "Lotte", "guest_email": "lotte@example.nl",
    }  # fmt: skip
    return Appointment.objects.create(**values | extra)


def test_a_second_look_asks_the_database_nothing(now, practice_a, eva):
    assert first(practice_a, now) == at(2, 10)
    with CaptureQueriesContext(connection) as captured:
        assert first(practice_a, now) == at(2, 10)
    assert len(captured) == 0


def test_without_a_shared_cache_every_look_asks_the_database(settings, now, practice_a, eva):
    settings.DAY_STATE_CACHE = False
    assert first(practice_a, now) == at(2, 10)
    with CaptureQueriesContext(connection) as captured:
        assert first(practice_a, now) == at(2, 10)
    assert len(captured) > 0


def test_a_booking_and_its_cancellation_are_seen_at_once(
    now, practice_a, eva, intake, patient_bram, manager_mila
):
    assert first(practice_a, now) == at(2, 10)
    booked = actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=intake, kind="in_person",
        start=at(2, 10), now=now, patient=patient_bram,
    )  # fmt: skip
    assert first(practice_a, now) > at(2, 10)
    actions.cancel_appointment(appointment=booked, actor=manager_mila, now=now)
    assert first(practice_a, now) == at(2, 10)


def test_a_status_changed_in_bulk_is_seen_at_once(now, practice_a, eva, intake):
    held = appointment(practice_a, eva, intake, at(2, 10), status=Status.HELD,
                       hold_expires_at=now + timedelta(minutes=30))  # fmt: skip
    assert first(practice_a, now) > at(2, 10)
    Appointment.objects.filter(pk=held.pk).update(status=Status.CANCELLED)
    assert first(practice_a, now) == at(2, 10)


def test_a_moved_appointment_is_seen_at_once(now, practice_a, eva, intake):
    booked = appointment(practice_a, eva, intake, at(2, 10), status=Status.CONFIRMED)
    assert first(practice_a, now) > at(2, 10)
    booked.start, booked.end, booked.busy_until = at(5, 10), at(5, 11), at(5, 11)
    booked.save()
    assert first(practice_a, now) == at(2, 10)


def test_a_hold_that_runs_out_gives_its_time_back_without_any_write(
    now, time_machine, practice_a, eva, intake
):
    practice_a.minimum_notice_hours = 0
    practice_a.save()
    appointment(practice_a, eva, intake, at(2, 9), status=Status.HELD,
                hold_expires_at=now + timedelta(minutes=2))  # fmt: skip
    assert first(practice_a, now) > at(2, 9)
    later = now + timedelta(minutes=2)  # well within the cache's lifetime (TTL)
    time_machine.move_to(later, tick=False)
    assert first(practice_a, later) == at(2, 9)


def test_a_time_inside_the_notice_is_never_shown(now, time_machine, practice_a, eva):
    assert first(practice_a, now) == at(2, 10)  # 2 hours' notice from 08:00
    later = now + timedelta(minutes=1)  # 10:00 is now too soon; the next is 11:00
    time_machine.move_to(later, tick=False)
    assert first(practice_a, later) == at(2, 11)


def test_a_look_back_in_time_is_not_answered_from_a_later_look(now, practice_a, eva):
    assert first(practice_a, now + timedelta(hours=1)) == at(2, 11)
    assert first(practice_a, now) == at(2, 10)


def test_nothing_free_is_looked_at_again_within_the_lifetime(now, time_machine, practice_a, eva):
    eva.working_hours.all().delete()
    assert first(practice_a, now) is None
    later = now + TTL
    time_machine.move_to(later, tick=False)
    with CaptureQueriesContext(connection) as captured:
        first(practice_a, later)
    assert len(captured) > 0


def test_working_hours_blocked_time_and_closures_are_seen_at_once(
    now, practice_a, eva, manager_mila
):
    assert first(practice_a, now) == at(2, 10)
    staff_actions.save_working_hours(
        actor=manager_mila, therapist=eva, practice=practice_a,
        blocks=[staff_actions.WeeklyBlock(weekday=1, start=time(9), end=time(17))],
    )  # fmt: skip
    assert first(practice_a, now) == at(3, 9)  # Tuesdays only now
    block = BlockedTime.objects.create(therapist=eva, start=at(3, 9), end=at(3, 12))
    assert first(practice_a, now) == at(3, 12)
    tuesday = at(3, 9).date()
    Closure.objects.create(practice=practice_a, first_day=tuesday, last_day=tuesday)
    assert first(practice_a, now) == at(10, 9)
    Closure.objects.all().delete()
    block.delete()
    assert first(practice_a, now) == at(3, 9)


def test_therapists_coming_going_and_changing_are_seen_at_once(now, practice_a, eva):
    assert first(practice_a, now) == at(2, 10)
    eva.practices.remove(practice_a)
    assert first(practice_a, now) is None
    eva.practices.add(practice_a)
    assert first(practice_a, now) == at(2, 10)
    eva.is_active = False
    eva.save()
    assert first(practice_a, now) is None
    make_therapist("Lotte Jansen", practices=(practice_a,), weekdays=(2,))
    assert first(practice_a, now) == at(4, 9)


def test_practice_rules_and_ways_of_being_seen_are_seen_at_once(now, practice_a, eva, intake):
    assert first(practice_a, now) == at(2, 10)
    practice_a.minimum_notice_hours = 24
    practice_a.save()
    assert first(practice_a, now) == at(3, 9)
    type(practice_a).objects.filter(pk=practice_a.pk).update(minimum_notice_hours=2)
    assert first(practice_a, now) == at(2, 10)
    practice_a.appointment_types.update(is_active=False)
    assert first(practice_a, now) is None
