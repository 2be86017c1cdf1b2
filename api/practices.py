"""The practice finder and free slots over JSON (public, no log-in needed).

Times are aware ISO 8601 and answered in UTC; slots are generated on the
practice's own clock (Europe/Amsterdam by default).
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from api.errors import ERRORS, field_errors, problem
from api.inputs import BOOKING_WINDOW, BookingInstant, Text
from bookings import availability
from bookings.models import Kind
from practices import finder
from practices.models import Language, Practice, Service, Specialisation

router = Router(tags=["practices"])

MAX_SLOT_RANGE = dt.timedelta(days=31)


class PracticeOut(Schema):
    id: UUID = Field(description="Random and stable: the practice's public id")
    name: str
    place: str
    distance_km: float | None = Field(
        description="From the searched place or location; null without one"
    )
    services: list[str] = Field(description="in_person, at_home, phone, video")
    url: str


class PracticeSearch(Schema):
    q: Text | None = Field(
        None, max_length=80, description="Dutch place name or a practice's postcode"
    )
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    radius_km: float = Field(finder.DEFAULT_RADIUS_KM, gt=0, le=finder.MAX_RADIUS_KM)
    remote: bool = Field(
        False, description="Only practices with therapists who help by phone or video"
    )
    service: Service | None = None
    specialisation: Specialisation | None = None
    language: Language | None = None
    wheelchair: bool = False
    evening: bool = Field(False, description="Open after 18:00 on some day")
    limit: int = Field(finder.DEFAULT_LIMIT, ge=1, le=100)


def _practice_out(found: finder.Found) -> PracticeOut:
    practice = found.practice
    return PracticeOut(
        id=practice.public_id,
        name=practice.name,
        place=practice.place,
        distance_km=found.distance_km,
        services=list(practice.services),
        url=practice.get_absolute_url(),
    )


@router.get("/practices", response={200: list[PracticeOut], **ERRORS})
def search_practices(request: HttpRequest, search: Query[PracticeSearch]):  # type: ignore[no-untyped-def]
    """Practices nearest first: by place or postcode (`q`), by `lat` and `lon`, or `remote=true`."""
    if search.q:
        try:
            origin: finder.Origin | None = finder.origin_from_text(search.q)
        except finder.UnknownPlace as error:
            return Status(404, problem(404, str(error.message), loc=("query", "q")))
    elif search.lat is not None and search.lon is not None:
        origin = finder.origin_from_coordinates(search.lat, search.lon)
    elif search.remote:
        origin = None
    else:
        message = "Give q, or lat and lon, or remote=true."
        return Status(422, field_errors({"q": message}, where={"q": ("query",)}))
    filters = finder.Filters(
        service=search.service or "",
        specialisation=search.specialisation or "",
        language=search.language or "",
        wheelchair=search.wheelchair,
        evening=search.evening,
        remote=search.remote,
    )
    result = finder.search(
        origin=origin, filters=filters, radius_km=search.radius_km, limit=search.limit
    )
    return Status(200, [_practice_out(found) for found in result.found])


class SlotOut(Schema):
    therapist: UUID
    therapist_name: str
    start: dt.datetime
    end: dt.datetime


class SlotSearch(Schema):
    from_: BookingInstant | None = Field(
        None, alias="from", description=f"Aware ISO 8601, {BOOKING_WINDOW}; default now"
    )
    to: BookingInstant | None = Field(
        None, description=f"Aware ISO 8601, {BOOKING_WINDOW}; default 7 days after from"
    )
    kind: Kind | None = Field(
        None, description="in_person, phone or video; default the first possible"
    )
    type: Text | None = Field(None, max_length=40, description="Appointment type code, e.g. intake")


def _naive(**values: dt.datetime | None) -> dict[str, str]:
    return {
        name: f"'{name}' needs a time zone, e.g. 2026-03-02T09:00:00Z."
        for name, value in values.items()
        if value is not None and (value.tzinfo is None or value.utcoffset() is None)
    }


QUERY: dict[str, tuple[str, ...]] = {name: ("query",) for name in ("from", "to", "type", "kind")}


@router.get(
    "/practices/{practice_id}/slots",
    response={200: list[SlotOut], **ERRORS},
)
def list_slots(request: HttpRequest, practice_id: UUID, search: Query[SlotSearch]):  # type: ignore[no-untyped-def]
    """Free slots of every therapist at the practice, for one type and kind, sorted by start."""
    practice = get_object_or_404(Practice.objects.listed(), public_id=practice_id)
    problems = _naive(**{"from": search.from_, "to": search.to})
    if problems:
        return Status(422, field_errors(problems, where=QUERY))
    now = timezone.now()
    start = search.from_ or now
    end = search.to or start + dt.timedelta(days=7)
    if end <= start or end - start > MAX_SLOT_RANGE:
        message = "'to' must be after 'from', at most 31 days later."
        return Status(422, field_errors({"to": message}, where=QUERY))
    types = list(practice.appointment_types.filter(is_active=True))
    appointment_type = (
        next((t for t in types if t.slug == search.type), None)
        if search.type
        else (types[0] if types else None)
    )
    if appointment_type is None:
        return Status(
            404, problem(404, "This practice has no such appointment type.", loc=("query", "type"))
        )
    kind = search.kind or next((k for k in appointment_type.kinds if practice.offers(k)), None)
    if kind is None or not practice.offers(kind) or not appointment_type.allows(kind):
        message = "This practice does not offer this type in this way."
        return Status(422, field_errors({"kind": message}, where=QUERY))
    offered = availability.free_slots(
        practice=practice,
        appointment_type=appointment_type,
        kind=kind,
        window_start=start,
        window_end=end,
        now=now,
    )
    return Status(
        200,
        [
            SlotOut(
                therapist=s.therapist.public_id,
                therapist_name=s.therapist.name,
                start=s.start,
                end=s.end,
            )
            for s in offered
        ],
    )
