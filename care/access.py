"""What a therapist may see of a patient: one helper for every care view.

A therapist sees a patient only through an ACTIVE share (not stopped, today inside its
period, the patient's health-data consent still active) made with them, or with a
practice they work at when the patient chose the whole practice; and only the scope of
that share. Anyone else, and any other id, gets Http404, exactly as an id that does not
exist, and the attempt is written to the access log as denied.

Before any patient data, staff must have set up two-factor authentication
(`staff_required`): without it they are sent to set it up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import TYPE_CHECKING, Any
from uuid import UUID

from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect

from accounts.models import Consent, Role
from care.log import record_access
from care.models import Share, ShareQuerySet
from practices.models import Therapist

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse
    from django.http.response import HttpResponseBase

STAFF_ROLES = (Role.THERAPIST, Role.PRACTICE_MANAGER, Role.NETWORK_OPERATOR)
_MFA_CACHE = "_pijnreset_has_mfa"


SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def has_second_factor(user: Any) -> bool:
    """The user has set up an authenticator app (TOTP) or a passkey / security key
    (WebAuthn): remembered for the request. Recovery codes alone are only a fallback."""
    cached = getattr(user, _MFA_CACHE, None)
    if cached is None:
        cached = Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()
        setattr(user, _MFA_CACHE, cached)
    return bool(cached)


def _health_consent_active() -> Exists:
    return Exists(
        Consent.objects.active().filter(
            user=OuterRef("patient"), purpose=Consent.Purpose.HEALTH_DATA
        )
    )


def visible_shares(user: Any, today: date) -> ShareQuerySet:
    """The active shares whose data `user` (a therapist) may see today."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.THERAPIST:
        return Share.objects.none()
    works_at = Therapist.practices.through.objects.filter(therapist__user=user).values(
        "practice_id"
    )
    return (
        Share.objects.active(today)
        .filter(
            Q(whole_practice=False, therapist__user=user)
            | Q(whole_practice=True, practice_id__in=works_at)
        )
        .filter(_health_consent_active())
        .filter(patient__is_active=True)
    )


def share_for(user: Any, share_id: UUID | str, *, action: str, now: datetime) -> Share:
    """The share `user` may see (patient, practice and therapist loaded); Http404 else.

    A refusal is logged as denied, with the patient when the id is a real share.
    """
    today = user.local_date(now) if getattr(user, "is_authenticated", False) else now.date()
    share = (
        visible_shares(user, today)
        .select_related("patient", "practice", "therapist")
        .filter(public_id=share_id)
        .first()
    )
    if share is None:
        patient_id = Share.objects.filter(public_id=share_id).values_list("patient_id", flat=True)
        record_access(
            actor=user,
            action=action,
            now=now,
            patient=_PatientRef(patient_id.first()),
            allowed=False,
        )
        raise Http404
    return share


class _PatientRef:
    """A patient known only by primary key (or None): enough for a log entry."""

    def __init__(self, pk: int | None) -> None:
        self.pk = pk


def staff_refusal(user: Any) -> str | None:
    """Why `user` may not open the care pages: "login", "not_found", "second_factor"."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return "login"
    if user.role != Role.THERAPIST:
        return "not_found"
    if not has_second_factor(user):
        return "second_factor"
    return None


def therapist_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a care view for therapists: log-in first, then two-factor, else 404.

    Patients, managers and operators get 404 (the page does not exist for them); a
    therapist without a second factor is sent to set one up first.
    """

    @wraps(view)
    def gated(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refusal = staff_refusal(request.user)
        if refusal == "second_factor":
            return redirect("care_staff:second_factor")
        if refusal is not None:
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(gated)


def operator_required(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """The network operator's pages (audit export, network outcomes): 404 for anyone
    else; the operator needs a second factor too."""

    @wraps(view)
    def gated(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user: Any = request.user
        if user.role != Role.NETWORK_OPERATOR and not user.is_superuser:
            raise Http404
        if not has_second_factor(user):
            return redirect("care_staff:second_factor")
        return view(request, *args, **kwargs)

    return login_required(gated)
