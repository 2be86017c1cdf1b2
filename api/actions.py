"""Writes about personal access tokens, shared by the settings page and tests."""

from dataclasses import dataclass
from datetime import datetime

from accounts.models import User
from api.models import PersonalAccessToken, hash_token, new_token

MAX_ACTIVE_TOKENS = 10


class TooManyTokens(Exception):
    pass


@dataclass(frozen=True)
class IssuedToken:
    token: PersonalAccessToken
    secret: str  # shown once, never stored


def create_access_token(*, user: User, name: str, now: datetime) -> IssuedToken:
    """Make a new token for `user`; only its SHA-256 hash is stored.

    At most 10 active tokens per user (TooManyTokens). One INSERT, no other writes.
    """
    if PersonalAccessToken.objects.active().filter(user=user).count() >= MAX_ACTIVE_TOKENS:
        raise TooManyTokens()
    secret = new_token()
    token = PersonalAccessToken.objects.create(
        user=user,
        name=name.strip(),
        token_hash=hash_token(secret),
        hint=secret[:7],
        created_at=now,
    )
    return IssuedToken(token=token, secret=secret)


def revoke_access_token(*, token: PersonalAccessToken, now: datetime) -> int:
    """Revoke a token for good (a conditional UPDATE; revoking twice changes nothing)."""
    return PersonalAccessToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=now
    )
