"""One gate for clinical data: who may have a patient programme.

A patient, for the product, is an active account with the patient role and an
active health-data consent (GDPR art. 9(2)(a)). Every action that reads or
writes a patient's own health data calls `require_patient` first, so the HTML
views, the API and management commands get the same answer. Entry points only
translate the refusal: `pijnreset.middleware.ClinicalAccessMiddleware` renders
an explaining page (HTML), the API answers 403 with the message.

The consent lookup is remembered on the user object for the rest of the
request; `forget_patient_status` drops it (the consent actions call it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import Consent, Role

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse
    from django.utils.functional import Promise

    from accounts.models import User

_CACHE_ATTRIBUTE = "_pijnreset_health_consent"


class ClinicalAccessDenied(Exception):
    """This account may not read or write patient health data (yet)."""

    reason = "denied"
    message: Promise = _("This part is only for patients of the programme.")

    def __init__(self) -> None:
        super().__init__(str(self.message))


class NotSignedIn(ClinicalAccessDenied):
    reason = "anonymous"
    message = _("Please log in to use this part of the programme.")


class NotAPatient(ClinicalAccessDenied):
    """Staff accounts (therapist, manager, operator) have no patient programme."""

    reason = "not_patient"
    message = _(
        "This part is for patients. Your account is a staff account, so it has no "
        "programme, check-ins or questionnaires of its own."
    )


class ConsentMissing(ClinicalAccessDenied):
    reason = "no_consent"
    message = _(
        "You have not given (or have withdrawn) your consent for processing your health "
        "data, so the programme saves and shows nothing. You can give consent again on "
        "your account page."
    )


def _health_data_consents() -> QuerySet[Consent]:
    return Consent.objects.active().filter(purpose=Consent.Purpose.HEALTH_DATA)


def has_health_data_consent(user: User) -> bool:
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _health_data_consents().filter(user=user).exists()
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return bool(cached)


def health_data_consent_of(user: OuterRef) -> Exists:
    """The same consent question as a subquery, to ask it with the query that loads the
    user (`annotate(consented=health_data_consent_of(OuterRef("user")))`)."""
    return Exists(_health_data_consents().filter(user=user))


def remember_health_data_consent(user: User, consented: bool) -> None:
    """The answer of `health_data_consent_of`, asked in this request, for the request."""
    setattr(user, _CACHE_ATTRIBUTE, consented)


def forget_patient_status(user: Any) -> None:
    """Drop the remembered consent answer (after giving or withdrawing consent)."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def patient_refusal(user: Any) -> ClinicalAccessDenied | None:
    """Why `user` may not use the patient programme, or None when they may."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return NotSignedIn()
    if user.role != Role.PATIENT:
        return NotAPatient()
    if not has_health_data_consent(user):
        return ConsentMissing()
    return None


def is_patient(user: Any) -> bool:
    return patient_refusal(user) is None


def require_patient(user: Any) -> User:
    """Return `user` when they may use the programme; raise the refusal otherwise."""
    refusal = patient_refusal(user)
    if refusal is not None:
        raise refusal
    return user  # type: ignore[no-any-return]


def patient_required(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Decorate an HTML view that reads or writes the user's own health data.

    An anonymous visitor goes to the log-in page (as with `login_required`);
    anyone else who is not a patient gets the refusal raised, which
    `pijnreset.middleware.ClinicalAccessMiddleware` turns into an explaining
    page (403). Writes are checked again inside their actions.
    """

    @wraps(view)
    def gated(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_patient(request.user)
        return view(request, *args, **kwargs)

    return login_required(gated)
