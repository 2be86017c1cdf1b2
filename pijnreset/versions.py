"""Version keys in the cache: a cached value is stored under its owner's current version,
and whatever changes the owner's data bumps the version, so the next read misses.

`patient(user_id)` versions a patient's own day (programme/day_state.py); `content()`
versions what every patient sees (lessons, pages, instruments). A version is a random
token, so a version lost from the cache (evicted, restarted) can never bring an old
value back. Without a cache shared by every process the versions of one process
cannot reach another, so callers only cache when `settings.DAY_STATE_CACHE` is on.
"""

from __future__ import annotations

import secrets

from django.core.cache import cache

PREFIX = "version"


def _key(name: str) -> str:
    return f"{PREFIX}:{name}"


def current(name: str) -> str:
    version = cache.get(_key(name))
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(_key(name), version, timeout=None):
            version = cache.get(_key(name)) or version
    return str(version)


def bump(name: str) -> None:
    cache.set(_key(name), secrets.token_hex(8), timeout=None)


def patient(user_id: int) -> str:
    return f"patient:{user_id}"


CONTENT = "content"


def patient_changed(user_id: int | None) -> None:
    """What Today shows of this patient changed (for writes no save signal announces)."""
    if user_id is not None:
        bump(patient(user_id))


def content_changed() -> None:
    bump(CONTENT)
