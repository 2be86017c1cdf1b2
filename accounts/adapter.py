from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from accounts.access import has_health_data_consent
from accounts.models import Role
from pijnreset import ratelimit

PRODUCT_NAME = "pijnreset"

# Where each role lands after log-in and after e-mail verification: its own work.
# A patient lands on Today (a new patient finds "Start the programme" there);
# staff have no patient programme.
LANDING = {
    Role.PATIENT: "programme:today",
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

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        """Right after sign-up (when allauth logs in at once): the same landing as log-in."""
        if request.user.is_authenticated:
            return self.get_login_redirect_url(request)
        return super().get_signup_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's account e-mails, with our name and public address for the templates
        in pijnreset/templates/account/email/ (never the Sites record's "example.com")."""
        context = {**context, "product_name": PRODUCT_NAME, "site_url": settings.SITE_URL}
        super().send_mail(template_prefix, email, context)

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
    """The URL name a user starts on: a patient Today, staff their own work.

    A patient without health-data consent starts on their account, where they can
    give it: Today would only refuse them.
    """
    role = getattr(user, "role", Role.PATIENT)
    if role == Role.PATIENT:
        if not has_health_data_consent(user):
            return "accounts:profile"
    if role == Role.THERAPIST:
        from practices.models import Practice

        if not Practice.objects.staffed_by(user).exists():  # no agenda yet: nothing to show
            return "accounts:profile"
    return LANDING.get(role, "accounts:profile")
