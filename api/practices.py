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
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema, Status

from api.errors import ERRORS, field_errors, problem
from api.inputs import BOOKING_WINDOW, BookingInstant, Text
from bookings import availability, requests
from bookings.first_free import Wait, first_free_by_kind, waits
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
    direct_access: bool = Field(
        description="Patients can come without a referral (directe toegankelijkheid)"
    )
    insurers: list[str] = Field(description="Insurers the practice has a contract with (codes)")
    first_free_slot: dt.datetime | None = Field(
        description="The first free start (ISO 8601, UTC) of what the practice's page shows "
        "first (its first way and appointment type), at most 8 weeks ahead; null when "
        "nothing is free that soon or nothing can be booked online"
    )
    first_free_by_kind: list[WaitOut] = Field(
        description="The wait per way of being seen, in the order the practice's page "
        "offers them (the first is first_free_slot); empty when nothing can be booked online"
    )


class WaitOut(Schema):
    kind: Kind = Field(description="A way the practice can be booked online")
    first_free_slot: dt.datetime | None = Field(
        description="The first free start (ISO 8601, UTC) of the first appointment type "
        "offered this way, at most 8 weeks ahead; null when nothing is free that soon"
    )
    waiting_days: int | None = Field(
        description="Calendar days from today on the practice's clock (0 is today); null "
        "with first_free_slot"
    )


class PracticeSearch(Schema):
    q: Text | None = Field(
        None,
        max_length=80,
        description="Dutch place name or a practice's postcode; wins over lat and lon",
    )
    lat: float | None = Field(None, ge=-90, le=90, description="Used with lon when q is empty")
    lon: float | None = Field(None, ge=-180, le=180, description="Used with lat when q is empty")
    radius_km: float = Field(finder.DEFAULT_RADIUS_KM, gt=0, le=finder.MAX_RADIUS_KM)
    remote: bool = Field(
        False, description="Only practices with therapists who help by phone or video"
    )
    service: Service | None = None
    specialisation: Specialisation | None = None
    language: Language | None = None
    wheelchair: bool = Field(False, description="Wheelchair accessible")
    parking: bool = Field(False, description="Parking nearby")
    evening: bool = Field(False, description="Open after 18:00 on some day")
    limit: int = Field(finder.DEFAULT_LIMIT, ge=1, le=100)


def _practice_out(found: finder.Found, wait: list[Wait]) -> PracticeOut:
    practice = found.practice
    return PracticeOut(
        id=practice.public_id,
        name=practice.name,
        place=practice.place,
        distance_km=found.distance_km,
        services=list(practice.services),
        url=practice.get_absolute_url(),
        direct_access=practice.direct_access,
        insurers=list(practice.insurers),
        first_free_slot=wait[0].start if wait else None,
        first_free_by_kind=[
            WaitOut(kind=Kind(w.kind), first_free_slot=w.start, waiting_days=w.days) for w in wait
        ],
    )


@router.get("/practices", response={200: list[PracticeOut], **ERRORS})
def search_practices(request: HttpRequest, search: Query[PracticeSearch]):  # type: ignore[no-untyped-def]
    """Practices nearest first: by place or postcode (`q`, which wins over `lat` and `lon`),
    by `lat` and `lon`, or by name with `remote=true` alone. The same search, filters and
    answers as the finder page (practices.finder.search_from)."""
    try:
        wanted = finder.search_from(
            q=search.q or "",
            lat=search.lat,
            lon=search.lon,
            radius_km=search.radius_km,
            service=search.service or "",
            specialisation=search.specialisation or "",
            language=search.language or "",
            wheelchair=search.wheelchair,
            parking=search.parking,
            evening=search.evening,
            remote=search.remote,
            limit=search.limit,
        )
    except finder.UnknownPlace as error:
        return Status(404, problem(404, str(error.message), loc=("query", "q")))
    if wanted.origin is None and not search.remote:
        message = "Give q, or lat and lon, or remote=true."
        return Status(422, field_errors({"q": message}, where={"q": ("query",)}))
    result = wanted.run()
    now = timezone.now()
    first = first_free_by_kind([found.practice for found in result.found], now=now)
    return Status(
        200,
        [
            _practice_out(found, waits(first[found.practice.pk], now=now, zone=found.practice.zone))
            for found in result.found
        ],
    )


class AppointmentTypeOut(Schema):
    code: str = Field(description="Give it as `type` to the slot list and to POST /appointments")
    name: str
    duration_minutes: int
    kinds: list[Kind] = Field(
        description="The ways this type can take place at this practice, in its own order "
        "(the first is the default); any other kind is refused with 422 kind_not_for_type"
    )


class TypeSearch(Schema):
    kind: Kind | None = Field(None, description="Only the types that can take place this way")


@router.get(
    "/practices/{practice_id}/types",
    response={200: list[AppointmentTypeOut], **ERRORS},
)
def list_types(request: HttpRequest, practice_id: UUID, search: Query[TypeSearch]):  # type: ignore[no-untyped-def]
    """What can be booked at the practice and in which ways: ask the way first (`kind`), as
    the booking page does, and only types that can take place that way come back."""
    practice = get_object_or_404(Practice.objects.listed(), public_id=practice_id)
    answer = []
    for row in practice.appointment_types.filter(is_active=True):
        kinds = [Kind(way) for way in row.kinds if practice.offers(way)]
        if kinds and (search.kind is None or search.kind in kinds):
            answer.append(
                AppointmentTypeOut(
                    code=row.slug, name=row.name, duration_minutes=row.duration_minutes, kinds=kinds
                )
            )
    return Status(200, answer)


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
        None,
        description="in_person, phone or video; default: the first way the appointment "
        "type lists that the practice offers",
    )
    type: Text | None = Field(
        None,
        max_length=40,
        description="Appointment type code, e.g. intake; default: the practice's first type",
    )


QUERY: dict[str, tuple[str, ...]] = {name: ("query",) for name in ("from", "to", "type", "kind")}


@router.get(
    "/practices/{practice_id}/slots",
    response={200: list[SlotOut], **ERRORS},
)
def list_slots(request: HttpRequest, practice_id: UUID, search: Query[SlotSearch]):  # type: ignore[no-untyped-def]
    """Free slots of every therapist at the practice, for one type and kind, sorted by start."""
    practice = get_object_or_404(Practice.objects.listed(), public_id=practice_id)
    now = timezone.now()
    try:
        start = (
            requests.checked_instant(search.from_, now=now, field="from") if search.from_ else now
        )
        end = (
            requests.checked_instant(search.to, now=now, field="to")
            if search.to
            else start + dt.timedelta(days=7)
        )
        if end <= start or end - start > MAX_SLOT_RANGE:
            too_long = gettext("'to' must be after 'from', at most 31 days later.")
            raise requests.RequestRefused("to", too_long)
        asked = requests.resolve_slot_request(
            practice=practice, appointment_type=search.type, kind=search.kind
        )
    except requests.RequestRefused as refused:
        errors: dict[str, str] = {refused.field: refused.message}
        return Status(422, field_errors(errors, where=QUERY, type=refused.code))
    appointment_type, kind = asked.appointment_type, asked.kind
    offered = availability.free_slots(
        practice=practice,
        appointment_type=appointment_type,
        kind=kind,
        window_start=start,
        window_end=end,
        now=now,
    )
    # Built as SlotOut's fields and rendered as ninja renders a validated answer (same
    # JSON, same documented schema): checking every slot again against SlotOut took
    # most of this endpoint's time (issue 18).
    from api.main import api  # the API that mounts this router

    return api.create_response(
        request,
        [
            {
                "therapist": s.therapist.public_id,
                "therapist_name": s.therapist.name,
                "start": s.start,
                "end": s.end,
            }
            for s in offered
        ],
        status=200,
    )
