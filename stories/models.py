"""Recovery stories: a patient's own account, published only with their explicit consent.

Consent to publish is per story and can be withdrawn at any time; withdrawing
unpublishes at once (the public pages and the sitemap ask for `public()`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from exercises.catalogue import ExerciseKey
from pijnreset import versions
from practices.fields import ChoiceSetField
from stories import featured


class AgeBand(models.TextChoices):
    UNDER_30 = "u30", _("Younger than 30")
    THIRTIES = "30s", _("30 to 39")
    FORTIES = "40s", _("40 to 49")
    FIFTIES = "50s", _("50 to 59")
    SIXTY_PLUS = "60p", _("60 or older")


class Duration(models.TextChoices):
    UNDER_1 = "u1", _("Less than a year")
    ONE_TO_5 = "1-5", _("1 to 5 years")
    FIVE_TO_10 = "5-10", _("5 to 10 years")
    OVER_10 = "10p", _("More than 10 years")


class StoryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")


class StoryQuerySet(versions.WritesBump["Story"]):
    def written(self) -> None:
        featured.changed()  # updates and bulk writes, as saves and deletes do by signal

    def public(self) -> StoryQuerySet:
        """Published, with consent in force: the only stories anyone else sees."""
        return self.filter(
            status=StoryStatus.PUBLISHED,
            consent_given_at__isnull=False,
            consent_withdrawn_at__isnull=True,
        )


class Story(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stories"
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("your story"), max_length=6000)
    first_name = models.CharField(_("first name (optional)"), max_length=40, blank=True)
    age_band = models.CharField(_("age"), max_length=4, choices=AgeBand.choices, blank=True)
    duration = models.CharField(
        _("how long you have had complaints"), max_length=4, choices=Duration.choices, blank=True
    )
    what_helped = models.TextField(_("what helped you"), max_length=2000, blank=True)
    exercises = ChoiceSetField(_("exercises you used"), choices=ExerciseKey.choices)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="nl")
    status = models.CharField(
        max_length=10, choices=StoryStatus.choices, default=StoryStatus.PENDING
    )
    flags = models.JSONField(default=list, blank=True)
    reject_reason = models.CharField(max_length=300, blank=True)
    featured = models.BooleanField(_("featured on the home page"), default=False)
    consent_given_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name_plural = "stories"
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(consent_given_at__isnull=False),
                name="story_published_only_with_consent",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:story", args=[self.public_id])

    @property
    def consent_in_force(self) -> bool:
        return self.consent_given_at is not None and self.consent_withdrawn_at is None

    def exercise_labels(self) -> list[str]:
        return [str(ExerciseKey(code).label) for code in self.exercises]


class StoryDecision(models.Model):
    """Every moderation decision on a story, with the moderator."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decision = models.CharField(max_length=12)
    reason = models.CharField(max_length=300, blank=True)
    decided_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.decision} {self.story_id}"
