"""Exercise scripts, timed sessions, movement logs and the private journals.

Every row that belongs to a patient has a random `public_id` for URLs and is
read through `.of(patient)` so another patient's row answers 404.
"""

import uuid
from datetime import date, timedelta
from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from exercises.catalogue import TIMED, ExerciseKey
from exercises.scripts import ACTIVITIES, EVIDENCE, LANGUAGES, MORE_ACTIVITIES


def _in(field: str, values: object) -> Q:
    return Q(**{f"{field}__in": list(values)})  # type: ignore[call-overload]


def _range_or_null(field: str, low: int, high: int) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": low, f"{field}__lte": high})


class OwnedQuerySet(models.QuerySet[Any]):
    def of(self, patient: Any) -> Self:
        return self.filter(patient=patient)


# --- Scripts -----------------------------------------------------------------


class ExerciseScriptQuerySet(models.QuerySet["ExerciseScript"]):
    def for_language(self, language: str) -> "ExerciseScriptQuerySet":
        return self.filter(language=language)


class ExerciseScript(models.Model):
    """One exercise's texts in one language, loaded from content/<lang>/exercises/<key>.md.

    `intro_html` is rendered by the one content pipeline (content/rendering.py)
    when `manage.py load_content` runs; a request only shows it.
    """

    key = models.CharField(max_length=20, choices=ExerciseKey.choices)
    language = models.CharField(max_length=2)
    title = models.CharField(max_length=120)
    evidence = models.CharField(max_length=1)
    summary = models.CharField(max_length=300)
    intro = models.TextField(help_text="Markdown")
    intro_html = models.TextField(
        default="", help_text="The introduction rendered and sanitised at load time"
    )
    data = models.JSONField(default=dict, help_text="cues, versions, ideas, prompts, ...")

    objects = ExerciseScriptQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="one_script_per_language"),
            models.CheckConstraint(condition=_in("key", EVIDENCE), name="script_key_known"),
            models.CheckConstraint(
                condition=_in("language", LANGUAGES), name="script_language_known"
            ),
            models.CheckConstraint(condition=_in("evidence", "ABCD"), name="script_evidence_known"),
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.language})"

    def version(self, key: str) -> dict[str, Any] | None:
        versions = self.data.get("versions", [])
        return next((v for v in versions if v["key"] == key), None)

    def prompt_for(self, day: date) -> str | None:
        """The prompt of that weekday (Monday first), for gratitude and emotion."""
        prompts = self.data.get("prompts") or []
        return prompts[day.weekday()] if len(prompts) == 7 else None


# --- Timed sessions ------------------------------------------------------------


class SessionStatus(models.TextChoices):
    STARTED = "started", _("started")
    FINISHED = "finished", _("finished")
    STOPPED = "stopped", _("stopped early")


class ExerciseSessionQuerySet(OwnedQuerySet):
    def finished(self) -> "ExerciseSessionQuerySet":
        return self.filter(status=SessionStatus.FINISHED)

    def on(self, day: date) -> "ExerciseSessionQuerySet":
        return self.filter(local_date=day)


FEELING_RANGE = (0, 10)
MAX_SESSION_SECONDS = 60 * 60


class ExerciseSession(models.Model):
    """One timed practice (breathing, muscle relaxation, body scan) from start to end.

    `duration_seconds` is how long the patient practised: the full planned
    length when the timer ran out, the time the timer showed when they
    stopped early.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exercise_sessions"
    )
    exercise = models.CharField(max_length=20, choices=[(k.value, k.label) for k in TIMED])
    version = models.CharField(max_length=10, blank=True)  # pmr short/long, body_scan 5/10
    local_date = models.DateField()
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.STARTED
    )
    planned_seconds = models.PositiveIntegerField()
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    breath_in = models.PositiveSmallIntegerField(null=True, blank=True)
    breath_hold = models.PositiveSmallIntegerField(null=True, blank=True)
    breath_out = models.PositiveSmallIntegerField(null=True, blank=True)
    spoken_cues = models.BooleanField(default=False)
    sound = models.BooleanField(default=False)
    feeling_before = models.PositiveSmallIntegerField(null=True, blank=True)
    feeling_after = models.PositiveSmallIntegerField(null=True, blank=True)
    felt_dizzy = models.BooleanField(default=False)
    # Made on the device for a session done offline (docs/offline.md): a retry of the
    # same queued session finds this row instead of adding a second one.
    client_id = models.UUIDField(null=True, blank=True, editable=False)

    objects = ExerciseSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["patient", "local_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "client_id"], name="one_session_per_client_id"
            ),
            models.CheckConstraint(
                condition=_in("exercise", [k.value for k in TIMED]), name="session_exercise_timed"
            ),
            models.CheckConstraint(
                condition=_in("status", SessionStatus.values), name="session_status_known"
            ),
            models.CheckConstraint(
                condition=Q(planned_seconds__gte=1, planned_seconds__lte=MAX_SESSION_SECONDS),
                name="session_planned_seconds_range",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="started", ended_at__isnull=True, duration_seconds__isnull=True)
                    | (
                        Q(status__in=["finished", "stopped"], ended_at__isnull=False)
                        & Q(duration_seconds__isnull=False)
                        & Q(duration_seconds__lte=models.F("planned_seconds"))
                    )
                ),
                name="session_end_matches_status",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=(
                    Q(exercise="breathing")
                    & Q(breath_in__gte=2, breath_in__lte=10)
                    & Q(breath_hold__gte=0, breath_hold__lte=10)  # 0: no hold
                    & Q(breath_out__gte=2, breath_out__lte=10)
                )
                | (
                    ~Q(exercise="breathing")
                    & Q(breath_in__isnull=True, breath_hold__isnull=True, breath_out__isnull=True)
                ),
                name="session_breath_phases_range",
            ),
            models.CheckConstraint(
                condition=_range_or_null("feeling_before", *FEELING_RANGE),
                name="session_feeling_before_range",
            ),
            models.CheckConstraint(
                condition=_range_or_null("feeling_after", *FEELING_RANGE),
                name="session_feeling_after_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} {self.local_date} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status == SessionStatus.STARTED

    @property
    def breath_pattern(self) -> tuple[int, int, int] | None:
        if self.breath_in is None or self.breath_hold is None or self.breath_out is None:
            return None
        return (self.breath_in, self.breath_hold, self.breath_out)


# --- Movement ------------------------------------------------------------------


class Activity(models.TextChoices):
    WALK = "walk", _("Walking")
    SWIM = "swim", _("Swimming")
    YOGA = "yoga", _("Yoga")
    STRETCHING = "stretching", _("Stretching")
    CYCLING = "cycling", _("Cycling")
    TAI_CHI = "tai_chi", _("Tai chi")
    STRENGTH = "strength", _("Light strength exercises")
    DANCE = "dance", _("Dancing")
    HOUSEHOLD = "household", _("Housework or gardening")
    OTHER = "other", _("Something else")


class Felt(models.TextChoices):
    EASY = "easy", _("Easy")
    FINE = "fine", _("Fine")
    HARD = "hard", _("Hard work")
    TOO_MUCH = "too_much", _("Too much")


class SymptomsAfter(models.TextChoices):
    BETTER = "better", _("Better")
    SAME = "same", _("About the same")
    WORSE = "worse", _("A bit worse")
    MUCH_WORSE = "much_worse", _("Much worse")


MOVEMENT_MINUTES_RANGE = (1, 300)


class MovementLog(models.Model):
    """One session of gentle movement the patient did and wants to remember."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="movement_logs"
    )
    local_date = models.DateField()
    activity = models.CharField(max_length=12, choices=Activity.choices)
    minutes = models.PositiveSmallIntegerField()
    felt = models.CharField(max_length=10, choices=Felt.choices)
    symptoms_after = models.CharField(max_length=12, choices=SymptomsAfter.choices)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-local_date", "-created_at"]
        indexes = [models.Index(fields=["patient", "local_date"])]
        constraints = [
            models.CheckConstraint(
                condition=_in("activity", ACTIVITIES + MORE_ACTIVITIES), name="movement_activity"
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=MOVEMENT_MINUTES_RANGE[0])
                & Q(minutes__lte=MOVEMENT_MINUTES_RANGE[1]),
                name="movement_minutes_range",
            ),
            models.CheckConstraint(condition=_in("felt", Felt.values), name="movement_felt"),
            models.CheckConstraint(
                condition=_in("symptoms_after", SymptomsAfter.values), name="movement_symptoms"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.minutes} min {self.local_date}"


class QuotaReason(models.TextChoices):
    START = "start", _("start")
    STEP_UP = "step_up", _("step up")
    STEP_BACK = "step_back", _("step back")
    LOWERED = "lowered", _("lowered by you")
    KEPT = "kept", _("kept the same")
    AFTER_FLARE = "after_flare", _("after a flare")


class MovementQuota(models.Model):
    """One decision about the movement quota (minutes per active day, docs/clinical.md 6).

    The rows are the quota's history: from `started_on` the quota is `minutes`. It is
    stored, never recomputed from the logs (exercises/pacing.py). `previous` is the quota
    in force just before this row. Rows are written only by exercises.actions, which
    lock the patient's row first, so two decisions never interleave.
    """

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="movement_quotas"
    )
    minutes = models.PositiveSmallIntegerField()
    started_on = models.DateField()
    reason = models.CharField(max_length=12, choices=QuotaReason.choices)
    previous = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["started_on", "created_at", "id"]
        indexes = [models.Index(fields=["patient", "started_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=MOVEMENT_MINUTES_RANGE[1]),
                name="quota_minutes_range",
            ),
            models.CheckConstraint(
                condition=_in("reason", QuotaReason.values), name="quota_reason_known"
            ),
            models.UniqueConstraint(
                fields=["patient"], condition=Q(reason="start"), name="one_start_quota"
            ),
        ]

    def __str__(self) -> str:
        return f"quota {self.minutes} min from {self.started_on} ({self.reason})"


class MovementSettings(models.Model):
    """The patient's own pacing settings: post-exertional malaise (no step-up offers)."""

    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="movement_settings"
    )
    post_exertional_malaise = models.BooleanField(default=False)
    updated_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"movement settings of {self.patient_id}"


# --- Journals (private) ------------------------------------------------------


class GratitudeEntry(models.Model):
    """Up to three things the patient is grateful for, one entry per local date."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gratitude_entries"
    )
    local_date = models.DateField()
    first = models.CharField(max_length=300)
    second = models.CharField(max_length=300, blank=True)
    third = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "local_date"], name="one_gratitude_a_day"),
            models.CheckConstraint(condition=~Q(first=""), name="gratitude_has_a_first_thing"),
        ]

    def __str__(self) -> str:
        return f"gratitude {self.local_date}"

    @property
    def things(self) -> list[str]:
        return [t for t in (self.first, self.second, self.third) if t]


def week_start(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


class SocialOutcome(models.TextChoices):
    DONE = "done", _("I did it")
    PARTLY = "partly", _("Partly")
    NOT_THIS_TIME = "not_this_time", _("Not this time")


class SocialIntention(models.Model):
    """A small intention for contact with others this week, and how it went."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="social_intentions"
    )
    week_start = models.DateField(help_text="The Monday of the week")
    intention = models.CharField(max_length=200)
    set_on = models.DateField()
    checked_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=14, choices=SocialOutcome.choices, blank=True)
    reflection = models.CharField(max_length=500, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "week_start"], name="one_intention_a_week"),
            models.CheckConstraint(condition=~Q(intention=""), name="intention_not_empty"),
            models.CheckConstraint(
                condition=Q(checked_on__isnull=True, outcome="")
                | Q(checked_on__isnull=False, outcome__in=SocialOutcome.values),
                name="intention_check_complete",
            ),
            models.CheckConstraint(
                condition=Q(set_on__gte=models.F("week_start")), name="intention_set_in_its_week"
            ),
        ]

    def __str__(self) -> str:
        return f"intention {self.week_start}"

    @property
    def is_checked(self) -> bool:
        return self.checked_on is not None


class EmotionEntry(models.Model):
    """A short, private note on a moment of emotion or stress."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="emotion_entries"
    )
    local_date = models.DateField()
    created_at = models.DateTimeField()
    what_happened = models.TextField(max_length=1000, blank=True)
    feeling = models.CharField(max_length=300, blank=True)
    body = models.CharField(max_length=300, blank=True)
    what_i_did = models.TextField(max_length=1000, blank=True)
    stress = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-local_date", "-created_at"]
        indexes = [models.Index(fields=["patient", "local_date"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(what_happened="", feeling=""), name="emotion_entry_not_empty"
            ),
            models.CheckConstraint(
                condition=_range_or_null("stress", 0, 10), name="emotion_stress_range"
            ),
        ]

    def __str__(self) -> str:
        return f"emotion {self.local_date}"
