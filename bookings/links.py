"""E-mailed links: random tokens, stored only as hashes, wrong guesses rate-limited.

A wrong, used or expired token and a token of a changed appointment all look
the same from outside: the lookup answers None and the view shows one
"this link does not work" page. Only such failed lookups count towards the
"link_guess" limits (per client address and per token prefix): a working
link always works, even for a client that is refused for its wrong guesses.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.http import HttpRequest

from bookings.models import Appointment, AppointmentLink
from pijnreset import ratelimit

TOKEN_BYTES = 32  # 256 bits; at least 128 are required
PREFIX_LENGTH = 8  # guesses at one link (variations of a damaged one) share a counter


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


def count_wrong_guess(request: HttpRequest, token: str) -> ratelimit.Refusal | None:
    """Count a token that found no link; a Refusal once this client or prefix guessed too often."""
    return ratelimit.hit(request, "link_guess", subjects={"prefix": token[:PREFIX_LENGTH]})
