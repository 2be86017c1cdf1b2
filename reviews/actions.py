"""What happens to reviews: invited, written, changed, withdrawn, moderated, answered.

Every action takes an actor and checks inside who may (the moderator is the
network operator; a practice's managers reply and report; the author edits
and withdraws). Top-level actions own their transaction (durable). The
aggregates are asked from the database (summary.py), so changing a review's
row is all it takes to keep them right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction

from accounts.models import User
from bookings.models import Appointment, LinkHolder, Status
from practices.models import Practice
from reviews import access, rules, screening, tasks
from reviews.errors import (
    AlreadyReviewed,
    LinkDoesNotWork,
    NotEligible,
    NotNow,
    NotYours,
    ReplyRevealsCare,
    ReviewError,
)
from reviews.models import (
    INVITATION_VALID_DAYS,
    ModerationDecision,
    Reply,
    Review,
    ReviewInvitation,
    ReviewReport,
    ReviewStatus,
)


@dataclass(frozen=True)
class ReviewValues:
    """A review as cleaned by a form or the API schema (scores already checked)."""

    overall: Decimal
    recommends: bool
    text: str
    show_name: bool = False
    expertise: int | None = None
    explanation: int | None = None
    reachability: int | None = None
    punctuality: int | None = None

    def fields(self) -> dict[str, object]:
        return {
            "overall": self.overall,
            "recommends": self.recommends,
            "text": self.text,
            "expertise": self.expertise,
            "explanation": self.explanation,
            "reachability": self.reachability,
            "punctuality": self.punctuality,
            "flags": screening.review_flags(self.text),
        }


# --- invitations -----------------------------------------------------------------


def invite_after_completion(*, appointment: Appointment, now: datetime) -> bool:
    """The one invitation of a completed appointment; True when it was created now.

    Every completed appointment is invited the same way (no question about
    satisfaction first). Unique per appointment: marking it completed again,
    or twice at once, sends nothing more. The e-mail leaves after commit.
    """
    if appointment.status != Status.COMPLETED or not appointment.patient_email:
        return False
    try:
        with transaction.atomic():
            invitation, created = ReviewInvitation.objects.get_or_create(
                appointment=appointment,
                defaults={
                    "created_at": now,
                    "expires_at": now + timedelta(days=INVITATION_VALID_DAYS),
                },
            )
    except IntegrityError:  # the same appointment invited at the same moment elsewhere
        return False
    if created:
        transaction.on_commit(lambda: tasks.send_invitation.enqueue(invitation.pk))
    return created


def review_refusal(
    appointment: Appointment, actor: User | LinkHolder, now: datetime
) -> ReviewError | None:
    """None when `actor` may review `appointment` now; else why not."""
    if not appointment.acts_as_patient(actor):
        return NotYours()
    if appointment.status != Status.COMPLETED or appointment.start > now:
        return NotEligible()
    if Review.objects.filter(appointment=appointment).exists():
        return AlreadyReviewed()
    return None


def _shown_name(appointment: Appointment, show_name: bool) -> str:
    first, _space, last = appointment.patient_name.strip().partition(" ")
    return rules.shown_name(first, last.split(" ")[-1] if last else "", anonymous=not show_name)


def submit_review(
    *,
    actor: User | LinkHolder,
    appointment: Appointment,
    values: ReviewValues,
    now: datetime,
    invitation: ReviewInvitation | None = None,
) -> Review:
    """Write the one review of a completed appointment; it waits for moderation.

    By the e-mailed link (`invitation`, used up in the same transaction) or by
    the patient's own account (which uses up the link too, so it cannot be
    used again). Positive and negative reviews take the same path.
    """
    refusal = review_refusal(appointment, actor, now)
    if refusal is not None:
        raise refusal
    try:
        with transaction.atomic(durable=True):
            used = ReviewInvitation.objects.filter(
                appointment=appointment, used_at__isnull=True
            ).update(used_at=now)
            if invitation is not None and not (used and invitation.works(now)):
                raise LinkDoesNotWork()
            review = Review.objects.create(
                appointment=appointment,
                practice_id=appointment.practice_id,
                therapist_id=appointment.therapist_id,
                author_id=appointment.patient_id,
                shown_name=_shown_name(appointment, values.show_name),
                created_at=now,
                updated_at=now,
                **values.fields(),
            )
    except IntegrityError as error:  # a second review racing the first
        raise AlreadyReviewed() from error
    return review


def _own(actor: User, review: Review) -> None:
    if not review.is_written_by(actor):
        raise NotYours()


def edit_review(*, actor: User, review: Review, values: ReviewValues, now: datetime) -> Review:
    """The author changes their review: it is moderated again before it shows again."""
    _own(actor, review)
    with transaction.atomic(durable=True):
        changed = (
            Review.objects.filter(pk=review.pk)
            .exclude(status=ReviewStatus.WITHDRAWN)
            .update(
                status=ReviewStatus.PENDING,
                reject_reason="",
                shown_name=_shown_name(review.appointment, values.show_name),
                updated_at=now,
                published_at=None,
                **values.fields(),
            )
        )
        if not changed:
            raise NotNow()
    review.refresh_from_db()
    return review


def withdraw_review(*, actor: User, review: Review, now: datetime) -> Review:
    """The author takes their review back: gone from every page and aggregate at once."""
    _own(actor, review)
    with transaction.atomic(durable=True):
        Review.objects.filter(pk=review.pk).exclude(status=ReviewStatus.WITHDRAWN).update(
            status=ReviewStatus.WITHDRAWN, updated_at=now, published_at=None
        )
    review.refresh_from_db()
    return review


# --- moderation ---------------------------------------------------------------------


def _moderator(actor: User) -> None:
    if not access.is_moderator(actor):
        raise NotYours()


def publish_review(*, actor: User, review: Review, now: datetime) -> Review:
    """The moderator publishes a waiting review; the decision is logged with who took it."""
    _moderator(actor)
    with transaction.atomic(durable=True):
        changed = Review.objects.filter(pk=review.pk, status=ReviewStatus.PENDING).update(
            status=ReviewStatus.PUBLISHED, published_at=now, reject_reason=""
        )
        if not changed:
            raise NotNow()
        ModerationDecision.objects.create(
            review=review, moderator=actor, decision=ModerationDecision.Decision.PUBLISH,
            decided_at=now,
        )  # fmt: skip
    review.refresh_from_db()
    return review


def reject_review(*, actor: User, review: Review, reason: str, note: str, now: datetime) -> Review:
    """The moderator refuses a review (waiting, or published and reported) with a reason
    from the list; the reviewer is told the reason by e-mail and in their account."""
    _moderator(actor)
    with transaction.atomic(durable=True):
        changed = Review.objects.filter(
            pk=review.pk, status__in=[ReviewStatus.PENDING, ReviewStatus.PUBLISHED]
        ).update(status=ReviewStatus.REJECTED, reject_reason=reason, published_at=None)
        if not changed:
            raise NotNow()
        ModerationDecision.objects.create(
            review=review, moderator=actor, decision=ModerationDecision.Decision.REJECT,
            reason=reason, note=note, decided_at=now,
        )  # fmt: skip
        ReviewReport.objects.filter(review=review, handled_at__isnull=True).update(handled_at=now)
        transaction.on_commit(lambda: tasks.send_rejection.enqueue(review.pk))
    review.refresh_from_db()
    return review


def dismiss_reports(*, actor: User, review: Review, now: datetime) -> int:
    """The moderator keeps a reported review: the reports are closed, the decision logged."""
    _moderator(actor)
    with transaction.atomic(durable=True):
        closed = ReviewReport.objects.filter(review=review, handled_at__isnull=True).update(
            handled_at=now
        )
        if closed:
            ModerationDecision.objects.create(
                review=review, moderator=actor,
                decision=ModerationDecision.Decision.REPORT_DISMISSED, decided_at=now,
            )  # fmt: skip
    return closed


# --- the practice -------------------------------------------------------------------


def _manager_of(actor: User, practice: Practice) -> None:
    if not actor.is_authenticated or not practice.is_managed_by(actor):
        raise NotYours()


def reply_to_review(*, actor: User, review: Review, text: str, now: datetime) -> Reply:
    """The practice's one public reply (a second call edits it). Refused when it names
    anything about health or care: a practice may not reveal that a person was a patient
    with a complaint (Dutch disciplinary rulings)."""
    _manager_of(actor, review.practice)
    if review.status != ReviewStatus.PUBLISHED:
        raise NotNow()
    found = screening.health_words_in(text)
    if found:
        raise ReplyRevealsCare(found)
    with transaction.atomic(durable=True):
        reply, created = Reply.objects.get_or_create(
            review=review,
            defaults={"author": actor, "text": text, "created_at": now, "updated_at": now},
        )
        if not created:
            Reply.objects.filter(pk=reply.pk).update(text=text, author=actor, updated_at=now)
            reply.refresh_from_db()
    return reply


def report_review(*, actor: User, review: Review, reason: str, now: datetime) -> ReviewReport:
    """The practice asks the moderator to look again; the review stays until they decide."""
    _manager_of(actor, review.practice)
    if review.status != ReviewStatus.PUBLISHED:
        raise NotNow()
    return ReviewReport.objects.create(review=review, reporter=actor, reason=reason, created_at=now)
