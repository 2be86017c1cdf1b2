"""Write the access log (NEN 7513): who read which patient's data, when, on whose
responsibility, and whether it was allowed. The ONE way entries are written.

Only facts the code decides are stored (the action, the scope words, names and roles):
never anything from the request, so no password, token or session id can get in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Case, CharField, DateTimeField, IntegerField, Value, When
from django.db.models.functions import Concat, Left, Trim

from care.models import SCOPES, AccessLogEntry, Outcome, Share


def _actor_fields(actor: Any) -> dict[str, Any]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_name": "anonymous", "actor_role": "anonymous"}
    return {
        "actor": actor,
        "actor_name": (actor.display_name or actor.email)[:200],
        "actor_role": actor.role,
    }


def _entry(
    *,
    actor: Any,
    share: Share | None,
    patient_id: int | None,
    action: str,
    outcome: str,
    now: datetime,
) -> AccessLogEntry:
    practice = share.practice if share is not None else None
    return AccessLogEntry(
        at=now,
        patient_id=patient_id,
        practice=practice,
        responsible=practice.name[:200] if practice is not None else "",
        action=action,
        scope=" ".join(share.scope_keys()) if share is not None else "",
        outcome=outcome,
        share_public_id=share.public_id if share is not None else None,
        **_actor_fields(actor),
    )


def record_access(
    *,
    actor: Any,
    action: str,
    now: datetime,
    share: Share | None = None,
    patient: Any = None,
    allowed: bool = True,
) -> AccessLogEntry:
    """One entry: `actor` did `action` on the data of `patient` (or share.patient)."""
    patient_id = patient.pk if patient is not None else None
    if patient_id is None and share is not None:
        patient_id = share.patient_id
    outcome = Outcome.ALLOWED if allowed else Outcome.DENIED
    entry = _entry(
        actor=actor, share=share, patient_id=patient_id, action=action, outcome=outcome, now=now
    )
    entry.save()
    return entry


def _scope_words() -> Trim:
    """The share's scope as words ("check_ins questionnaires"), computed by the database."""
    parts = [
        Case(When(**{name: True}, then=Value(f"{name} ")), default=Value("")) for name in SCOPES
    ]
    return Trim(Concat(*parts, output_field=CharField()))


def record_accesses(*, actor: Any, action: str, now: datetime, share_ids: list[int]) -> int:
    """One allowed entry per share, in ONE statement (the caseload overview's rows).

    INSERT ... SELECT from the shares: a fixed handful of parameters plus the ids, so it
    stays one statement for hundreds of rows on every database (a bulk_create would be
    split into batches by SQLite's parameter limit).
    """
    if not share_ids:
        return 0
    who = _actor_fields(actor)
    rows = Share.objects.filter(pk__in=share_ids).values_list(
        Value(now, output_field=DateTimeField()),
        "patient_id",
        Value(who["actor"].pk if who["actor"] else None, output_field=IntegerField()),
        Value(who["actor_name"], output_field=CharField()),
        Value(who["actor_role"], output_field=CharField()),
        "practice_id",
        Left("practice__name", 200),
        Value(action, output_field=CharField()),
        _scope_words(),
        Value(Outcome.ALLOWED, output_field=CharField()),
        "public_id",
    )
    select, params = rows.query.sql_with_params()
    columns = ", ".join(
        connection.ops.quote_name(name)
        for name in (
            "at",
            "patient_id",
            "actor_id",
            "actor_name",
            "actor_role",
            "practice_id",
            "responsible",
            "action",
            "scope",
            "outcome",
            "share_public_id",
        )
    )
    table = connection.ops.quote_name(AccessLogEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {select}", params)  # noqa: S608
        return len(share_ids)
