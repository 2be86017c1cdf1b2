"""Exercise sessions done on the device while offline, sent when the connection returns.

PUT with a client id made on the device: the first PUT stores the session, every
later PUT with the same id answers the stored session (200 both times), so a queue
sent twice, or from two tabs at once, never adds a row (docs/offline.md).
"""

import datetime as dt
import uuid
from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict, StrictBool, StrictInt

from accounts.models import User
from api.auth import patient_auth
from api.errors import ERRORS, field_errors
from api.inputs import PastDate, PastInstant
from exercises import actions
from exercises.catalogue import TIMED
from exercises.errors import SessionInvalid
from exercises.models import MAX_SESSION_SECONDS, ExerciseSession

# The clinical gate comes first (in the authentication), so a non-patient is refused
# with 403 before the body is read.
router = Router(tags=["exercise sessions"], auth=patient_auth)

Rating = Annotated[StrictInt, Field(ge=0, le=10)]
Seconds = Annotated[StrictInt, Field(ge=0, le=MAX_SESSION_SECONDS)]
Phase = Annotated[StrictInt, Field(ge=0, le=10)]
Exercise = Literal["breathing", "pmr", "body_scan"]
assert set(Exercise.__args__) == {key.value for key in TIMED}  # type: ignore[attr-defined]


class SessionIn(Schema):
    """A timed session as it went on the device (the breathing pacer or the guided steps)."""

    model_config = ConfigDict(extra="forbid")

    exercise: Exercise
    version: str = Field(
        "", max_length=10, description='pmr "short"/"long", body_scan "5"/"10"; "" for breathing'
    )
    local_date: PastDate = Field(description="The day on the device; today or 7 days back")
    started_at: PastInstant
    ended_at: PastInstant
    planned_seconds: Seconds = Field(description="Breathing: 60 to 600, whole minutes")
    duration_seconds: Seconds = Field(description="How long was practised, at most planned")
    finished: StrictBool = Field(description="true: the timer ran out; false: stopped early")
    breath_in: Phase | None = Field(None, description="Breathing only: 2-10 seconds")
    breath_hold: Phase | None = Field(None, description="Breathing only: 0-10 seconds")
    breath_out: Phase | None = Field(None, description="Breathing only: 2-10 seconds")
    spoken_cues: StrictBool = False
    sound: StrictBool = False
    feeling_before: Rating | None = None
    feeling_after: Rating | None = None
    felt_dizzy: StrictBool = False


class SessionOut(Schema):
    client_id: uuid.UUID
    exercise: str
    version: str
    local_date: dt.date
    started_at: dt.datetime
    ended_at: dt.datetime | None
    status: str
    planned_seconds: int
    duration_seconds: int | None
    feeling_before: int | None
    feeling_after: int | None
    created: bool = Field(description="true when this request stored it; false for a retry")


def _out(session: ExerciseSession, *, created: bool) -> SessionOut:
    assert session.client_id is not None
    return SessionOut(
        client_id=session.client_id,
        exercise=session.exercise,
        version=session.version,
        local_date=session.local_date,
        started_at=session.started_at,
        ended_at=session.ended_at,
        status=session.status,
        planned_seconds=session.planned_seconds,
        duration_seconds=session.duration_seconds,
        feeling_before=session.feeling_before,
        feeling_after=session.feeling_after,
        created=created,
    )


@router.put("/exercise-sessions/{client_id}", response={200: SessionOut, **ERRORS})
def put_exercise_session(
    request: HttpRequest, client_id: uuid.UUID, payload: SessionIn
) -> Status[object]:
    """Store a session done offline once; the same client id again answers the stored one."""
    patient: User = request.auth  # type: ignore[attr-defined]
    phases = (payload.breath_in, payload.breath_hold, payload.breath_out)
    breath = None
    if any(phase is not None for phase in phases):
        breath = tuple(phase or 0 for phase in phases)
    try:
        session, created = actions.record_done_session(
            patient=patient,
            client_id=client_id,
            exercise=payload.exercise,
            version=payload.version,
            local_date=payload.local_date,
            started_at=payload.started_at,
            ended_at=payload.ended_at,
            planned_seconds=payload.planned_seconds,
            duration_seconds=payload.duration_seconds,
            finished=payload.finished,
            breath=breath,  # type: ignore[arg-type]
            spoken_cues=payload.spoken_cues,
            sound=payload.sound,
            feeling_before=payload.feeling_before,
            feeling_after=payload.feeling_after,
            felt_dizzy=payload.felt_dizzy,
            now=timezone.now(),
        )
    except SessionInvalid as exc:
        return Status(422, field_errors(exc.errors, where={}))
    return Status(200, _out(session, created=created))
