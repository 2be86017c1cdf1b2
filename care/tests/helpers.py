"""Test helpers for the care app: practices, a second factor, shares, appointments."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time
from datetime import datetime, timedelta
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.utils import timezone

from accounts.models import User
from bookings.models import Appointment, AppointmentType, Status
from care import actions
from practices.models import Practice, Therapist

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def give_second_factor(user: User, secret: str = TOTP_SECRET) -> Authenticator:
    return Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)}
    )


def totp_code(secret: str = TOTP_SECRET, at: float | None = None) -> str:
    """The current 6-digit code (RFC 6238), computed as an authenticator app does."""
    counter = int((at if at is not None else time.time()) // 30)
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**6:06d}"


def share(patient: User, therapist: Therapist, now: datetime | None = None, **scope: bool) -> Any:
    return actions.share_with_therapist(
        patient=patient,
        therapist=therapist,
        scope=actions.Scope(**scope),
        ends_on=None,
        now=now or timezone.now(),
    )


def appointment(patient: User, therapist: Therapist, practice: Practice, start: datetime) -> Any:
    kind, _ = AppointmentType.objects.get_or_create(
        practice=practice,
        slug="vervolg",
        defaults={"name_nl": "Vervolg", "name_en": "Follow-up", "duration_minutes": 30},
    )
    end = start + timedelta(minutes=30)
    return Appointment.objects.create(
        practice=practice,
        therapist=therapist,
        appointment_type=kind,
        kind="in_person",
        start=start,
        end=end,
        busy_until=end,
        status=Status.CONFIRMED,
        patient=patient,
        created_at=start - timedelta(days=3),
        scheduled_at=start - timedelta(days=3),
    )
