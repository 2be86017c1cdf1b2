"""Switching notifications on and off per device, and sending one reminder to every device."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from django.conf import settings

from accounts.access import require_patient
from push import delivery
from push.endpoints import device_label, endpoint_allowed, keys_valid
from push.errors import EndpointRefused, KeysInvalid, PushUnavailable
from push.models import PushSubscription

if TYPE_CHECKING:
    from accounts.models import User


def subscribe_device(
    *, user: User, endpoint: str, p256dh: str, auth: str, user_agent: str, now: datetime
) -> tuple[PushSubscription, bool]:
    """Switch notifications on for one device. Returns (the row, whether it is new).

    Idempotent: the same endpoint again updates its keys. An endpoint another
    account switched on before (a shared browser) moves to this account, so a
    device only ever shows the reminders of whoever switched it on last.
    Transaction: Django's update_or_create (row lock, then update or insert); a
    concurrent insert of the same endpoint loses on the unique index and is read
    back and updated (push/tests/test_concurrency.py).
    """
    require_patient(user)
    if not delivery.push_enabled():
        raise PushUnavailable()
    if not endpoint_allowed(endpoint, settings.WEB_PUSH_SERVICES):
        raise EndpointRefused()
    if not keys_valid(p256dh, auth):
        raise KeysInvalid()
    values = {"user": user, "p256dh": p256dh, "auth": auth, "label": device_label(user_agent)}
    return PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults=values, create_defaults={**values, "created_at": now}
    )


def unsubscribe_device(*, user: User, endpoint: str = "", public_id: UUID | None = None) -> int:
    """Switch notifications off for one of the user's devices (by its endpoint, from the
    browser, or its public id, from the list). Returns rows deleted: 0 when it was off."""
    require_patient(user)
    found = PushSubscription.objects.filter(user=user)
    if public_id is not None:
        found = found.filter(public_id=public_id)
    elif endpoint:
        found = found.filter(endpoint=endpoint)
    else:
        return 0
    deleted, _by_model = found.delete()
    return deleted


def notify(*, user: User, notification: delivery.Notification, now: datetime) -> int:
    """Send one notification to each device of `user`; returns how many took it.

    Called by the reminder tasks after their reminder was claimed, so each
    reminder reaches each device once; 0 means the caller sends the e-mail
    instead. A device whose push service answers 404 or 410 is gone: its row is
    deleted. The network calls run outside any transaction.
    """
    if not delivery.push_enabled():
        return 0
    delivered = 0
    for subscription in list(PushSubscription.objects.filter(user=user)):
        outcome = delivery.send(subscription.as_subscription_info(), notification)
        if outcome is delivery.Outcome.DELIVERED:
            delivered += 1
            PushSubscription.objects.filter(pk=subscription.pk).update(last_success_at=now)
        elif outcome is delivery.Outcome.GONE:
            PushSubscription.objects.filter(pk=subscription.pk).delete()
    return delivered
