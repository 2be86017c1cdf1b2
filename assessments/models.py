"""Questionnaire definitions and responses, safety flags and red-flag checks.

A response is immutable once submitted: every write goes through `assessments.actions`,
which only ever updates drafts (a conditional UPDATE on `submitted_at IS NULL`), and
`Response.save()` refuses to write over a row that was loaded as submitted. A correction
is a new response that points at the one it corrects.
"""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from assessments.definitions import Definition, parse_definition, pick
from assessments.engine import SCORERS
from assessments.errors import ResponseLocked
from assessments.redflags import flagged


class InstrumentQuerySet(models.QuerySet["Instrument"]):
    def current(self) -> "InstrumentQuerySet":
        return self.filter(is_current=True)


class Instrument(models.Model):
    """One version of a questionnaire definition (structure, wording, bands, safety rules)."""

    class Source(models.TextChoices):
        SHIPPED = "shipped", _("Shipped with pijnreset")
        INSTALLED = "installed", _("Installed by an operator")

    key = models.SlugField(_("key"), max_length=40)
    version = models.CharField(_("version"), max_length=40)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    definition = models.JSONField(_("definition"))
    has_wording = models.BooleanField(_("has item text"), default=True)
    is_current = models.BooleanField(_("current version"), default=True)
    loaded_at = models.DateTimeField(_("loaded at"))

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("questionnaire version")
        verbose_name_plural = _("questionnaire versions")
        ordering = ["key", "-loaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="instrument_key_version"),
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(is_current=True), name="one_current_instrument"
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=["shipped", "installed"]),
                name="instrument_source_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.version}"

    @property
    def title(self) -> str:
        definition = self.parsed()
        return pick(definition.title, definition.language_for(get_language() or "nl"))

    def parsed(self) -> Definition:
        cached: Definition | None = getattr(self, "_parsed", None)
        if cached is None:
            cached = parse_definition(self.definition, scorers=list(SCORERS))
            self._parsed = cached
        return cached


class Occasion(models.TextChoices):
    INTAKE = "intake", _("Intake")
    WEEK_4 = "week_4", _("Week 4")
    WEEK_8 = "week_8", _("Week 8")
    WEEK_12 = "week_12", _("Week 12")
    OFFERED = "offered", _("Offered after a screening")
    SELF = "self", _("Filled in yourself")


class ResponseQuerySet(models.QuerySet["Response"]):
    def drafts(self) -> "ResponseQuerySet":
        return self.filter(submitted_at__isnull=True)

    def submitted(self) -> "ResponseQuerySet":
        return self.filter(submitted_at__isnull=False)

    def of(self, patient: Any) -> "ResponseQuerySet":
        return self.filter(patient=patient)

    def before(self, response: "Response") -> "Response | None":
        """The patient's previous submitted response to the same questionnaire."""
        return (
            self.submitted()
            .filter(
                patient_id=response.patient_id,
                instrument_key=response.instrument_key,
                submitted_at__lt=response.submitted_at,
            )
            .order_by("-submitted_at")
            .first()
        )


class Response(models.Model):
    """One patient's answers to one instrument version: a draft until submitted."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="responses"
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="responses")
    instrument_key = models.SlugField(_("questionnaire"), max_length=40)
    instrument_version = models.CharField(_("version"), max_length=40)
    part = models.SlugField(_("part"), max_length=40, blank=True)
    occasion = models.CharField(_("occasion"), max_length=12, choices=Occasion.choices)
    language = models.CharField(_("language"), max_length=2)
    answers = models.JSONField(_("answers"), default=dict)
    step = models.PositiveSmallIntegerField(_("last question seen"), default=1)
    scores = models.JSONField(_("scores"), null=True, blank=True)
    bands = models.JSONField(_("bands"), null=True, blank=True)
    flags = models.JSONField(_("flags"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"))
    updated_at = models.DateTimeField(_("last saved at"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="corrections"
    )

    objects = ResponseQuerySet.as_manager()
    _loaded_submitted = False  # set by from_db: the row was submitted when it was read

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["patient", "instrument_key", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "instrument_key"],
                condition=models.Q(submitted_at__isnull=True),
                name="one_draft_per_patient_and_instrument",
            ),
            models.CheckConstraint(
                condition=models.Q(submitted_at__isnull=True)
                | models.Q(scores__isnull=False, bands__isnull=False, flags__isnull=False),
                name="submitted_response_has_scores",
            ),
            models.CheckConstraint(
                condition=models.Q(submitted_at__isnull=True)
                | models.Q(submitted_at__gte=models.F("started_at")),
                name="response_submitted_after_started",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    occasion__in=["intake", "week_4", "week_8", "week_12", "offered", "self"]
                ),
                name="response_occasion_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_key} {self.instrument_version} ({self.public_id})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Integrity guard, no side effects: a submitted response is never written again.
        if getattr(self, "_loaded_submitted", False):
            raise ResponseLocked()
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, *args: Any, **kwargs: Any) -> "Response":
        instance = super().from_db(*args, **kwargs)
        instance._loaded_submitted = instance.__dict__.get("submitted_at") is not None
        return instance

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def has_crisis_flag(self) -> bool:
        definition = self.instrument.parsed()
        return bool(definition.crisis_flag and (self.flags or {}).get(definition.crisis_flag))

    @property
    def title(self) -> str:
        """The questionnaire's title (or its part's) in the current language."""
        definition = self.instrument.parsed()
        language = definition.language_for(get_language() or self.language)
        if self.part:
            return pick(definition.parts[self.part].title, language)
        return pick(definition.title, language)

    def next_url(self) -> str:
        """Where to go on: the next question, the review, or the result once submitted."""
        if self.is_submitted:
            return reverse("assessments:result", kwargs={"public_id": self.public_id})
        if self.step > len(self.item_keys()):
            return reverse("assessments:review", kwargs={"public_id": self.public_id})
        return reverse(
            "assessments:question", kwargs={"public_id": self.public_id, "number": self.step}
        )

    def item_keys(self) -> list[str]:
        return [item.key for item in self.instrument.parsed().items_for(self.part)]

    def answered_count(self) -> int:
        return sum(1 for key in self.item_keys() if key in self.answers)


class SafetyFlagQuerySet(models.QuerySet["SafetyFlag"]):
    def open(self) -> "SafetyFlagQuerySet":
        return self.filter(acknowledged_at__isnull=True)


class SafetyFlag(models.Model):
    """Something a therapist the patient shares data with must see (a future dashboard).

    Recorded by the actions; nothing is sent by e-mail (docs/clinical.md section 6).
    """

    class Kind(models.TextChoices):
        CRISIS = "crisis", _("Crisis: thoughts of death or self-harm")
        RED_FLAG = "red_flag", _("Red flag: advised to see a doctor")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_flags"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, null=True, blank=True, related_name="safety_flags"
    )
    red_flag_check = models.ForeignKey(
        "RedFlagCheck",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="safety_flags",
    )
    created_at = models.DateTimeField(_("created at"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    objects = SafetyFlagQuerySet.as_manager()

    class Meta:
        verbose_name = _("safety flag")
        verbose_name_plural = _("safety flags")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["crisis", "red_flag"]), name="safety_flag_kind_known"
            ),
            models.UniqueConstraint(
                fields=["response", "kind"], name="one_safety_flag_per_response_and_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class RedFlagCheckQuerySet(models.QuerySet["RedFlagCheck"]):
    def awaiting_doctor(self) -> "RedFlagCheckQuerySet":
        """Checks with a red flag whose pause the patient has not yet ended (seen a doctor,
        or a doctor already knows)."""
        return self.exclude(routing="none").filter(resumed_at__isnull=True)


class RedFlagCheck(models.Model):
    """One round of red-flag questions (intake or 'something new?') and its tier.

    ``submission_key`` is the form's one-time key: the same answers arriving twice (a double
    tap, a resent form) find the first check instead of making a second one.
    """

    class Routing(models.TextChoices):
        NONE = "none", _("No red flag")
        GP = "gp", _("See your GP soon")
        SAME_DAY = "same_day", _("See your GP today")
        EMERGENCY = "emergency", _("Call 112 now")

    class Context(models.TextChoices):
        INTAKE = "intake", _("Intake")
        SOMETHING_NEW = "something_new", _("Something new")

    class ResumedBecause(models.TextChoices):
        SEEN_DOCTOR = "seen_doctor", _("Has seen a doctor")
        DOCTOR_KNOWS = "doctor_knows", _("A doctor already knows")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="red_flag_checks"
    )
    submission_key = models.UUIDField(_("submission key"), default=uuid.uuid4, editable=False)
    context = models.CharField(_("context"), max_length=16, choices=Context.choices)
    answers = models.JSONField(_("answers"))
    routing = models.CharField(_("routing"), max_length=12, choices=Routing.choices)
    submitted_at = models.DateTimeField(_("submitted at"))
    resumed_at = models.DateTimeField(_("exercises resumed at"), null=True, blank=True)
    resumed_because = models.CharField(
        _("exercises resumed because"),
        max_length=12,
        choices=ResumedBecause.choices,
        blank=True,
        default="",
    )

    objects = RedFlagCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("red-flag check")
        verbose_name_plural = _("red-flag checks")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(routing__in=["none", "gp", "same_day", "emergency"]),
                name="red_flag_routing_known",
            ),
            models.CheckConstraint(
                condition=models.Q(context__in=["intake", "something_new"]),
                name="red_flag_context_known",
            ),
            models.CheckConstraint(
                condition=models.Q(resumed_at__isnull=True, resumed_because="")
                | (
                    ~models.Q(routing="none")
                    & models.Q(resumed_at__gte=models.F("submitted_at"))
                    & models.Q(resumed_because__in=["seen_doctor", "doctor_knows"])
                ),
                name="red_flag_resumed_after_submitted_with_reason",
            ),
            models.UniqueConstraint(
                fields=["patient", "submission_key"], name="one_red_flag_check_per_submission"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_routing_display()} ({self.submitted_at:%Y-%m-%d})"

    @property
    def awaits_doctor(self) -> bool:
        return self.routing != self.Routing.NONE and self.resumed_at is None

    def flagged_questions(self) -> tuple[str, ...]:
        """The questions answered "yes", most urgent first (keys of redflags.QUESTIONS)."""
        return flagged(self.answers)
