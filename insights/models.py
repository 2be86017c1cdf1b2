"""The patient's own factors, planned experiments and the weekly-summary setting.

Analyses themselves store nothing: trends, change and insights are computed on request
from the check-ins, sessions and logs (insights/data.py over the pure modules).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_FACTORS = 5
FACTOR_SCALE_TOP = 10


class PersonalFactor(models.Model):
    """A factor of the patient's own (a work day, medication taken, ...), asked in the check-in.

    At most MAX_FACTORS active ones per patient (insights.actions checks this under a lock).
    An archived factor keeps its entries but is no longer asked or analysed.
    """

    class Kind(models.TextChoices):
        YES_NO = "yes_no", _("yes or no")
        SCALE = "scale", _("a number from 0 to 10")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_factors"
    )
    name = models.CharField(_("name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["yes_no", "scale"]), name="factor_kind_known"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="factor_has_a_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_yes_no(self) -> bool:
        return self.kind == self.Kind.YES_NO


class FactorEntry(models.Model):
    """A personal factor's value on one local date: 0/1 for yes/no, 0-10 for a scale."""

    factor = models.ForeignKey(PersonalFactor, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField()
    value = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["factor", "date"], name="one_factor_entry_a_day"),
            models.CheckConstraint(
                condition=Q(value__gte=0, value__lte=FACTOR_SCALE_TOP), name="factor_value_0_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.factor} on {self.date}: {self.value}"


class Experiment(models.Model):
    """A planned on/off experiment; which weeks are "on" is drawn at random (experiments.py)."""

    class Outcome(models.TextChoices):
        PAIN = "pain", _("pain")
        FATIGUE = "fatigue", _("tiredness")
        SLEEP_QUALITY = "sleep_quality", _("sleep quality")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experiments"
    )
    practice = models.CharField(_("what you try"), max_length=80)
    outcome = models.CharField(_("what you watch"), max_length=14, choices=Outcome.choices)
    started_on = models.DateField(_("first day"))
    weeks = models.PositiveSmallIntegerField(_("weeks"))
    schedule = models.JSONField(help_text="one true/false per week: true is an 'on' week")
    created_at = models.DateTimeField()
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(weeks__in=[4, 6, 8]), name="experiment_weeks"),
            models.CheckConstraint(
                condition=Q(outcome__in=["pain", "fatigue", "sleep_quality"]),
                name="experiment_outcome_known",
            ),
            models.CheckConstraint(condition=~Q(practice=""), name="experiment_has_a_practice"),
            models.UniqueConstraint(
                fields=["patient"], condition=Q(stopped_at__isnull=True), name="one_experiment"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.practice} from {self.started_on}"


class SummaryPreference(models.Model):
    """Whether the patient gets the weekly summary by e-mail; `last_sent_week` is the Monday
    of the week last summarised (the sending command claims it with a conditional UPDATE)."""

    patient = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="summary_preference"
    )
    email = models.BooleanField(_("send me the weekly summary by e-mail"), default=False)
    last_sent_week = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"weekly summary of {self.patient_id}: {self.email}"
