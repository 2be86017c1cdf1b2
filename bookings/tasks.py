"""Background work (django-tasks): the e-mails after a booking changed.

Each task reads the appointment again and does nothing when it has changed
since (a newer task carries the newer state): an e-mail is never about an
old time, and never a reminder for a cancelled appointment.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from bookings import notifications
from bookings.models import Appointment, Status
from push import actions as push_actions


def _load(appointment_id: int) -> Appointment | None:
    return (
        Appointment.objects.select_related(
            "practice", "therapist__user", "appointment_type", "patient"
        )
        .filter(pk=appointment_id)
        .first()
    )


@task()
def send_hold_link(appointment_id: int) -> None:
    appointment = _load(appointment_id)
    if appointment is None or appointment.status != Status.HELD:
        return
    notifications.hold_link_message(appointment, now=timezone.now()).send()


@task()
def send_patient_update(appointment_id: int, event: str, sequence: int) -> None:
    appointment = _load(appointment_id)
    if appointment is None or appointment.sequence != sequence:
        return
    notifications.patient_update_message(appointment, event=event, now=timezone.now()).send()


@task()
def send_therapist_notice(appointment_id: int, event: str, sequence: int) -> None:
    appointment = _load(appointment_id)
    if appointment is None or appointment.sequence != sequence:
        return
    message = notifications.therapist_notice_message(appointment, event=event)
    if message is not None:
        message.send()


@task()
def send_reminder(appointment_id: int, start_iso: str) -> None:
    appointment = _load(appointment_id)
    if (
        appointment is None
        or appointment.status != Status.CONFIRMED
        or appointment.start.isoformat() != start_iso
    ):
        return
    now = timezone.now()
    if appointment.patient is not None and push_actions.notify(
        user=appointment.patient,
        notification=notifications.reminder_notification(appointment, now=now),
        now=now,
    ):
        return  # on at least one of the patient's devices; else the e-mail
    notifications.reminder_message(appointment, now=now).send()
