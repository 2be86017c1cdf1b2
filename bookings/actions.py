"""Writes about appointments, shared by the HTML views, the API and the commands.

The locking contract is in docs/locking.md. In short: every write that takes
a therapist's time runs in one `transaction.atomic()` block that re-checks for
overlap before it writes. On SQLite that block starts with BEGIN IMMEDIATE
(settings), so it holds the database's only write lock from the check to the
commit. On PostgreSQL an exclusion constraint refuses an overlapping row; a
lost race surfaces as IntegrityError and becomes SlotTaken. E-mails are
enqueued with `transaction.on_commit`, so a refused booking sends nothing.

Who acts: every action that changes an appointment or a therapist's time takes the
acting party (`actor`: a user, or a `LinkHolder` of an e-mailed link) and asks the
model's rules (`Appointment.cancel_refusal` and friends) itself, raising their error;
callers never pass permission flags. Actions that own their transaction open it with
`transaction.atomic(durable=True)`: called inside another transaction, they fail loudly
instead of committing (and e-mailing) with someone else's block.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from accounts.models import User
from bookings import tasks
from bookings.access import may_block_time_of
from bookings.availability import is_offered
from bookings.db import OVERLAP_CONSTRAINT_NAME, PATIENT_OVERLAP_CONSTRAINT_NAME
from bookings.errors import (
    BookingError,
    HoldExpired,
    HoldExtendedOnce,
    KindNotOffered,
    NotAllowed,
    NotYours,
    PatientBusy,
    SlotNotOffered,
    SlotTaken,
    TimeBlocked,
    TooManyUpcoming,
)
from bookings.models import (
    HOLD_FOR,
    OCCUPYING,
    Appointment,
    AppointmentLink,
    AppointmentType,
    BlockedTime,
    Kind,
    LinkHolder,
    LinkPurpose,
    Status,
)
from bookings.requests import has_zone
from practices.models import Practice, Therapist
from reviews import actions as review_actions

_OVERLAP_MARKERS = (
    OVERLAP_CONSTRAINT_NAME,
    "one_active_appointment_per_therapist_start",
    "bookings_appointment.therapist_id",  # SQLite's wording for the partial unique index
)


@dataclass(frozen=True)
class Guest:
    """Someone booking without an account; they confirm by an e-mailed link."""

    name: str
    email: str
    phone: str


def _is_overlap(error: IntegrityError) -> bool:
    return any(marker in str(error) for marker in _OVERLAP_MARKERS)


def _refusal_for(error: IntegrityError) -> BookingError | None:
    """The domain error for a constraint that refused an overlap; None for any other."""
    if PATIENT_OVERLAP_CONSTRAINT_NAME in str(error):
        return PatientBusy()
    if _is_overlap(error):
        return SlotTaken()
    return None


def _check_request(
    *,
    practice: Practice,
    therapist: Therapist,
    appointment_type: AppointmentType,
    kind: str,
    start: datetime,
    now: datetime,
) -> None:
    """Everything about a requested time except whether it is still free."""
    if not has_zone(start):  # the one aware-instant check (bookings/requests.py)
        raise SlotNotOffered()
    if appointment_type.practice_id != practice.pk or not appointment_type.is_active:
        raise SlotNotOffered()
    if not therapist.is_active or not therapist.works_at(practice) or not practice.is_active:
        raise SlotNotOffered()
    if kind not in Kind.values:
        raise KindNotOffered()
    if not (practice.offers(kind) and kind in therapist.kinds and appointment_type.allows(kind)):
        raise KindNotOffered()
    if not is_offered(
        practice=practice,
        therapist=therapist,
        appointment_type=appointment_type,
        kind=kind,
        start=start,
        now=now,
    ):
        if _practice_closed(practice, start):
            raise TimeBlocked()
        raise SlotNotOffered()


def _practice_closed(practice: Practice, start: datetime) -> bool:
    try:
        day = start.astimezone(practice.zone).date()
    except OverflowError:
        return False
    return practice.closures.filter(first_day__lte=day, last_day__gte=day).exists()


def _release_expired_holds(
    *, therapist: Therapist, start: datetime, end: datetime, now: datetime
) -> None:
    """Expired holds in the way give their time back first (inside the caller's transaction)."""
    Appointment.objects.filter(
        therapist=therapist, status=Status.HELD, hold_expires_at__lte=now
    ).overlapping(start, end).update(status=Status.EXPIRED)


def _refuse_if_busy(
    *,
    therapist: Therapist,
    start: datetime,
    end: datetime,
    now: datetime,
    ignore: int | None = None,
) -> None:
    """SlotTaken when an appointment or hold is in the way, TimeBlocked for blocked time."""
    appointments = (
        Appointment.objects.occupying(now).filter(therapist=therapist).overlapping(start, end)
    )
    if ignore is not None:
        appointments = appointments.exclude(pk=ignore)
    if appointments.exists():
        raise SlotTaken()
    if BlockedTime.objects.filter(therapist=therapist, start__lt=end, end__gt=start).exists():
        raise TimeBlocked()


def _refuse_if_patient_busy(
    *, patient: User | None, start: datetime, end: datetime, ignore: int | None = None
) -> None:
    """PatientBusy when the patient has an appointment (any therapist) overlapping
    [start, end), buffers left out: SQLite's guard, PostgreSQL's constraint's twin."""
    if patient is None:
        return
    # PostgreSQL: one booking per patient at a time (a row lock; SQLite ignores it, its
    # write lock already serialises). Without it two inserts that clash on both exclusion
    # constraints can wait for each other: a deadlock instead of a clear 409.
    list(User.objects.select_for_update().filter(pk=patient.pk).values_list("pk", flat=True))
    clashing = Appointment.objects.filter(
        patient=patient, status__in=OCCUPYING, start__lt=end, end__gt=start
    )
    if ignore is not None:
        clashing = clashing.exclude(pk=ignore)
    if clashing.exists():
        raise PatientBusy()


def _has_enough_upcoming(
    *, practice: Practice, patient: User | None, guest: Guest | None, now: datetime
) -> bool:
    """A patient (or a guest's e-mail address) at BOOKINGS_MAX_FUTURE_PER_PRACTICE already."""
    upcoming = Appointment.objects.occupying(now).filter(practice=practice, start__gte=now)
    if patient is not None:
        upcoming = upcoming.filter(patient=patient)
    else:
        upcoming = upcoming.filter(patient=None, guest_email__iexact=guest.email if guest else "")
    return upcoming.count() >= settings.BOOKINGS_MAX_FUTURE_PER_PRACTICE


def new_video_room() -> str:
    """An unguessable room name (128 bits) under settings.VIDEO_ROOM_BASE_URL."""
    return secrets.token_urlsafe(16)


def book_slot(
    *,
    practice: Practice,
    therapist: Therapist,
    appointment_type: AppointmentType,
    kind: str,
    start: datetime,
    now: datetime,
    patient: User | None = None,
    guest: Guest | None = None,
    phone_to_call: str = "",
    language: str = "nl",
) -> Appointment:
    """Book a time for a patient (confirmed at once) or hold it for a guest (30 minutes).

    Transaction: one atomic block (BEGIN IMMEDIATE on SQLite) that releases
    expired holds in the way, re-checks that [start, end + buffer) is free of
    appointments, holds and blocked time, and inserts. On PostgreSQL the
    exclusion constraint refuses a concurrent overlapping insert. A lost race
    raises SlotTaken and leaves nothing behind. A patient (or guest e-mail
    address) with BOOKINGS_MAX_FUTURE_PER_PRACTICE upcoming appointments at
    the practice gets TooManyUpcoming. On commit: the confirmation
    e-mail with invite and the therapist's notice (patient), or the e-mail with
    the confirmation link (guest).
    """
    if (patient is None) == (guest is None):
        raise ValueError("Give either a patient or a guest.")
    _check_request(
        practice=practice,
        therapist=therapist,
        appointment_type=appointment_type,
        kind=kind,
        start=start,
        now=now,
    )
    if kind == Kind.PHONE:
        phone_to_call = phone_to_call or (guest.phone if guest else "")
        if not phone_to_call:
            raise BookingError(_phone_needed())
    end = start + appointment_type.duration
    busy_until = end + appointment_type.buffer
    try:
        with transaction.atomic(durable=True):
            _release_expired_holds(therapist=therapist, start=start, end=busy_until, now=now)
            _refuse_if_busy(therapist=therapist, start=start, end=busy_until, now=now)
            _refuse_if_patient_busy(patient=patient, start=start, end=end)
            if _has_enough_upcoming(practice=practice, patient=patient, guest=guest, now=now):
                raise TooManyUpcoming()
            appointment = Appointment.objects.create(
                practice=practice,
                therapist=therapist,
                appointment_type=appointment_type,
                kind=kind,
                start=start,
                end=end,
                busy_until=busy_until,
                status=Status.HELD if guest else Status.CONFIRMED,
                hold_expires_at=now + HOLD_FOR if guest else None,
                patient=patient,
                guest_name=guest.name if guest else "",
                guest_email=guest.email if guest else "",
                guest_phone=guest.phone if guest else "",
                language=patient.preferred_language if patient else language,
                phone_to_call=phone_to_call if kind == Kind.PHONE else "",
                video_room=new_video_room() if kind == Kind.VIDEO else "",
                created_at=now,
                scheduled_at=now,
            )
    except IntegrityError as error:
        refusal = _refusal_for(error)
        if refusal is not None:
            raise refusal from error
        raise
    if guest:
        transaction.on_commit(lambda: tasks.send_hold_link.enqueue(appointment.pk))
    else:
        _announce(appointment, event="booked")
    return appointment


def _phone_needed() -> str:
    return gettext("Please give the phone number we should call.")


def _announce(appointment: Appointment, *, event: str) -> None:
    pk, sequence = appointment.pk, appointment.sequence
    transaction.on_commit(lambda: tasks.send_patient_update.enqueue(pk, event, sequence))
    transaction.on_commit(lambda: tasks.send_therapist_notice.enqueue(pk, event, sequence))


def confirm_hold(*, link: AppointmentLink, now: datetime) -> Appointment:
    """A guest confirms their held time by the e-mailed link.

    Transaction: one atomic block; the conditional UPDATE only changes a row
    that is still held and not expired, so two clicks confirm once. On
    commit: confirmation e-mail with invite, therapist's notice.
    """
    with transaction.atomic(durable=True):
        changed = Appointment.objects.filter(
            pk=link.appointment_id, status=Status.HELD, hold_expires_at__gt=now
        ).update(status=Status.CONFIRMED, hold_expires_at=None, scheduled_at=now)
        if not changed:
            Appointment.objects.filter(
                pk=link.appointment_id, status=Status.HELD, hold_expires_at__lte=now
            ).update(status=Status.EXPIRED)
            raise HoldExpired()
        AppointmentLink.objects.filter(pk=link.pk).update(used_at=now)
        appointment = Appointment.objects.get(pk=link.appointment_id)
    _announce(appointment, event="booked")
    return appointment


def extend_hold(*, appointment: Appointment, now: datetime) -> Appointment:
    """A guest holds their time 30 minutes longer (from now), once.

    A hold that has just lapsed is taken up again if nobody took the time in
    the meantime. Transaction: one atomic block that re-checks a lapsed hold's
    time (SlotTaken when it is gone) and extends with a conditional UPDATE on
    `hold_extended_at IS NULL`, so a double click extends once; the unused
    confirmation link lives as long as the hold. Nothing is sent.
    """
    if appointment.hold_extended_at is not None:
        raise HoldExtendedOnce()
    if appointment.status not in (Status.HELD, Status.EXPIRED) or appointment.patient_id:
        raise NotAllowed()
    until = now + HOLD_FOR
    try:
        with transaction.atomic(durable=True):
            lapsed = appointment.status == Status.EXPIRED or (
                appointment.hold_expires_at is not None and appointment.hold_expires_at <= now
            )
            if lapsed:
                _release_expired_holds(
                    therapist=appointment.therapist,
                    start=appointment.start,
                    end=appointment.busy_until,
                    now=now,
                )
                _refuse_if_busy(
                    therapist=appointment.therapist,
                    start=appointment.start,
                    end=appointment.busy_until,
                    now=now,
                    ignore=appointment.pk,
                )
            changed = Appointment.objects.filter(
                pk=appointment.pk,
                status__in=[Status.HELD, Status.EXPIRED],
                hold_extended_at__isnull=True,
            ).update(status=Status.HELD, hold_expires_at=until, hold_extended_at=now)
            if not changed:
                raise HoldExtendedOnce()
            AppointmentLink.objects.filter(
                appointment=appointment, purpose=LinkPurpose.CONFIRM, used_at__isnull=True
            ).update(expires_at=until)
    except IntegrityError as error:
        refusal = _refusal_for(error)
        if refusal is not None:
            raise refusal from error
        raise
    appointment.refresh_from_db()
    return appointment


def expire_holds(*, now: datetime) -> int:
    """Give back the time of every hold that was not confirmed in time. Returns how many."""
    return Appointment.objects.filter(status=Status.HELD, hold_expires_at__lte=now).update(
        status=Status.EXPIRED
    )


def cancel_appointment(
    *, appointment: Appointment, actor: User | LinkHolder, now: datetime
) -> Appointment:
    """Cancel a booked appointment: its patient (by account or e-mailed link) until the
    practice's deadline, the practice's staff at any time (`Appointment.cancel_refusal`).

    Records who cancelled (`cancelled_by`, `cancelled_as`). Transaction: one durable
    atomic block with a conditional UPDATE on the status, so a double submit cancels
    once; every e-mailed link stops working. On commit: the cancellation
    (METHOD:CANCEL, next SEQUENCE) and the therapist's notice.
    """
    refusal = appointment.cancel_refusal(actor, now)
    if refusal is not None:
        raise refusal
    with transaction.atomic(durable=True):
        changed = Appointment.objects.filter(pk=appointment.pk, status=Status.CONFIRMED).update(
            status=Status.CANCELLED,
            cancelled_at=now,
            cancelled_by=None if isinstance(actor, LinkHolder) else actor,
            cancelled_as=appointment.cancelled_as_for(actor),
            sequence=appointment.sequence + 1,
        )
        if not changed:
            raise NotAllowed()
        AppointmentLink.objects.filter(appointment=appointment, used_at__isnull=True).update(
            used_at=now
        )
        appointment.refresh_from_db()
    _announce(appointment, event="cancelled")
    return appointment


def reschedule_appointment(
    *,
    appointment: Appointment,
    actor: User | LinkHolder,
    start: datetime,
    now: datetime,
    kind: str | None = None,
    phone_to_call: str | None = None,
) -> Appointment:
    """Move an appointment to a new time with the same therapist and type.

    Who may: `Appointment.reschedule_refusal` (the patient's moves are counted). Keeps
    kind, number to call and video room unless the kind changes here (then dropped).
    Transaction: one durable atomic block that re-checks the new time (leaving this
    appointment's own time out) and moves the row; SQLite's write lock or PostgreSQL's
    exclusion constraint refuses a concurrent overlap (SlotTaken). The reminder is
    re-armed and old links stop working. On commit: the updated invite (same UID, next
    SEQUENCE) and the notice.
    """
    refusal = appointment.reschedule_refusal(actor, now)
    if refusal is not None:
        raise refusal
    counted = 1 if appointment.acts_as_patient(actor) else 0
    kind = kind or appointment.kind
    _check_request(
        practice=appointment.practice,
        therapist=appointment.therapist,
        appointment_type=appointment.appointment_type,
        kind=kind,
        start=start,
        now=now,
    )
    if kind == Kind.PHONE:
        phone_to_call = phone_to_call or appointment.phone_to_call or appointment.guest_phone
        if not phone_to_call:
            raise BookingError(_phone_needed())
    # The room and the number belong to their kind: moving to another kind drops them,
    # so no page, e-mail or API answer shows a stale video link.
    video_room = (appointment.video_room or new_video_room()) if kind == Kind.VIDEO else ""
    end = start + appointment.appointment_type.duration
    busy_until = end + appointment.appointment_type.buffer
    therapist = appointment.therapist
    try:
        with transaction.atomic(durable=True):
            _release_expired_holds(therapist=therapist, start=start, end=busy_until, now=now)
            _refuse_if_busy(
                therapist=therapist, start=start, end=busy_until, now=now, ignore=appointment.pk
            )
            _refuse_if_patient_busy(
                patient=appointment.patient, start=start, end=end, ignore=appointment.pk
            )
            changed = Appointment.objects.filter(
                pk=appointment.pk, status=Status.CONFIRMED, sequence=appointment.sequence
            ).update(
                start=start,
                end=end,
                busy_until=busy_until,
                kind=kind,
                phone_to_call=(phone_to_call or "") if kind == Kind.PHONE else "",
                video_room=video_room,
                sequence=appointment.sequence + 1,
                reschedule_count=appointment.reschedule_count + counted,
                scheduled_at=now,
                reminder_sent_at=None,
            )
            if not changed:
                raise NotAllowed()
            AppointmentLink.objects.filter(appointment=appointment, used_at__isnull=True).update(
                used_at=now
            )
    except IntegrityError as error:
        refusal = _refusal_for(error)
        if refusal is not None:
            raise refusal from error
        raise
    appointment.refresh_from_db()
    _announce(appointment, event="rescheduled")
    return appointment


def mark_outcome(
    *, appointment: Appointment, actor: User, status: str, now: datetime
) -> Appointment:
    """The practice records that a started appointment took place, or that nobody came.

    Who may: `Appointment.outcome_refusal` (the practice's staff, once it started).
    One conditional UPDATE (its own transaction); a completed appointment gets its one
    review invitation (reviews.actions, idempotent: unique per appointment).
    """
    refusal = appointment.outcome_refusal(actor, now)
    if refusal is not None:
        raise refusal
    if status not in (Status.COMPLETED, Status.NO_SHOW):
        raise NotAllowed()
    Appointment.objects.filter(
        pk=appointment.pk, status__in=[Status.CONFIRMED, Status.COMPLETED, Status.NO_SHOW]
    ).update(status=status)
    appointment.refresh_from_db()
    review_actions.invite_after_completion(appointment=appointment, now=now)
    return appointment


def block_time(
    *, actor: User, therapist: Therapist, start: datetime, end: datetime, reason: str
) -> tuple[BlockedTime, int]:
    """Make a therapist unbookable in [start, end). Returns the block and how many
    booked appointments fall inside it (they stay: the practice cancels them itself).

    Who may: the therapist themselves, or a manager of a practice where they work
    (NotYours otherwise). One INSERT. Bookings racing with it are serialisable: the
    result is the same as if the booking came first (docs/locking.md).
    """
    if not may_block_time_of(actor, therapist):
        raise NotYours()
    if start >= end:
        raise NotAllowed()
    block = BlockedTime.objects.create(therapist=therapist, start=start, end=end, reason=reason)
    inside = (
        Appointment.objects.filter(therapist=therapist, status=Status.CONFIRMED)
        .overlapping(start, end)
        .count()
    )
    return block, inside


def unblock_time(*, actor: User, block: BlockedTime) -> None:
    """Remove blocked time: who may block it may remove it. One DELETE."""
    if not may_block_time_of(actor, block.therapist):
        raise NotYours()
    block.delete()


def send_due_reminders(*, now: datetime) -> int:
    """Claim every due reminder with a conditional UPDATE and enqueue its e-mail.

    Two runs at the same moment both see the same rows, but only one UPDATE
    per row changes it (`reminder_sent_at IS NULL` in the WHERE clause), so
    each reminder is enqueued exactly once. The claim includes the start time
    seen, so an appointment moved in between is left for the next run.
    """
    claimed = 0
    for pk, start in Appointment.objects.due_for_reminder(now).values_list("pk", "start"):
        won = Appointment.objects.filter(
            pk=pk, start=start, status=Status.CONFIRMED, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if won:
            claimed += 1
            tasks.send_reminder.enqueue(pk, start.isoformat())
    return claimed
