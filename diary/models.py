import uuid
from datetime import date, datetime, time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from diary.crisis import mentions_crisis

# The 0-10 scores of a check-in, in form order. Only pain is required.
SCORES = ("pain", "fatigue", "sleep_quality", "stress", "mood", "gut")
OPTIONAL_SCORES = SCORES[1:]


def _score_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 0, f"{name}__lte": 10}),
        name=f"checkin_{name}_0_10",
    )


class CheckInQuerySet(models.QuerySet["CheckIn"]):
    def of(self, patient: object) -> "CheckInQuerySet":
        return self.filter(patient=patient)

    def between(self, first: date, last: date) -> "CheckInQuerySet":
        return self.filter(date__gte=first, date__lte=last)


class CheckIn(models.Model):
    """One patient's daily check-in, keyed by their local date (one per day)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    date = models.DateField(_("date"))
    pain = models.PositiveSmallIntegerField(_("pain"))
    fatigue = models.PositiveSmallIntegerField(_("tiredness"), null=True, blank=True)
    sleep_quality = models.PositiveSmallIntegerField(_("sleep quality"), null=True, blank=True)
    stress = models.PositiveSmallIntegerField(_("stress and tension"), null=True, blank=True)
    mood = models.PositiveSmallIntegerField(_("mood"), null=True, blank=True)
    gut = models.PositiveSmallIntegerField(_("gut complaints"), null=True, blank=True)
    flare = models.BooleanField(_("flare"), default=False)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    pain_areas = models.JSONField(_("where it hurts"), default=list, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    # When these values were edited: on the device for a check-in queued offline (it may
    # reach us late), else when saved. Empty for rows from before; updated_at stands in.
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "date"], name="one_checkin_per_day"),
            models.CheckConstraint(
                condition=Q(pain__gte=0, pain__lte=10), name="checkin_pain_0_10"
            ),
            *[_score_range(name) for name in OPTIONAL_SCORES],
        ]

    def __str__(self) -> str:
        return f"{self.patient} on {self.date}"

    @property
    def note_mentions_crisis(self) -> bool:
        """The note mentions wanting to die (diary/crisis.py): offer the help page."""
        return mentions_crisis(self.note)

    @property
    def last_edited_at(self) -> datetime:
        return self.edited_at or self.updated_at

    def values(self) -> dict[str, object]:
        """The recorded values, as stored in a revision and compared on an edit."""
        return {
            **{name: getattr(self, name) for name in SCORES},
            "flare": self.flare,
            "note": self.note,
            "pain_areas": list(self.pain_areas),
        }


class CheckInRevision(models.Model):
    """The values a check-in had before an edit: the change history, written by the action."""

    class Source(models.TextChoices):
        FORM = "form", _("check-in form")
        SAME_AS_YESTERDAY = "same_as_yesterday", _("same as yesterday")
        API = "api", _("API")
        OFFLINE = "offline", _("offline")

    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="revisions")
    changed_at = models.DateTimeField()
    source = models.CharField(max_length=20, choices=Source.choices)
    previous = models.JSONField()
    # When the values in `previous` were edited (empty for revisions from before): a
    # check-in queued offline and sent twice is recognised by it and recorded once.
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.check_in} changed at {self.changed_at}"


class FlareQuerySet(models.QuerySet["Flare"]):
    def open(self) -> "FlareQuerySet":
        return self.filter(ended_at__isnull=True)


class Flare(models.Model):
    """A period of flare mode (docs/clinical.md section 6): started and ended by the patient."""

    class Source(models.TextChoices):
        PATIENT = "patient", _("switched on by the patient")
        CHECK_IN = "check_in", _("reported in the check-in")
        SUGGESTION = "suggestion", _("suggestion accepted")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flares"
    )
    started_at = models.DateTimeField()
    started_on = models.DateField()
    source = models.CharField(max_length=20, choices=Source.choices)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    objects = FlareQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(ended_at__isnull=True), name="one_open_flare"
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="flare_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} flare from {self.started_on}"


class ReminderPreference(models.Model):
    """If and when (local time) a patient gets the daily check-in reminder by e-mail.

    `last_sent_on` is the local date of the last reminder: the sending command
    claims a day by a conditional UPDATE of this field, so it sends at most one.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_reminder"
    )
    enabled = models.BooleanField(_("send me a daily reminder"), default=False)
    at = models.TimeField(_("at"), default=time(19, 0))
    during_flare = models.BooleanField(_("also during a flare"), default=False)
    last_sent_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} at {self.at}"
