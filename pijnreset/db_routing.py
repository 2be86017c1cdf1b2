"""Heavy read-only work (reports, network outcomes, exports) on a read replica.

With `DATABASE_REPLICA_URL` set, settings add a database alias "replica". Code that
does a heavy read wraps it in `heavy_reads()`; inside, the router sends reads to the
replica. Everything else (all writes, and every ordinary read, which must see the
patient's own write at once) stays on the primary. Without a replica the wrapper
changes nothing.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings

REPLICA = "replica"
_heavy: ContextVar[bool] = ContextVar("heavy_reads", default=False)


@contextmanager
def heavy_reads() -> Iterator[None]:
    token = _heavy.set(True)
    try:
        yield
    finally:
        _heavy.reset(token)


def reading_heavily() -> bool:
    """Inside `heavy_reads()` (tests use it to see that a call site is wrapped)."""
    return _heavy.get()


@contextmanager
def heavy_reads_if(heavy: bool) -> Iterator[None]:
    """`heavy_reads()` when the read is large (a long period), else nothing changes."""
    if not heavy:
        yield
        return
    with heavy_reads():
        yield


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if _heavy.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None  # the default database

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA  # the replica follows the primary's schema
