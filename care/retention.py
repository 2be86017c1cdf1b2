"""The one deletion path of the access log: entries older than five years go (NEN 7513).

On PostgreSQL a trigger refuses every UPDATE and DELETE of the log (migration 0002). It
lets a DELETE through only when the transaction has set `pijnreset.access_log_retention`
to 'on' (`SET LOCAL`, so it ends with the transaction) AND the row is older than five
years by the database's own clock. So even this path cannot remove a recent entry.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connection, transaction

from care.models import AccessLogEntry

RETENTION_YEARS = 5
RETENTION_SETTING = "pijnreset.access_log_retention"


def cutoff(now: datetime) -> datetime:
    """The moment five years before `now` (29 February falls back to the 28th)."""
    try:
        return now.replace(year=now.year - RETENTION_YEARS)
    except ValueError:
        return now.replace(year=now.year - RETENTION_YEARS, day=28)


def prune_access_log(*, now: datetime) -> int:
    """Delete the entries older than five years; returns how many went."""
    table = AccessLogEntry._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SET LOCAL {RETENTION_SETTING} = 'on'")
        cursor.execute(f"DELETE FROM {table} WHERE at < %s", [cutoff(now)])  # noqa: S608
        return int(cursor.rowcount)
