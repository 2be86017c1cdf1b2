"""Which review (or invitation) a user or link holder may reach: one helper per object,
used by the pages and the API. Anything else is Http404, as an id that does not exist."""

from __future__ import annotations

import hashlib
from datetime import datetime
from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import Role, User
from bookings.models import Appointment
from practices.models import Practice
from reviews.models import Review, ReviewInvitation, ReviewStatus

_RELATED = ("practice", "therapist", "appointment")


def is_moderator(user: User) -> bool:
    """The network operator moderates reviews and stories (never a practice)."""
    return bool(user.is_authenticated and (user.is_superuser or user.role == Role.NETWORK_OPERATOR))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invitation_for_token(token: str, *, now: datetime) -> ReviewInvitation | None:
    """The working invitation for an e-mailed token (unused, within 30 days), or None."""
    if not token or len(token) > 100:
        return None
    return (
        ReviewInvitation.objects.select_related(
            "appointment__practice", "appointment__therapist", "appointment__patient"
        )
        .filter(token_hash=hash_token(token), used_at__isnull=True, expires_at__gt=now)
        .first()
    )


def own_appointment(user: User, appointment_id: UUID | str) -> Appointment:
    """The user's own appointment (as its patient); Http404 for any other."""
    return get_object_or_404(
        Appointment.objects.of_patient(user).select_related("practice", "therapist"),
        public_id=appointment_id,
    )


def own_review(user: User, review_id: UUID | str) -> Review:
    """A review the user wrote; Http404 for any other."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Review.objects.filter(author=user).select_related(*_RELATED), public_id=review_id
    )


def review_to_moderate(user: User, review_id: UUID | str) -> Review:
    """Any review, for the moderator only; Http404 for anyone else."""
    if not is_moderator(user):
        raise Http404
    return get_object_or_404(Review.objects.select_related(*_RELATED), public_id=review_id)


def review_of_managed_practice(user: User, practice: Practice, review_id: UUID | str) -> Review:
    """A published review of `practice` (already reached through `practice_managed_by`)."""
    return get_object_or_404(
        Review.objects.filter(practice=practice, status=ReviewStatus.PUBLISHED).select_related(
            *_RELATED
        ),
        public_id=review_id,
    )
