"""Verified reviews: invited after a completed appointment, moderated, answered once.

A review exists only for a completed appointment (one per appointment, a
unique column), and the aggregates count only published ones (summary.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bookings.models import Appointment
from practices.models import Practice, Therapist
from reviews import rules

INVITATION_VALID_DAYS = 30


class ReviewInvitation(models.Model):
    """The one invitation of a completed appointment (unique: sent once, whatever happens).

    The token is minted when the e-mail is sent; only its SHA-256 is stored.
    """

    appointment = models.OneToOneField(
        Appointment, on_delete=models.CASCADE, related_name="review_invitation"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"review invitation for {self.appointment_id}"

    def works(self, now: datetime) -> bool:
        return self.used_at is None and self.expires_at > now


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RejectReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("It holds personal data of other people")
    ABUSE = "abuse", _("It is abusive or threatening")
    NOT_ABOUT_CARE = "not_about_care", _("It is not about the care received")
    ADVERTISING = "advertising", _("It is advertising")


class ReviewQuerySet(models.QuerySet["Review"]):
    def published(self) -> ReviewQuerySet:
        return self.filter(status=ReviewStatus.PUBLISHED)

    def counted(self, now: datetime) -> ReviewQuerySet:
        """Published, written within REVIEWS_COUNTED_YEARS (what every aggregate counts)."""
        return self.published().filter(created_at__gte=counted_since(now))


def counted_since(now: datetime) -> datetime:
    """The first moment the aggregates count: REVIEWS_COUNTED_YEARS before `now`."""
    years = settings.REVIEWS_COUNTED_YEARS
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


class Review(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # RESTRICT, not PROTECT: an appointment keeps its review, unless both go together
    # (the writer deletes their account: CASCADE through both author and patient).
    appointment = models.OneToOneField(
        Appointment, on_delete=models.RESTRICT, related_name="review"
    )
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="reviews")
    therapist = models.ForeignKey(Therapist, on_delete=models.CASCADE, related_name="reviews")
    # The account that wrote it (a guest who came by link has none: they cannot edit later).
    # Deleting the account deletes the review: it is the writer's own data (CLINICAL.md 8).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reviews",
    )
    overall = models.DecimalField(_("overall score"), max_digits=2, decimal_places=1)
    expertise = models.PositiveSmallIntegerField(_("expertise"), null=True, blank=True)
    explanation = models.PositiveSmallIntegerField(_("explanation"), null=True, blank=True)
    reachability = models.PositiveSmallIntegerField(_("reachability"), null=True, blank=True)
    punctuality = models.PositiveSmallIntegerField(_("keeping appointments"), null=True, blank=True)
    recommends = models.BooleanField(_("would recommend"))
    text = models.TextField(_("text"), max_length=rules.TEXT_MAX)
    # Empty: shown as "Anoniem". Otherwise first name and initial, fixed when written.
    shown_name = models.CharField(_("shown name"), max_length=60, blank=True)
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    flags = models.JSONField(default=list, blank=True)
    reject_reason = models.CharField(max_length=20, choices=RejectReason.choices, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["practice", "status", "created_at"], name="review_list")]
        constraints = [
            models.CheckConstraint(
                condition=Q(overall__in=list(rules.OVERALL_SCORES)), name="review_overall_halves"
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True})
                    | Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"review_{name}_1_to_5",
                )
                for name in ("expertise", "explanation", "reachability", "punctuality")
            ],
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in ReviewStatus]), name="review_status_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.overall} for {self.practice_id} ({self.status})"

    @property
    def star(self) -> int:
        return rules.star_of(Decimal(self.overall))

    @property
    def sub_scores(self) -> list[tuple[str, int]]:
        named = [
            (_("Expertise"), self.expertise),
            (_("Explanation"), self.explanation),
            (_("Reachability"), self.reachability),
            (_("Keeping appointments"), self.punctuality),
        ]
        return [(str(label), value) for label, value in named if value]

    @property
    def is_long(self) -> bool:
        return len(self.text) > 300

    @property
    def teaser(self) -> str:
        return self.text[:280].rsplit(" ", 1)[0] + "…" if self.is_long else self.text

    def is_written_by(self, user: object) -> bool:
        return bool(getattr(user, "is_authenticated", False)) and self.author_id == getattr(
            user, "pk", None
        )


class ModerationDecision(models.Model):
    """Every decision on a review, with who took it: the moderation log."""

    class Decision(models.TextChoices):
        PUBLISH = "publish", _("Published")
        REJECT = "reject", _("Rejected")
        REPORT_DISMISSED = "dismiss", _("Report dismissed")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.CharField(max_length=20, choices=RejectReason.choices, blank=True)
    note = models.CharField(max_length=500, blank=True)
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.decision} {self.review_id} by {self.moderator_id}"


class Reply(models.Model):
    """The practice's one public reply to a review (editable, never a second one)."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="reply")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("reply"), max_length=1000)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"reply to {self.review_id}"


class ReviewReport(models.Model):
    """A practice asks the moderator to look at a review again (it cannot hide it itself)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    reason = models.TextField(_("why"), max_length=1000)
    created_at = models.DateTimeField()
    handled_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"report on {self.review_id}"
