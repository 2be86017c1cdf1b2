"""Availability (working hours, blocked time, appointment types) and appointments.

Times are aware UTC in the database; working hours are wall-clock times in the
practice's zone. Intervals are half-open: [start, end).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _

from bookings.availability_version import ChangesAvailability
from bookings.errors import (
    BookingError,
    ChangeTooLate,
    NotAllowed,
    NotYours,
    OutcomeTooEarly,
    TooManyReschedules,
)
from practices.fields import ChoiceSetField
from practices.models import OpeningHours, Practice, Therapist, in_language

if TYPE_CHECKING:
    from accounts.models import User


@dataclass(frozen=True)
class LinkHolder:
    """Whoever holds a working e-mailed link to one appointment: they act as its patient
    (or guest) for that appointment only."""

    appointment_id: int


def format_span(start: datetime, end: datetime) -> str:
    """ "dinsdag 13 januari 2026, 10:00-10:30" for two local datetimes."""
    return f"{date_format(start, 'l j F Y')}, {time_format(start, 'H:i')}–{time_format(end, 'H:i')}"


class Kind(models.TextChoices):
    """How the appointment takes place."""

    IN_PERSON = "in_person", _("At the practice")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video")


DEFAULT_APPOINTMENT_TYPES = (
    # slug, Dutch name, English name, minutes, buffer, kinds
    ("intake", "Intake", "Intake", 60, 15, [Kind.IN_PERSON, Kind.VIDEO]),
    ("follow_up", "Vervolgafspraak", "Follow-up", 30, 0, [Kind.IN_PERSON, Kind.VIDEO]),
    ("phone_consult", "Telefonisch consult", "Phone consult", 30, 0, [Kind.PHONE]),
    ("video_consult", "Videoconsult", "Video consult", 30, 0, [Kind.VIDEO]),
)


class AppointmentType(models.Model):
    """What can be booked at a practice: intake, follow-up, phone or video consult."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="appointment_types"
    )
    slug = models.SlugField(_("code"), max_length=40)
    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    buffer_minutes = models.PositiveSmallIntegerField(_("buffer after (minutes)"), default=0)
    kinds = ChoiceSetField(_("can take place"), choices=Kind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("can be booked"), default=True)

    objects = ChangesAvailability["AppointmentType"].as_manager()

    class Meta:
        verbose_name = _("appointment type")
        verbose_name_plural = _("appointment types")
        ordering = ["practice", "position", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "slug"], name="one_type_per_slug"),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5) & Q(duration_minutes__lte=240),
                name="type_duration_5_to_240",
            ),
            models.CheckConstraint(
                condition=Q(buffer_minutes__lte=120), name="type_buffer_max_120"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_nl, self.name_en)

    @classmethod
    def defaults_for(cls, practice: Practice) -> list[AppointmentType]:
        """The network's appointment types for a new practice, not yet saved."""
        return [
            cls(
                practice=practice,
                slug=slug,
                name_nl=name_nl,
                name_en=name_en,
                duration_minutes=minutes,
                buffer_minutes=buffer,
                kinds=[str(kind) for kind in kinds],
                position=position,
            )
            for position, (slug, name_nl, name_en, minutes, buffer, kinds) in enumerate(
                DEFAULT_APPOINTMENT_TYPES
            )
        ]

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    @property
    def buffer(self) -> timedelta:
        return timedelta(minutes=self.buffer_minutes)

    def allows(self, kind: str) -> bool:
        return kind in self.kinds


class WorkingHours(models.Model):
    """A therapist's weekly working block at one practice (local wall-clock time)."""

    therapist = models.ForeignKey(Therapist, on_delete=models.CASCADE, related_name="working_hours")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="working_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=OpeningHours.Weekday.choices)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    objects = ChangesAvailability["WorkingHours"].as_manager()

    class Meta:
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="work_starts_before_end"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="work_weekday_0_to_6"),
        ]

    def __str__(self) -> str:
        return f"{self.therapist}: {self.get_weekday_display()} {self.start:%H:%M}-{self.end:%H:%M}"


class BlockedTime(models.Model):
    """Time a therapist cannot be booked: leave, a course, a meeting."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    therapist = models.ForeignKey(Therapist, on_delete=models.CASCADE, related_name="blocked_times")
    start = models.DateTimeField(_("from"))
    end = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    objects = ChangesAvailability["BlockedTime"].as_manager()

    class Meta:
        verbose_name = _("blocked time")
        verbose_name_plural = _("blocked times")
        ordering = ["start"]
        indexes = [models.Index(fields=["therapist", "start"], name="blocked_therapist_start")]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="block_starts_before_end")
        ]

    def __str__(self) -> str:
        return f"{self.therapist}: {self.start:%Y-%m-%d %H:%M}..{self.end:%Y-%m-%d %H:%M}"


class Status(models.TextChoices):
    HELD = "held", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Not confirmed in time")
    COMPLETED = "completed", _("Took place")
    NO_SHOW = "no_show", _("Did not come")


# Statuses whose time stays taken. The PostgreSQL exclusion constraint and the
# partial unique constraint use the same list (see docs/locking.md).
OCCUPYING = (Status.HELD, Status.CONFIRMED, Status.COMPLETED, Status.NO_SHOW)
OCCUPYING_VALUES = [status.value for status in OCCUPYING]


class AppointmentQuerySet(ChangesAvailability["Appointment"]):
    def occupying(self, now: datetime) -> AppointmentQuerySet:
        """Appointments whose time is taken at `now` (a hold only until it expires)."""
        return self.filter(status__in=OCCUPYING).exclude(
            status=Status.HELD, hold_expires_at__lte=now
        )

    def overlapping(self, start: datetime, end: datetime) -> AppointmentQuerySet:
        """Half-open overlap with [start, end), counting each appointment's buffer."""
        return self.filter(start__lt=end, busy_until__gt=start)

    def holding(
        self, *, therapist: Therapist, start: datetime, now: datetime
    ) -> AppointmentQuerySet:
        """Unexpired guest holds of exactly this therapist's time."""
        return self.filter(
            therapist=therapist, start=start, status=Status.HELD, hold_expires_at__gt=now
        )

    def of_patient(self, user: User) -> AppointmentQuerySet:
        return self.filter(patient=user)

    def visible_to(self, user: User) -> AppointmentQuerySet:
        """A patient's own, plus everything at the practices where the user works or manages."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(patient=user) | Q(practice__in=Practice.objects.staffed_by(user).values("pk"))
        )

    def at_practices_of(self, user: User) -> AppointmentQuerySet:
        return self.filter(practice__in=Practice.objects.staffed_by(user).values("pk"))

    def in_agenda(
        self,
        *,
        practice: Practice,
        start: datetime,
        end: datetime,
        therapist: Therapist | None = None,
    ) -> AppointmentQuerySet:
        """A practice's appointments touching [start, end), without lapsed holds."""
        rows = self.filter(practice=practice, start__lt=end, end__gt=start).exclude(
            status=Status.EXPIRED
        )
        if therapist is not None:
            rows = rows.filter(therapist=therapist)
        return rows.select_related("practice", "therapist", "appointment_type", "patient").order_by(
            "start", "therapist__name"
        )

    def due_for_reminder(self, now: datetime) -> AppointmentQuerySet:
        """Booked, starting within 24 hours, no reminder yet, and booked well before.

        An appointment booked (or moved) less than 24 hours ahead gets no
        reminder: its confirmation e-mail has just arrived.
        """
        return self.filter(
            status=Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            start__gt=now,
            start__lte=now + REMINDER_BEFORE,
            scheduled_at__lte=F("start") - REMINDER_BEFORE,
        )


REMINDER_BEFORE = timedelta(hours=24)
HOLD_FOR = timedelta(minutes=30)


class CancelledAs(models.TextChoices):
    PATIENT = "patient", _("By the patient")
    LINK_HOLDER = "link", _("By e-mailed link")
    PRACTICE = "practice", _("By the practice")


class Appointment(models.Model):
    """One booked (or held) time with a therapist, for a patient or a guest."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="appointments")
    therapist = models.ForeignKey(Therapist, on_delete=models.PROTECT, related_name="appointments")
    appointment_type = models.ForeignKey(
        AppointmentType, on_delete=models.PROTECT, related_name="appointments"
    )
    kind = models.CharField(_("how"), max_length=12, choices=Kind.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    # end + the type's buffer: the therapist's time this appointment takes.
    busy_until = models.DateTimeField()
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    # Who: a patient with an account, or a guest who confirmed by e-mail.
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appointments",
    )
    guest_name = models.CharField(_("name"), max_length=120, blank=True)
    guest_email = models.EmailField(_("e-mail address"), blank=True)
    guest_phone = models.CharField(_("phone"), max_length=20, blank=True)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="nl")
    phone_to_call = models.CharField(_("number to call"), max_length=20, blank=True)
    video_room = models.CharField(max_length=64, blank=True)
    # A guest's hold lasts until they confirm by the e-mailed link (AppointmentLink).
    hold_expires_at = models.DateTimeField(null=True, blank=True)
    # A guest may hold the time 30 minutes longer, once (WCAG 2.2.1, timing adjustable).
    hold_extended_at = models.DateTimeField(null=True, blank=True)
    # The calendar invite's life: same UID (public_id), rising SEQUENCE.
    sequence = models.PositiveIntegerField(default=0)
    reschedule_count = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    scheduled_at = models.DateTimeField(help_text="When the current time was set.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Who cancelled: the account (empty for a link holder, or after that account is
    # deleted) and in which capacity, which stays when the account goes.
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_as = models.CharField(max_length=10, choices=CancelledAs.choices, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["start"]
        indexes = [
            models.Index(fields=["therapist", "start"], name="appointment_therapist_start"),
            models.Index(fields=["practice", "start"], name="appointment_practice_start"),
            models.Index(fields=["status", "start"], name="appointment_status_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=F("end")), name="appointment_start_before_end"
            ),
            models.CheckConstraint(
                condition=Q(end__lte=F("busy_until")), name="appointment_buffer_after_end"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in Status]), name="appointment_status_known"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in Kind]), name="appointment_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(patient__isnull=False) | ~Q(guest_email=""),
                name="appointment_has_patient_or_guest",
            ),
            models.CheckConstraint(
                condition=~Q(status="held") | Q(hold_expires_at__isnull=False),
                name="held_appointment_expires",
            ),
            models.CheckConstraint(
                condition=~Q(kind="video") | ~Q(video_room=""), name="video_appointment_has_room"
            ),
            # The same start twice for one therapist: refused on every database.
            # Overlap in general: the exclusion constraint on PostgreSQL (added
            # in migration 0002) and the write lock on SQLite (docs/locking.md).
            models.UniqueConstraint(
                fields=["therapist", "start"],
                condition=Q(status__in=OCCUPYING_VALUES),
                name="one_active_appointment_per_therapist_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.therapist} {self.start:%Y-%m-%d %H:%M} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("bookings:appointment", args=[self.public_id])

    # -- who and what ---------------------------------------------------------
    @property
    def patient_name(self) -> str:
        if self.patient_id and self.patient:
            return str(self.patient)
        return self.guest_name

    @property
    def patient_email(self) -> str:
        if self.patient_id and self.patient:
            return self.patient.email
        return self.guest_email

    @property
    def video_url(self) -> str:
        """The video room's address, only while this is a video appointment."""
        if self.kind != Kind.VIDEO or not self.video_room:
            return ""
        return f"{settings.VIDEO_ROOM_BASE_URL}{self.video_room}"

    @property
    def is_active(self) -> bool:
        return self.status in (Status.HELD, Status.CONFIRMED)

    @property
    def is_held(self) -> bool:
        return self.status == Status.HELD

    def local_start(self) -> datetime:
        return self.start.astimezone(self.practice.zone)

    def local_end(self) -> datetime:
        return self.end.astimezone(self.practice.zone)

    def when(self) -> str:
        """Date and time on the practice's clock, in the active language."""
        return format_span(self.local_start(), self.local_end())

    # -- rules about this appointment ------------------------------------------
    def is_staff(self, user: User) -> bool:
        """True when `user` works at or manages this appointment's practice (asked once
        per user and loaded row: a page asks every rule about the same person)."""
        asked: dict[tuple[int, int], bool] = self.__dict__.setdefault("_staff_answers", {})
        key = (user.pk, self.practice_id)
        if key not in asked:
            asked[key] = Practice.objects.staffed_by(user).filter(pk=self.practice_id).exists()
        return asked[key]

    def shows_private_to(self, user: User) -> bool:
        """The video room and the number to call: only for the patient and their therapist."""
        if not user.is_authenticated:
            return False
        own_therapist = self.therapist.user_id is not None and self.therapist.user_id == user.pk
        return user.pk == self.patient_id or own_therapist

    def free_cancel_deadline(self) -> datetime:
        return self.start - timedelta(hours=self.practice.free_cancel_hours)

    @property
    def cancelled_by_practice(self) -> bool:
        return self.cancelled_as == CancelledAs.PRACTICE

    def acts_as_patient(self, actor: User | LinkHolder) -> bool:
        """The appointment's own patient (by account) or the holder of its e-mailed link."""
        if isinstance(actor, LinkHolder):
            return actor.appointment_id == self.pk
        return (
            actor.is_authenticated and self.patient_id is not None and actor.pk == self.patient_id
        )

    def acts_for_practice(self, actor: User | LinkHolder) -> bool:
        """Someone who works at or manages this appointment's practice (never a link)."""
        return not isinstance(actor, LinkHolder) and actor.is_authenticated and self.is_staff(actor)

    def cancelled_as_for(self, actor: User | LinkHolder) -> str:
        """How a cancellation by `actor` is recorded (call after `can_cancel`)."""
        if isinstance(actor, LinkHolder):
            return CancelledAs.LINK_HOLDER
        return CancelledAs.PATIENT if self.acts_as_patient(actor) else CancelledAs.PRACTICE

    # The refusals below answer None when `actor` may do it now, or the error to show.
    # The patient's rules come first: a therapist who booked for themselves is a patient.
    def cancel_refusal(self, actor: User | LinkHolder, now: datetime) -> BookingError | None:
        """A patient cancels online until the practice's deadline; its staff at any time."""
        as_patient = self.acts_as_patient(actor)
        if not as_patient and not self.acts_for_practice(actor):
            return NotYours()
        if self.status != Status.CONFIRMED:
            return NotAllowed()
        if as_patient and not now < self.free_cancel_deadline():
            return ChangeTooLate()
        return None

    def reschedule_refusal(self, actor: User | LinkHolder, now: datetime) -> BookingError | None:
        """As cancelling, and a patient moves it at most the practice's number of times."""
        refusal = self.cancel_refusal(actor, now)
        if refusal is None and self.acts_as_patient(actor):
            if self.reschedule_count >= self.practice.max_reschedules:
                return TooManyReschedules()
        return refusal

    def outcome_refusal(self, actor: User | LinkHolder, now: datetime) -> BookingError | None:
        """Completed or no-show: the practice's staff, for a booked appointment that started."""
        if not self.acts_for_practice(actor):
            return NotYours()
        if self.status not in (Status.CONFIRMED, Status.COMPLETED, Status.NO_SHOW):
            return NotAllowed()
        if self.start > now:
            return OutcomeTooEarly()
        return None

    def can_cancel(self, actor: User | LinkHolder, now: datetime) -> bool:
        return self.cancel_refusal(actor, now) is None

    def can_reschedule(self, actor: User | LinkHolder, now: datetime) -> bool:
        return self.reschedule_refusal(actor, now) is None

    def can_mark_outcome(self, actor: User | LinkHolder, now: datetime) -> bool:
        return self.outcome_refusal(actor, now) is None


class LinkPurpose(models.TextChoices):
    CONFIRM = "confirm", _("Confirm a held time")
    MANAGE = "manage", _("Cancel or move")


class AppointmentLink(models.Model):
    """A link sent by e-mail: random token (256 bits), only its SHA-256 stored.

    A link is minted when its e-mail is sent, so the token itself is never
    stored. It stops working when used, when it expires, or when the
    appointment changes (a newer e-mail carries a new link).
    """

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(max_length=10, choices=LinkPurpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(created_at__lt=F("expires_at")), name="link_expires_after_creation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} link for {self.appointment_id}"
