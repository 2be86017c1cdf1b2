"""Background work (django-tasks): the review e-mails, each sent at most once.

The invitation's e-mail is claimed with a conditional UPDATE (`sent_at IS
NULL`), so two runs never send it twice; the token is minted then, and only
its hash is stored.
"""

from __future__ import annotations

import secrets

from django.utils import timezone
from django_tasks import task

from bookings.models import Status
from reviews import access, notifications
from reviews.models import Review, ReviewInvitation

TOKEN_BYTES = 32


@task()
def send_invitation(invitation_id: int) -> None:
    now = timezone.now()
    if not ReviewInvitation.objects.filter(pk=invitation_id, sent_at__isnull=True).update(
        sent_at=now
    ):
        return
    invitation = ReviewInvitation.objects.select_related(
        "appointment__practice", "appointment__therapist", "appointment__patient"
    ).get(pk=invitation_id)
    if invitation.appointment.status != Status.COMPLETED:
        return
    token = secrets.token_urlsafe(TOKEN_BYTES)
    ReviewInvitation.objects.filter(pk=invitation_id).update(token_hash=access.hash_token(token))
    notifications.invitation_message(invitation, token).send()


@task()
def send_rejection(review_id: int) -> None:
    review = (
        Review.objects.select_related("appointment__patient", "practice")
        .filter(pk=review_id)
        .first()
    )
    if review is None or not review.reject_reason or not review.appointment.patient_email:
        return
    notifications.rejection_message(review).send()
