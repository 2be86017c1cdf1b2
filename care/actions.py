"""Writes of the care app: sharing (patient), notes, homework and messages (therapist).

Every action takes its actor. A share is a consent record of its own and keeps the
patient's general "sharing with a named therapist" consent active while any share is
(`accounts.Consent`, purpose THERAPIST_SHARING).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction

from accounts.access import require_patient
from accounts.actions import give_consent, withdraw_consent
from accounts.consent_texts import THERAPIST_SHARING
from accounts.models import Consent, User
from bookings.models import Appointment
from care.errors import CareError, NotBookable, UnknownPracticeCode
from care.log import record_access
from care.models import (
    MESSAGE_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    Action,
    CareMessage,
    ClinicalNote,
    Homework,
    Share,
)
from pijnreset import versions
from practices.models import Practice, Therapist


@dataclass(frozen=True)
class Scope:
    """What the patient shares; notes and journals are never shared by default."""

    check_ins: bool = True
    questionnaires: bool = True
    practices: bool = True
    notes: bool = False


def _share(
    *,
    patient: User,
    practice: Practice,
    therapist: Therapist | None,
    via: str,
    scope: Scope,
    starts_on: date,
    ends_on: date | None,
    now: datetime,
) -> Share:
    require_patient(patient)
    if ends_on is not None and ends_on < starts_on:
        raise CareError("ends_before_start")
    with transaction.atomic():
        consent = give_consent(user=patient, purpose=Consent.Purpose.THERAPIST_SHARING, now=now)
        return Share.objects.create(
            patient=patient,
            practice=practice,
            therapist=therapist,
            whole_practice=therapist is None,
            via=via,
            check_ins=scope.check_ins,
            questionnaires=scope.questionnaires,
            practices=scope.practices,
            notes=scope.notes,
            starts_on=starts_on,
            ends_on=ends_on,
            consent=consent,
            text_version=THERAPIST_SHARING.version,
            given_at=now,
        )


def share_from_appointment(
    *,
    patient: User,
    appointment: Appointment,
    scope: Scope,
    ends_on: date | None,
    now: datetime,
) -> Share:
    """One tap from a booked appointment: share with its therapist at its practice."""
    if appointment.patient_id != patient.pk or appointment.therapist.user_id is None:
        raise NotBookable()
    return _share(
        patient=patient,
        practice=appointment.practice,
        therapist=appointment.therapist,
        via=Share.Via.APPOINTMENT,
        scope=scope,
        starts_on=patient.local_date(now),
        ends_on=ends_on,
        now=now,
    )


def share_with_therapist(
    *, patient: User, therapist: Therapist, scope: Scope, ends_on: date | None, now: datetime
) -> Share:
    """Share with a chosen therapist (who has an account), at their first practice."""
    practice = therapist.practices.order_by("name").first()
    if therapist.user_id is None or practice is None:
        raise NotBookable()
    return _share(
        patient=patient,
        practice=practice,
        therapist=therapist,
        via=Share.Via.THERAPIST,
        scope=scope,
        starts_on=patient.local_date(now),
        ends_on=ends_on,
        now=now,
    )


def share_with_practice(
    *, patient: User, code: str, scope: Scope, ends_on: date | None, now: datetime
) -> Share:
    """Share with every therapist of the practice whose code (short name) was entered."""
    practice = Practice.objects.filter(slug=code.strip().lower(), is_active=True).first()
    if practice is None:
        raise UnknownPracticeCode()
    return _share(
        patient=patient,
        practice=practice,
        therapist=None,
        via=Share.Via.PRACTICE_CODE,
        scope=scope,
        starts_on=patient.local_date(now),
        ends_on=ends_on,
        now=now,
    )


def stop_share(*, patient: User, share: Share, now: datetime) -> None:
    """Stop sharing at once; the general sharing consent goes when no share is left."""
    with transaction.atomic():
        Share.objects.filter(pk=share.pk, patient=patient, stopped_at__isnull=True).update(
            stopped_at=now
        )
        versions.patient_changed(patient.pk)
        if not Share.objects.filter(patient=patient, stopped_at__isnull=True).exists():
            withdraw_consent(user=patient, purpose=Consent.Purpose.THERAPIST_SHARING, now=now)


def _name(user: User) -> str:
    return (user.display_name or user.email)[:200]


def _checked_text(text: str, limit: int) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise CareError("empty")
    if len(cleaned) > limit:
        raise CareError("too_long")
    return cleaned


def write_note(*, author: User, share: Share, text: str, now: datetime) -> ClinicalNote:
    """A private note in the practice's record about the share's patient."""
    note = ClinicalNote.objects.create(
        practice=share.practice,
        patient=share.patient,
        patient_name=_name(share.patient),
        author=author,
        author_name=_name(author),
        text=_checked_text(text, NOTE_MAX_LENGTH),
        created_at=now,
    )
    record_access(actor=author, action=Action.NOTE, now=now, share=share)
    return note


def assign_homework(
    *, therapist: User, share: Share, kind: str, key: str, now: datetime
) -> Homework:
    if kind not in Homework.Kind.values or not key:
        raise CareError("unknown_homework")
    homework = Homework.objects.create(
        share=share,
        patient=share.patient,
        kind=kind,
        key=key,
        assigned_by_name=_name(therapist),
        created_at=now,
    )
    record_access(actor=therapist, action=Action.HOMEWORK, now=now, share=share)
    return homework


def send_message(*, therapist: User, share: Share, text: str, now: datetime) -> CareMessage:
    message = CareMessage.objects.create(
        share=share,
        patient=share.patient,
        text=_checked_text(text, MESSAGE_MAX_LENGTH),
        author_name=_name(therapist),
        created_at=now,
    )
    record_access(actor=therapist, action=Action.MESSAGE, now=now, share=share)
    return message
