"""A patient's devices that may show reminders as notifications (Web Push).

A row holds what the browser's push service gave us when the patient switched
"Notifications on this device" on: the service's address for this device
(`endpoint`) and the two public keys the message is encrypted with. No health
data; the notifications themselves never hold any either.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PushSubscription(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    # The push service's address for this browser: unique, so a device belongs to one
    # account (the last one that switched notifications on there).
    endpoint = models.CharField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=120)
    auth = models.CharField(max_length=40)
    label = models.CharField(_("device"), max_length=80, blank=True)
    created_at = models.DateTimeField()
    last_success_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.user} on {self.label or self.public_id}"

    def as_subscription_info(self) -> dict[str, object]:
        """The shape the browser's `PushSubscription.toJSON()` has, as pywebpush reads it."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
