from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """After log-in, continue in the language the user chose."""
        language = getattr(request.user, "preferred_language", None) or "nl"
        with translation.override(language):
            return reverse("accounts:profile")
