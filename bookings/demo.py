"""Demo availability and a few weeks of appointments (idempotent).

Every demo therapist gets working hours at their practice (every practice has
the default appointment types from `practices.actions.create_practice`).
Praktijk Rustpunt (Eva's) gets appointments from two weeks ago to three weeks
ahead; every other practice a handful. Anna and Bram each see one therapist
there about once a week (a realistic history, never two at once: a patient
cannot be in two places); every other appointment is a guest's. A practice that already has
appointments is left alone, so running the demo twice adds nothing.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import User
from bookings.models import Appointment, AppointmentType, Kind, Status, WorkingHours
from practices.demo import DEMO_PRACTICE_SLUG, PRACTICES
from practices.models import Practice, Therapist

GUESTS = (
    ("Marloes Verbeek", "marloes@voorbeeld.nl", "06 12345678"),
    ("Ahmed El Amrani", "ahmed@voorbeeld.nl", "06 23456789"),
    ("Ingrid Hoekstra", "ingrid@voorbeeld.nl", "06 34567890"),
)


def _demo_practices() -> list[Practice]:
    return list(Practice.objects.filter(name__in=[row[3] for row in PRACTICES]).order_by("slug"))


def create_availability() -> None:
    for practice in _demo_practices():
        for number, therapist in enumerate(practice.therapists.order_by("name")):
            if WorkingHours.objects.filter(therapist=therapist, practice=practice).exists():
                continue
            late = number == 0 and practice.opening_hours.filter(closes__gt=time(18)).exists()
            WorkingHours.objects.bulk_create(
                WorkingHours(
                    therapist=therapist,
                    practice=practice,
                    weekday=weekday,
                    start=time(8, 30) if weekday % 2 else time(9),
                    end=time(20) if late and weekday in (1, 3) else time(17),
                )
                for weekday in range(5)
                if (weekday + number) % 5 != 4  # each therapist has one day off
            )


def _patients() -> list[User]:
    return list(
        User.objects.filter(
            email__in=["anna@demo.pijnreset.nl", "bram@demo.pijnreset.nl"]
        ).order_by("email")
    )


def create_appointments() -> None:
    now = timezone.now()
    patients = _patients()
    for practice in _demo_practices():
        if practice.appointments.exists():
            continue
        busy = practice.slug == DEMO_PRACTICE_SLUG
        _fill(
            practice,
            now=now,
            patients=patients if busy else [],
            per_day=4 if busy else 1,
            days=35 if busy else 10,
        )


def _fill(
    practice: Practice, *, now: datetime, patients: list[User], per_day: int, days: int
) -> None:
    types = {t.slug: t for t in AppointmentType.objects.filter(practice=practice)}
    therapists = list(practice.therapists.order_by("name"))
    hours = {(h.therapist_id, h.weekday): h for h in WorkingHours.objects.filter(practice=practice)}
    today = now.astimezone(practice.zone).date()
    first = today - timedelta(days=14)
    rows: list[Appointment] = []
    counter = 0
    seen_in_week: set[tuple[int, int]] = set()  # (patient, ISO week): once a week at most
    # Anna sees Eva (the demo therapist with an account), Bram the next therapist.
    with_account_first = sorted(therapists, key=lambda therapist: therapist.user_id is None)
    patient_of = {
        therapist.pk: patient
        for therapist, patient in zip(with_account_first, patients, strict=False)
    }
    for offset in range(days):
        day = first + timedelta(days=offset)
        for therapist in therapists:
            block = hours.get((therapist.pk, day.weekday()))
            if block is None:
                continue
            for slot in range(per_day):
                counter += 1
                patient = _patient_for(patient_of.get(therapist.pk), slot, day, seen_in_week)
                rows.append(
                    _appointment(
                        practice, therapist, types, patient, day, block.start, slot, counter, now
                    )
                )
    Appointment.objects.bulk_create(row for row in rows if row is not None)


def _patient_for(
    patient: User | None, slot: int, day: date, seen_in_week: set[tuple[int, int]]
) -> User | None:
    """The therapist's demo patient in the morning slot, once a week; else None (a guest)."""
    if slot != 0 or patient is None:
        return None
    week = (patient.pk, day.isocalendar().week)
    if week in seen_in_week:
        return None
    seen_in_week.add(week)
    return patient


def _appointment(
    practice: Practice,
    therapist: Therapist,
    types: dict[str, AppointmentType],
    patient: User | None,
    day: date,
    start_of_day: time,
    slot: int,
    counter: int,
    now: datetime,
) -> Appointment:
    kind = (Kind.IN_PERSON, Kind.VIDEO, Kind.PHONE, Kind.IN_PERSON)[counter % 4]
    if kind not in therapist.kinds or not practice.offers(kind):
        kind = Kind.IN_PERSON
    appointment_type = {
        Kind.IN_PERSON: types["follow_up"] if counter % 3 else types["intake"],
        Kind.PHONE: types["phone_consult"],
        Kind.VIDEO: types["video_consult"],
    }[kind]
    start = datetime.combine(day, start_of_day, tzinfo=practice.zone) + timedelta(hours=2 * slot)
    end = start + appointment_type.duration
    past = end <= now
    guest = GUESTS[counter % len(GUESTS)]
    return Appointment(
        practice=practice,
        therapist=therapist,
        appointment_type=appointment_type,
        kind=kind,
        start=start,
        end=end,
        busy_until=end + appointment_type.buffer,
        status=(Status.NO_SHOW if counter % 17 == 0 else Status.COMPLETED)
        if past
        else Status.CONFIRMED,
        patient=patient,
        guest_name="" if patient else guest[0],
        guest_email="" if patient else guest[1],
        guest_phone="" if patient else guest[2],
        language=patient.preferred_language if patient else "nl",
        phone_to_call=(guest[2] if kind == Kind.PHONE else ""),
        video_room=secrets.token_urlsafe(16) if kind == Kind.VIDEO else "",
        created_at=min(now, start - timedelta(days=3)),
        scheduled_at=min(now, start - timedelta(days=3)),
        reminder_sent_at=start - timedelta(hours=24) if past else None,
    )


STEPS = [("availability", create_availability), ("appointments", create_appointments)]
