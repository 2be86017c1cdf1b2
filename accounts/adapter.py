from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from pijnreset import ratelimit

# Where each role lands after log-in: its own work. Staff have no patient programme.
LANDING = {
    Role.PATIENT: "accounts:profile",
    Role.THERAPIST: "bookings:agenda_home",
    Role.PRACTICE_MANAGER: "practices:manage",
    Role.NETWORK_OPERATOR: "practices:manage",
}


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """After log-in, continue on the user's own work, in the language they chose."""
        user = request.user
        language = getattr(user, "preferred_language", None) or "nl"
        with translation.override(language):
            return reverse(landing_page(user))

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """allauth's failed-log-in limit (per client address and per e-mail address): a
        refusal gets a security log line, and the log-in page answers 429 (accounts.views)."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            ratelimit.log_refusal(request, action="login_failed", limit="allauth")
            request.rate_limited = True  # type: ignore[attr-defined]
            raise


def landing_page(user: Any) -> str:
    """The URL name a user starts on: a patient their account, staff their own work."""
    role = getattr(user, "role", Role.PATIENT)
    if role == Role.THERAPIST:
        from practices.models import Practice

        if not Practice.objects.staffed_by(user).exists():  # no agenda yet: nothing to show
            return "accounts:profile"
    return LANDING.get(role, "accounts:profile")
