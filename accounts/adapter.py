from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from pijnreset import ratelimit


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """After log-in, continue in the language the user chose."""
        language = getattr(request.user, "preferred_language", None) or "nl"
        with translation.override(language):
            return reverse("accounts:profile")

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """allauth's failed-log-in limit (per client address and per e-mail address): a
        refusal gets a security log line, and the log-in page answers 429 (accounts.views)."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            ratelimit.log_refusal(request, action="login_failed", limit="allauth")
            request.rate_limited = True  # type: ignore[attr-defined]
            raise
