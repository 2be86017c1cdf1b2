"""Care: a patient sharing with a named therapist, the therapist's record, and the
access log of every read of a patient's data by someone else (NEN 7513).

The access log is append-only: the model refuses updates and deletes, its queryset
refuses bulk updates and deletes, and on PostgreSQL a trigger (migration 0002) refuses
UPDATE and DELETE of a row. The one way a row goes is the retention command
(`care.retention`), after five years.
"""

from __future__ import annotations

import uuid
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from practices.models import Practice, Therapist

MESSAGE_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 4000


class AccessLogAppendOnly(Exception):
    """The access log cannot be changed or deleted through the application."""


class Action(models.TextChoices):
    """What happened: one word per kind of read (never the request's data)."""

    DASHBOARD_ROW = "dashboard_row", _("saw the patient in the caseload overview")
    DETAIL = "detail", _("opened the patient's details")
    SUMMARY = "summary", _("opened the pre-visit summary")
    NOTE = "note", _("wrote a clinical note")
    HOMEWORK = "homework", _("assigned homework")
    MESSAGE = "message", _("sent a message")
    EXPORT = "export", _("exported the patient's data")
    ADMIN = "admin", _("looked at the patient's data in the admin")


class Outcome(models.TextChoices):
    ALLOWED = "allowed", _("allowed")
    DENIED = "denied", _("denied")


class AccessLogQuerySet(models.QuerySet["AccessLogEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AccessLogAppendOnly()

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AccessLogAppendOnly()

    def of_patient(self, patient: Any) -> AccessLogQuerySet:
        return self.filter(patient_id=patient.pk, outcome=Outcome.ALLOWED)


class AccessLogEntry(models.Model):
    """One read (or refused attempt) of a patient's data by another user.

    Who and where are copied as text at the time, and the keys to users and practices
    have no database constraint: the entry outlives an erased account (kept five years).
    Nothing secret is stored: no password, token, session id or request data.
    """

    at = models.DateTimeField(_("when"), db_index=True)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("who"), max_length=200)
    actor_role = models.CharField(_("role"), max_length=20)
    practice = models.ForeignKey(
        Practice,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible = models.CharField(_("on whose responsibility"), max_length=200)
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    scope = models.CharField(_("which data"), max_length=100, blank=True)
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices)
    share_public_id = models.UUIDField(_("share"), null=True, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["patient", "-at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=["allowed", "denied"]), name="access_log_outcome_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.outcome}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AccessLogAppendOnly()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AccessLogAppendOnly()

    @property
    def role_label(self) -> str:
        from accounts.models import Role

        return str(Role(self.actor_role).label) if self.actor_role in Role.values else ""


class ShareQuerySet(models.QuerySet["Share"]):
    def active(self, today: Any) -> ShareQuerySet:
        """Not stopped, and `today` inside the period the patient chose."""
        return self.filter(stopped_at__isnull=True, starts_on__lte=today).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=today)
        )


class Share(models.Model):
    """A patient's consent to share chosen data with a named therapist (or the practice).

    Each share is its own consent record (GDPR art. 9(2)(a)): what, with whom, for which
    period, the text version shown and when it was given and stopped. It also keeps the
    patient's general "sharing with a named therapist" consent (`accounts.Consent`)
    active while any share is.
    """

    class Via(models.TextChoices):
        APPOINTMENT = "appointment", _("from a booked appointment")
        THERAPIST = "therapist", _("chose the therapist")
        PRACTICE_CODE = "practice_code", _("entered the practice code")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares"
    )
    therapist = models.ForeignKey(
        Therapist, on_delete=models.CASCADE, null=True, blank=True, related_name="shares"
    )
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="shares")
    whole_practice = models.BooleanField(_("every therapist of the practice"), default=False)
    via = models.CharField(max_length=16, choices=Via.choices)
    check_ins = models.BooleanField(_("daily check-ins"), default=True)
    questionnaires = models.BooleanField(_("questionnaires"), default=True)
    practices = models.BooleanField(_("exercises and lessons done"), default=True)
    notes = models.BooleanField(_("notes and journals"), default=False)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    # RESTRICT: a consent cannot go while a share rests on it, unless both go (account deleted).
    consent = models.ForeignKey(
        "accounts.Consent", on_delete=models.RESTRICT, related_name="shares"
    )
    text_version = models.CharField(_("text version"), max_length=32)
    given_at = models.DateTimeField(_("given at"))
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        ordering = ["-given_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(whole_practice=True, therapist__isnull=True)
                | Q(whole_practice=False, therapist__isnull=False),
                name="share_with_therapist_or_practice",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="share_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(stopped_at__isnull=True) | Q(stopped_at__gte=models.F("given_at")),
                name="share_stopped_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.patient} -> {self.with_whom}"

    @property
    def with_whom(self) -> str:
        return str(self.practice) if self.whole_practice else str(self.therapist)

    @property
    def is_stopped(self) -> bool:
        return self.stopped_at is not None

    def scope_keys(self) -> list[str]:
        return [name for name in SCOPES if getattr(self, name)]

    def scope_labels(self) -> list[str]:
        return [str(SCOPE_LABELS[name]) for name in self.scope_keys()]


SCOPES = ("check_ins", "questionnaires", "practices", "notes")
SCOPE_LABELS = {
    "check_ins": _("daily check-ins"),
    "questionnaires": _("questionnaires"),
    "practices": _("exercises and lessons done"),
    "notes": _("notes and journals"),
}


class ClinicalNote(models.Model):
    """A therapist's private note: part of the practice's record (WGBO), not the patient's.

    It stays with the practice when the patient erases their account (the practice
    handles it), so the patient is kept as a name as well.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="care_notes")
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="care_notes_about",
    )
    patient_name = models.CharField(max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_name = models.CharField(max_length=200)
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"note {self.created_at:%Y-%m-%d} about {self.patient_name}"


class Homework(models.Model):
    """A lesson or exercise a therapist asks the patient to do: shown on Today."""

    class Kind(models.TextChoices):
        LESSON = "lesson", _("lesson")
        EXERCISE = "exercise", _("exercise")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="homework")
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_homework"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    key = models.SlugField(max_length=80)
    assigned_by_name = models.CharField(max_length=200)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["lesson", "exercise"]), name="homework_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class CareMessage(models.Model):
    """A short message from the therapist, shown on the patient's Today page."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="messages")
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_messages"
    )
    text = models.CharField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    author_name = models.CharField(max_length=200)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"message {self.created_at:%Y-%m-%d}"
