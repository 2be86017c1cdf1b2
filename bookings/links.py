"""E-mailed links: random tokens, stored only as hashes, rate-limited lookups.

A wrong, used or expired token and a token of a changed appointment all look
the same from outside: the lookup answers None and the view shows one
"this link does not work" page.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.core.cache import cache
from django.http import HttpRequest

from bookings.models import Appointment, AppointmentLink

TOKEN_BYTES = 32  # 256 bits; at least 128 are required
LOOKUPS_PER_WINDOW = 20
WINDOW_SECONDS = 10 * 60


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def mint_link(
    *, appointment: Appointment, purpose: str, now: datetime, expires_at: datetime
) -> str:
    """Create a link and return its token (the only time the token exists)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    AppointmentLink.objects.create(
        appointment=appointment,
        purpose=purpose,
        token_hash=hash_token(token),
        created_at=now,
        expires_at=expires_at,
    )
    return token


def find_link(token: str, *, purpose: str, now: datetime) -> AppointmentLink | None:
    """The unused, unexpired link for `token`, with its appointment, or None."""
    if not token or len(token) > 100:
        return None
    return (
        AppointmentLink.objects.select_related(
            "appointment__practice", "appointment__therapist", "appointment__appointment_type"
        )
        .filter(token_hash=hash_token(token), purpose=purpose, used_at__isnull=True)
        .filter(expires_at__gt=now)
        .first()
    )


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def allow_lookup(request: HttpRequest) -> bool:
    """At most LOOKUPS_PER_WINDOW link lookups per address per window (fixed window)."""
    key = f"bookings:link-lookups:{client_address(request)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= LOOKUPS_PER_WINDOW
