"""The patient's own access log (NEN 7513): who looked at my data, newest first."""

import datetime as dt

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from accounts.access import require_patient
from api.auth import api_auth
from api.errors import ERRORS
from care.models import AccessLogEntry

router = Router(tags=["access log"], auth=api_auth)


class AccessLogOut(Schema):
    at: dt.datetime = Field(..., description="When")
    who: str = Field(..., description="The person's name as it was at the time")
    role: str = Field(..., description="therapist, practice_manager or network_operator")
    practice: str = Field(..., description="On whose responsibility: the practice")
    what: str = Field(..., description="What happened, e.g. detail, summary, dashboard_row")
    scope: list[str] = Field(..., description="Which data the share allowed")


class Page(Schema):
    limit: int = Field(100, ge=1, le=500, description="At most this many entries (1-500)")


@router.get("/me/access-log", response={200: list[AccessLogOut], **ERRORS})
def my_access_log(request: HttpRequest, page: Query[Page]) -> Status[object]:
    """Every read of your data by someone else, newest first."""
    patient = require_patient(request.auth)  # type: ignore[attr-defined]
    entries = AccessLogEntry.objects.of_patient(patient)[: page.limit]
    return Status(
        200,
        [
            AccessLogOut(
                at=entry.at,
                who=entry.actor_name,
                role=entry.actor_role,
                practice=entry.responsible,
                what=entry.action,
                scope=entry.scope.split(),
            )
            for entry in entries
        ],
    )
