"""Write the access log (NEN 7513): who read which patient's data, when, on whose
responsibility, and whether it was allowed. The ONE way entries are written.

Only facts the code decides are stored (the action, the scope words, names and roles):
never anything from the request, so no password, token or session id can get in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from care.models import AccessLogEntry, Outcome

if TYPE_CHECKING:
    from care.models import Share


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
        scope=", ".join(share.scope_keys()) if share is not None else "",
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


def record_accesses(*, actor: Any, action: str, now: datetime, shares: Iterable[Share]) -> int:
    """One allowed entry per share, in one INSERT (the caseload overview's rows)."""
    entries = [
        _entry(
            actor=actor,
            share=share,
            patient_id=share.patient_id,
            action=action,
            outcome=Outcome.ALLOWED,
            now=now,
        )
        for share in shares
    ]
    AccessLogEntry.objects.bulk_create(entries)
    return len(entries)
