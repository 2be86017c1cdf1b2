"""Daily check-ins over JSON: the same action as the check-in form.

PUT creates or replaces the day's check-in (idempotent: the same body twice
gives the same state and the same answer, 200). Dates are the patient's local
dates (ISO 8601); today and the 7 days before may be written.
"""

import datetime as dt
from typing import Annotated

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import AfterValidator, ConfigDict, StrictBool, StrictInt, StrictStr

from accounts.access import require_patient
from accounts.models import User
from api.auth import api_auth
from api.errors import ERRORS, field_errors, problem
from api.inputs import PastDate, PastInstant, multiline_ok
from api.rendered import rendered
from assessments.scoring import AreaKey
from diary import actions
from diary.errors import CheckInDateError, CheckInError
from diary.models import CheckIn, CheckInRevision
from diary.values import NOTE_MAX_LENGTH, CheckInValues
from pijnreset import bounds

router = Router(tags=["check-ins"], auth=api_auth)

MAX_RANGE_DAYS = 366
Score = Annotated[StrictInt, Field(ge=0, le=10)]
Area = AreaKey


class CheckInIn(Schema):
    """Scores 0-10; only pain is required. Pain areas are body-map keys, each once."""

    model_config = ConfigDict(extra="forbid")

    pain: Score
    fatigue: Score | None = None
    sleep_quality: Score | None = Field(None, description="0 very badly, 10 very well")
    stress: Score | None = None
    mood: Score | None = Field(None, description="0 very low, 10 very good")
    gut: Score | None = None
    flare: StrictBool = False
    note: Annotated[
        StrictStr,
        Field(
            max_length=NOTE_MAX_LENGTH,
            description="Free text; no control characters but newlines and tabs",
        ),
        AfterValidator(multiline_ok),
    ] = ""
    pain_areas: Annotated[list[Area], Field(max_length=19)] = Field(default_factory=list)
    edited_at: PastInstant | None = Field(
        None,
        description=(
            "When these values were edited on the device (a check-in queued offline), ISO 8601 "
            "with its offset. Newest wins: values edited before the stored ones are kept only in "
            'the history (source "offline") and the stored check-in is answered. A time '
            "after the server's clock counts as now. Leave it out for an edit made now."
        ),
    )


class CheckInOut(Schema):
    date: dt.date
    pain: int
    fatigue: int | None
    sleep_quality: int | None
    stress: int | None
    mood: int | None
    gut: int | None
    flare: bool
    note: str
    pain_areas: list[str]
    updated_at: dt.datetime
    edited_at: dt.datetime = Field(description="When the stored values were edited")
    help_url: str | None = Field(
        None, description="Set when the note mentions wanting to die: the crisis help page."
    )


VALUE_FIELDS = [name for name in CheckInIn.model_fields if name not in ("pain_areas", "edited_at")]


def _out(check_in: CheckIn, *, help_url: str | None) -> dict[str, object]:
    """`CheckInOut` as plain values, in its field order (answered with `api.rendered`).

    Every value is of the type the schema documents (the model's columns and
    `last_edited_at` guarantee it), so ninja's validation would change nothing.
    """
    return {
        "date": check_in.date,
        **{name: getattr(check_in, name) for name in VALUE_FIELDS},
        "pain_areas": list(check_in.pain_areas),
        "updated_at": check_in.updated_at,
        "edited_at": check_in.last_edited_at,
        "help_url": help_url,
    }


def _help_url(check_in: CheckIn, *, offer_help: bool = False) -> str | None:
    """`offer_help`: a note just sent mentions wanting to die, even if it was not stored."""
    return reverse("help") if offer_help or check_in.note_mentions_crisis else None


def _user(request: HttpRequest) -> User:
    """The patient asking (set by api_auth); staff and consentless accounts get 403."""
    return require_patient(request.auth)  # type: ignore[attr-defined]


@router.put("/checkins/{date}", response={200: CheckInOut, **ERRORS})
def put_check_in(
    request: HttpRequest, date: PastDate, payload: CheckInIn
) -> Status[object] | HttpResponse:
    """Create or replace the check-in of one day (your local date); newest wins."""
    values = payload.model_dump(exclude={"edited_at"})
    values["pain_areas"] = tuple(payload.pain_areas)
    try:
        recorded = actions.record_check_in(
            patient=_user(request),
            day=date,
            values=CheckInValues(**values),
            now=timezone.now(),
            source=CheckInRevision.Source.API,
            edited_at=payload.edited_at,
        )
    except CheckInDateError as exc:
        return Status(422, field_errors(exc.errors, where={"date": ("path",)}))
    except CheckInError as exc:
        return Status(422, field_errors(exc.errors, where={}))
    check_in = recorded.check_in
    help_url = _help_url(check_in, offer_help=recorded.offer_help)
    return rendered(request, _out(check_in, help_url=help_url))


@router.get("/checkins/{date}", response={200: CheckInOut, **ERRORS})
def get_check_in(request: HttpRequest, date: PastDate) -> Status[object] | HttpResponse:
    """One day's check-in; 404 when there is none."""
    check_in = CheckIn.objects.of(_user(request)).filter(date=date).first()
    if check_in is None:
        return Status(404, problem(404, _("No check-in on this date."), loc=("path", "date")))
    return rendered(request, _out(check_in, help_url=_help_url(check_in)))


class Period(Schema):
    from_: PastDate | None = Field(
        None, alias="from", description="First date (default: 29 days before 'to'), 1900-2100"
    )
    to: PastDate | None = Field(None, description="Last date (default: today), 1900-2100")


@router.get("/checkins", response={200: list[CheckInOut], **ERRORS})
def list_check_ins(request: HttpRequest, period: Query[Period]) -> Status[object] | HttpResponse:
    """Your check-ins from `from` to `to` (inclusive, at most 366 days), oldest first."""
    user = _user(request)
    last = period.to or user.local_date(timezone.now())
    first = period.from_ or max(last - dt.timedelta(days=29), bounds.PAST_FIRST)
    if first > last:
        wrong_way = {"from": _("'from' must not be after 'to'.")}
        return Status(422, field_errors(wrong_way, where={"from": ("query",)}))
    if (last - first).days >= MAX_RANGE_DAYS:
        too_long = {"to": _("At most %(days)d days at once.") % {"days": MAX_RANGE_DAYS}}
        return Status(422, field_errors(too_long, where={"to": ("query",)}))
    found = CheckIn.objects.of(user).between(first, last).order_by("date")
    help_url = reverse("help")
    return rendered(
        request,
        [
            _out(check_in, help_url=help_url if check_in.note_mentions_crisis else None)
            for check_in in found
        ],
    )
