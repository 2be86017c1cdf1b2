"""The week of free times on the practice page and the slot list is kept (issue 18):
whatever changes a free time is seen at once, and a time that is too soon to book, or
taken, is never shown."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bookings import actions
from bookings.first_free import TTL
from bookings.models import Appointment, Status
from bookings.offer import week_of_times
from bookings.tests.conftest import at

pytestmark = pytest.mark.django_db


def week(practice, appointment_type, now, *, asked=None):
    return week_of_times(practice, appointment_type, "in_person", week=asked, now=now)


def starts(times):
    return [slot.start for day in times.days for row in day.therapists for slot in row.slots]


def first(practice, appointment_type, now):
    return starts(week(practice, appointment_type, now))[0]


def hold(practice, therapist, appointment_type, start, expires_at):
    return Appointment.objects.create(
        practice=practice, therapist=therapist, appointment_type=appointment_type,
        kind="in_person", start=start, end=start + appointment_type.duration,
        busy_until=start + appointment_type.duration + appointment_type.buffer,
        created_at=expires_at - timedelta(minutes=30),
        scheduled_at=expires_at - timedelta(minutes=30), status=Status.HELD,
        hold_expires_at=expires_at, guest_name="Lotte", guest_email="lotte@example.nl",
    )  # fmt: skip


def test_a_second_look_asks_the_database_nothing(now, practice_a, eva, intake):
    shown = week(practice_a, intake, now)
    assert starts(shown)[0] == at(2, 10)
    with CaptureQueriesContext(connection) as captured:
        again = week(practice_a, intake, now)
    assert len(captured) == 0
    assert again == shown


def test_without_a_shared_cache_every_look_asks_the_database(
    settings, now, practice_a, eva, intake
):
    settings.DAY_STATE_CACHE = False
    week(practice_a, intake, now)
    with CaptureQueriesContext(connection) as captured:
        assert first(practice_a, intake, now) == at(2, 10)
    assert len(captured) > 0


def test_a_booking_and_its_cancellation_are_seen_at_once(
    now, practice_a, eva, intake, patient_bram, manager_mila
):
    assert at(2, 10) in starts(week(practice_a, intake, now))
    booked = actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=intake, kind="in_person",
        start=at(2, 10), now=now, patient=patient_bram,
    )  # fmt: skip
    assert at(2, 10) not in starts(week(practice_a, intake, now))
    actions.cancel_appointment(appointment=booked, actor=manager_mila, now=now)
    assert at(2, 10) in starts(week(practice_a, intake, now))


def test_a_hold_that_runs_out_gives_its_time_back_without_any_write(
    now, time_machine, practice_a, eva, intake
):
    practice_a.minimum_notice_hours = 0  # so only the hold limits how long the week holds
    practice_a.save()
    hold(practice_a, eva, intake, at(4, 10), expires_at=now + timedelta(minutes=2))
    assert at(4, 10) not in starts(week(practice_a, intake, now))
    later = now + timedelta(minutes=2)  # well within the kept week's lifetime (TTL)
    time_machine.move_to(later, tick=False)
    assert at(4, 10) in starts(week(practice_a, intake, later))


def test_a_time_inside_the_notice_is_never_shown(now, time_machine, practice_a, eva, intake):
    assert first(practice_a, intake, now) == at(2, 10)  # 2 hours' notice from 08:00
    later = now + timedelta(minutes=1)  # 10:00 is now too soon
    time_machine.move_to(later, tick=False)
    assert first(practice_a, intake, later) > at(2, 10)


def test_a_look_back_in_time_is_not_answered_from_a_later_look(now, practice_a, eva, intake):
    assert first(practice_a, intake, now + timedelta(hours=1)) > at(2, 10)
    assert first(practice_a, intake, now) == at(2, 10)


def test_the_week_is_made_anew_when_the_lifetime_is_over(now, time_machine, practice_a, intake):
    assert starts(week(practice_a, intake, now)) == []  # nobody works here yet
    later = now + TTL + timedelta(seconds=1)
    time_machine.move_to(later, tick=False)
    with CaptureQueriesContext(connection) as captured:
        week(practice_a, intake, later)
    assert len(captured) > 0


def test_a_new_day_is_seen_in_a_week_kept_from_the_day_before(
    time_machine, practice_a, eva, intake
):
    wednesday = date(2026, 3, 4)
    monday_night, tuesday_morning = at(2, 23, 58), at(2, 24, 1)  # around midnight in Amsterdam
    time_machine.move_to(monday_night, tick=False)
    assert week(practice_a, intake, monday_night, asked=wednesday).previous_week == date(2026, 3, 2)
    time_machine.move_to(tuesday_morning, tick=False)  # Wednesday 09:00 is still far enough
    assert week(practice_a, intake, tuesday_morning, asked=wednesday).previous_week == date(
        2026, 3, 3
    )
    assert week(practice_a, intake, tuesday_morning).first == date(2026, 3, 3)


def test_each_language_keeps_its_own_days_and_links(now, practice_a, eva, intake):
    with translation.override("nl"):
        dutch = week(practice_a, intake, now).shown
    with translation.override("en"):
        english = week(practice_a, intake, now).shown
    assert dutch[0].label == "maandag 2 maart" and english[0].label == "Monday 2 March"
    assert dutch[0].therapists[0].slots[0].href.startswith("/afspraken/boeken/")
    assert english[0].therapists[0].slots[0].href.startswith("/en/afspraken/boeken/")
