"""A proof that a person filled in a form, with no third party: a signed, timed, single-use token.

The form carries a hidden token signed with SECRET_KEY and dated when the form
was shown. Sending it back counts only if the form was shown at least
GUEST_FORM_MIN_SECONDS and at most GUEST_FORM_MAX_MINUTES earlier, and only
once (the token's number is remembered in the cache until it would expire).
A script that posts straight away, or replays one token, is refused; a
person who was too quick just sends the form again (it keeps what they typed).
"""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _

SALT = "pijnreset.formproof"


def issue_form_proof() -> str:
    """A fresh token for a form being shown now."""
    return signing.dumps({"n": secrets.token_urlsafe(12), "t": int(time.time())}, salt=SALT)


def form_proof_problem(token: str) -> str | None:
    """None when the token proves a person sent the form; else what to tell them.

    Uses the token up: a second check of the same token fails.
    """
    max_seconds = settings.GUEST_FORM_MAX_MINUTES * 60
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=max_seconds)
        nonce, shown_at = str(payload["n"]), int(payload["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return _(
            "This form was open for a long time or was already sent. Please check your "
            "details and send it again."
        )
    if time.time() - shown_at < settings.GUEST_FORM_MIN_SECONDS:
        return _("That went very fast. Please check your details and send the form again.")
    if not cache.add(f"formproof:{nonce}", 1, timeout=max_seconds + 60):
        return _(
            "This form was open for a long time or was already sent. Please check your "
            "details and send it again."
        )
    return None
