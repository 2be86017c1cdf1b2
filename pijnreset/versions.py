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
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar, cast

from django.core.cache import cache
from django.db import models, transaction

PREFIX = "version"

_M = TypeVar("_M", bound=models.Model)
_V = TypeVar("_V")


def _key(name: str) -> str:
    return f"{PREFIX}:{name}"


def current(name: str) -> str:
    version = cache.get(_key(name))
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(_key(name), version, timeout=None):
            version = cache.get(_key(name)) or version
    return str(version)


def kept(key: str, names: Sequence[str], make: Callable[[], _V], ttl: int) -> _V:
    """The value kept under `key` while the versions `names` stand, else `make()`, kept.

    The value is stored with the versions it was made under, so versions and value come
    in one round trip (a key built from the versions would take one more per version).
    A request that made its value from rows older than the versions it read stores it
    under those versions, which a bump has already replaced: the next read makes it anew.
    """
    found = cache.get_many([*(_key(name) for name in names), key])
    standing = tuple(str(found.get(_key(name)) or current(name)) for name in names)
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == standing:
        return cast(_V, entry[1])
    value = make()
    cache.set(key, (standing, value), ttl)
    return value


def bump(name: str) -> None:
    cache.set(_key(name), secrets.token_hex(8), timeout=None)


def bump_now_and_on_commit(name: str) -> None:
    """For a write that may sit in a transaction: a request that read the old rows in
    between keeps them under the in-between version, never under the last one."""
    bump(name)
    transaction.on_commit(lambda: bump(name))


def patient(user_id: int) -> str:
    return f"patient:{user_id}"


CONTENT = "content"


def patient_changed(user_id: int | None) -> None:
    """What Today shows of this patient changed (for writes no save signal announces)."""
    if user_id is not None:
        bump(patient(user_id))


def content_changed() -> None:
    bump(CONTENT)


class WritesBump(models.QuerySet[_M]):
    """A query set whose updates and bulk writes call `written()`.

    Saves and deletes announce themselves by signal; updates and bulk writes of whole
    query sets do not, so a model whose rows are cached under a version uses a query set
    like this one, with `written()` bumping that version.
    """

    def written(self) -> None:
        raise NotImplementedError

    def update(self, **kwargs: Any) -> int:
        count = super().update(**kwargs)
        if count:
            self.written()
        return count

    def bulk_create(self, objs: Iterable[_M], *args: Any, **kwargs: Any) -> list[_M]:
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            self.written()
        return created

    def bulk_update(self, objs: Iterable[_M], *args: Any, **kwargs: Any) -> int:
        count = super().bulk_update(objs, *args, **kwargs)
        if count:
            self.written()
        return count
