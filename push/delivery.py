"""Sending one encrypted Web Push message to one device (pywebpush).

The message is encrypted for the device (RFC 8291, content encoding
aes128gcm) and signed with our VAPID key (RFC 8292), so the push service
can neither read it nor accept it from anyone else.
"""

from __future__ import annotations

import enum
import functools
import json
import logging
from dataclasses import dataclass

import requests
from django.conf import settings
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

log = logging.getLogger("pijnreset.push")

# How long a push service may wait for us to answer before we count it as failed.
TIMEOUT_SECONDS = 10


def push_enabled() -> bool:
    """Push is offered only when the VAPID keys and subject are configured."""
    return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY and settings.VAPID_SUBJECT)


@functools.cache
def _vapid(private_key: str) -> Vapid:
    return Vapid.from_string(private_key=private_key)


@dataclass(frozen=True)
class Notification:
    """What the device shows: one short line without health details, and the page to open."""

    title: str
    url: str  # a path on this site
    tag: str  # a newer notification with the same tag replaces the older one
    ttl: int  # seconds the push service may keep it for a device that is offline

    def payload(self) -> str:
        return json.dumps({"title": self.title, "url": self.url, "tag": self.tag})


class Outcome(enum.Enum):
    DELIVERED = "delivered"
    GONE = "gone"  # 404/410: the device unsubscribed or the subscription expired
    FAILED = "failed"  # anything else: try e-mail this time, keep the device


def send(subscription_info: dict[str, object], notification: Notification) -> Outcome:
    """Post one notification to one device's push service; never raises for its answer."""
    try:
        webpush(
            subscription_info=subscription_info,
            data=notification.payload(),
            vapid_private_key=_vapid(settings.VAPID_PRIVATE_KEY),
            # A fresh dict each time: pywebpush writes the audience and expiry into it.
            vapid_claims={"sub": settings.VAPID_SUBJECT},
            content_encoding="aes128gcm",
            ttl=notification.ttl,
            timeout=TIMEOUT_SECONDS,
        )
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        if status in (404, 410):
            return Outcome.GONE
        log.warning("push refused", extra={"event": "push_failed", "status": status})
        return Outcome.FAILED
    except (requests.RequestException, ValueError, TypeError) as error:
        log.warning("push failed", extra={"event": "push_failed", "error": type(error).__name__})
        return Outcome.FAILED
    return Outcome.DELIVERED
