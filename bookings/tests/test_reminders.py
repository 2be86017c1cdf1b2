"""The 24-hour reminder: exactly once, never when cancelled, only for the new time after a move."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connections

from bookings import actions
from bookings.models import Appointment
from bookings.tests.conftest import at


def book(practice, therapist, appointment_type, patient, start, now):
    return actions.book_slot(
        practice=practice, therapist=therapist, appointment_type=appointment_type,
        kind="in_person", start=start, now=now, patient=patient,
    )  # fmt: skip


def reminders_to(email: str) -> list:
    return [m for m in mail.outbox if m.to == [email] and "Herinnering" in m.subject]


@pytest.mark.django_db
def test_one_reminder_24_hours_before_however_often_the_command_runs(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(5, 10), now)
    mailoutbox.clear()
    with time_machine.travel(at(4, 9, 59), tick=False):
        call_command("send_appointment_reminders")
    assert reminders_to(patient_anna.email) == []
    for moment in (at(4, 10), at(4, 10, 5), at(5, 9)):
        with time_machine.travel(moment, tick=False):
            call_command("send_appointment_reminders")
    [reminder] = reminders_to(patient_anna.email)
    assert "donderdag 5 maart 2026, 10:00" in reminder.body
    assert "/afspraken/link/" in reminder.body
    appointment.refresh_from_db()
    assert appointment.reminder_sent_at == at(4, 10)


@pytest.mark.django_db
def test_never_for_a_cancelled_appointment(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(5, 10), now)
    actions.cancel_appointment(appointment=appointment, actor=appointment.patient, now=now)
    with time_machine.travel(at(4, 12), tick=False):
        call_command("send_appointment_reminders")
    assert reminders_to(patient_anna.email) == []


@pytest.mark.django_db
def test_not_when_the_appointment_is_cancelled_after_the_claim(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox
):
    """The task reads the appointment again before sending."""
    from bookings.tasks import send_reminder

    appointment = book(practice_a, eva, follow_up, patient_anna, at(5, 10), now)
    actions.cancel_appointment(appointment=appointment, actor=appointment.patient, now=now)
    send_reminder.call(appointment.pk, appointment.start.isoformat())
    assert reminders_to(patient_anna.email) == []


@pytest.mark.django_db
def test_only_for_the_new_time_after_a_move(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(5, 10), now)
    with time_machine.travel(at(4, 11), tick=False):
        call_command("send_appointment_reminders")  # reminder for 5 March 10:00
        moved = actions.reschedule_appointment(
            appointment=appointment,
            start=at(9, 10),
            now=at(4, 11),
            actor=appointment.therapist.user,
        )
    assert moved.reminder_sent_at is None
    with time_machine.travel(at(5, 9, 30), tick=False):
        call_command("send_appointment_reminders")  # nothing: the old time is gone
    with time_machine.travel(at(8, 10), tick=False):
        call_command("send_appointment_reminders")
    first, second = reminders_to(patient_anna.email)
    assert "5 maart" in first.body and "maandag 9 maart 2026, 10:00" in second.body


@pytest.mark.django_db
def test_no_reminder_for_an_appointment_booked_within_24_hours(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox
):
    book(practice_a, eva, follow_up, patient_anna, at(2, 16), now)
    with time_machine.travel(at(2, 12), tick=False):
        call_command("send_appointment_reminders")
    assert reminders_to(patient_anna.email) == []


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_one_reminder(
    now, practice_a, eva, follow_up, patient_anna
):
    book(practice_a, eva, follow_up, patient_anna, at(5, 10), now)
    Appointment.objects.update(scheduled_at=now - timedelta(days=1))
    mail.outbox.clear()
    both_ready = threading.Barrier(2)
    counts = []

    def run() -> None:
        try:
            both_ready.wait()
            counts.append(actions.send_due_reminders(now=at(4, 12)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(counts) == [0, 1]
    assert len(reminders_to(patient_anna.email)) == 1
