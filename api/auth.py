"""How the API knows who is asking: a personal access token or the browser session.

Reuse the list on any router or endpoint: `Router(auth=api_auth)`. Ninja tries
each in turn:

- `TokenAuth`: `Authorization: Bearer <token>`, a personal access token the
  user made on their settings page (only its SHA-256 hash is stored).
- `SessionAuthWithCsrf`: Django's session cookie; for unsafe methods (PUT,
  POST, PATCH, DELETE) the CSRF token must come along (`X-CSRFToken` header),
  exactly as for a form.

Both set `request.user` and `request.auth` to the user. Without either the
answer is 401; a logged-in session without the CSRF token gets 403.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import OuterRef
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from accounts.access import (
    health_data_consent_of,
    remember_health_data_consent,
    require_patient,
)
from api.models import PersonalAccessToken, hash_token

# Record "last used" at most this often, so reading the API costs no write per request.
LAST_USED_PRECISION = timedelta(minutes=1)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if not token or len(token) > 200:
            return None
        found = (
            PersonalAccessToken.objects.active()
            .filter(token_hash=hash_token(token), user__is_active=True)
            .select_related("user")
            # The clinical gate's consent question in the same query (asked per request).
            .annotate(consented=health_data_consent_of(OuterRef("user")))
            .first()
        )
        if found is None:
            return None
        remember_health_data_consent(found.user, found.consented)
        now = timezone.now()
        if found.last_used_at is None or found.last_used_at < now - LAST_USED_PRECISION:
            PersonalAccessToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class SessionAuthWithCsrf(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        # The CSRF check comes after we know there is a logged-in session (below),
        # so a request without any credentials gets a plain 401.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, gettext("CSRF check failed: send the X-CSRFToken header."))
        return user


api_auth = [TokenAuth(), SessionAuthWithCsrf()]


class PatientTokenAuth(TokenAuth):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = super().authenticate(request, token)
        return None if user is None else require_patient(user)


class PatientSessionAuthWithCsrf(SessionAuthWithCsrf):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return None if user is None else require_patient(user)


# The same, with the clinical gate (accounts/access.py) as part of knowing who asks: a
# staff account or a patient without consent gets 403 before the body is even read, so
# a wrong body never tells a non-patient more than "not for you".
patient_auth = [PatientTokenAuth(), PatientSessionAuthWithCsrf()]
