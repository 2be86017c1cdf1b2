"""Writes about accounts that every entry point (views, admin, commands) shares."""

from datetime import datetime

from django.db import transaction

from accounts.access import forget_patient_status
from accounts.consent_texts import TEXTS
from accounts.models import Consent, User


def give_consent(*, user: User, purpose: str, now: datetime) -> Consent:
    """Record that `user` consents to `purpose`, with the current text version.

    Transaction: one atomic block; an already active consent for the purpose is
    kept as it is (the partial unique constraint allows only one).
    """
    text = TEXTS[purpose]
    forget_patient_status(user)
    with transaction.atomic():
        existing = Consent.objects.active().filter(user=user, purpose=purpose).first()
        if existing is not None:
            return existing
        return Consent.objects.create(
            user=user, purpose=purpose, text_version=text.version, given_at=now
        )


def withdraw_consent(*, user: User, purpose: str, now: datetime) -> int:
    """Mark the user's active consent for `purpose` withdrawn. Returns rows changed."""
    forget_patient_status(user)
    return Consent.objects.active().filter(user=user, purpose=purpose).update(withdrawn_at=now)


def delete_account(*, user: User) -> None:
    """Erase the user and everything that is theirs (GDPR art. 17), for real.

    Transaction: one atomic block; every model holding the user's personal data
    cascades from the user row. Nothing is soft-deleted.
    """
    with transaction.atomic():
        user.delete()
