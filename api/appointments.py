"""Booking over JSON: the same actions as the booking pages.

POST /appointments answers 201 with the appointment, 422 naming the field a
request gets wrong (resolved by bookings/requests.py, as on the booking page),
or 409 when the time is no longer free (the database decides; see
docs/locking.md), or 429 after too many bookings
(settings.RATE_LIMITS["booking"], per account per day). Another
patient's appointment answers 404, as does one at a practice where you do
not work.
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Field, Router, Schema, Status

from accounts.models import User
from api.auth import api_auth
from api.errors import ERRORS, Errors, errors, field_errors, problem
from api.inputs import BOOKING_WINDOW, BookingInstant, Text
from bookings import access, actions, requests
from bookings.errors import BookingError, KindNotOffered
from bookings.models import Appointment, Kind
from pijnreset import ratelimit


def _no_such_appointment() -> str:
    return gettext("There is no appointment with this id.")


router = Router(tags=["appointments"], auth=api_auth)


KIND_DEFAULT = (
    "in_person, phone or video; default: the first way the appointment type lists "
    "that the practice and the therapist offer"
)


class AppointmentIn(Schema):
    therapist: UUID = Field(description="The therapist's id, as in the slot list")
    start: BookingInstant = Field(
        description=f"Aware ISO 8601, a start from the slot list ({BOOKING_WINDOW})"
    )
    kind: Kind | None = Field(None, description=KIND_DEFAULT)
    type: Text = Field(max_length=40, description="Appointment type code, e.g. video_consult")
    practice: UUID | None = Field(
        None,
        description="Needed only when the therapist works at several practices; "
        "default: the one where this time is offered",
    )
    phone_to_call: Text = Field(
        "", max_length=20, description="For a phone consult: the number to call"
    )


class AppointmentOut(Schema):
    id: UUID
    practice: UUID
    practice_name: str
    therapist: UUID
    therapist_name: str
    type: str
    kind: str
    status: str
    start: dt.datetime
    end: dt.datetime
    phone_to_call: str = Field(
        description="For a phone appointment: the number to call (patient and therapist only)"
    )
    video_url: str = Field(
        description="For a video appointment: the room (patient and therapist only); "
        "empty for every other kind"
    )


class RescheduleIn(Schema):
    start: BookingInstant = Field(
        description=f"Aware ISO 8601, a free start of the same therapist ({BOOKING_WINDOW})"
    )
    kind: Kind | None = Field(None, description="Another way to meet; default: as it is")
    phone_to_call: str = Field(
        "", max_length=20, description="When moving to a phone appointment: the number to call"
    )


ANSWERS = {**ERRORS, **errors(409, 410)}
BOOKING_ANSWERS = {**ANSWERS, **errors(429)}


def _out(appointment: Appointment, viewer: User) -> AppointmentOut:
    private = appointment.shows_private_to(viewer)
    return AppointmentOut(
        id=appointment.public_id,
        practice=appointment.practice.public_id,
        practice_name=appointment.practice.name,
        therapist=appointment.therapist.public_id,
        therapist_name=appointment.therapist.name,
        type=appointment.appointment_type.slug,
        kind=appointment.kind,
        status=appointment.status,
        start=appointment.start,
        end=appointment.end,
        phone_to_call=appointment.phone_to_call
        if private and appointment.kind == Kind.PHONE
        else "",
        video_url=appointment.video_url if private else "",  # empty unless kind is video
    )


@router.post("/appointments", response={201: AppointmentOut, **BOOKING_ANSWERS})
def create_appointment(request: HttpRequest, response: HttpResponse, payload: AppointmentIn):  # type: ignore[no-untyped-def]
    """Book a free slot for yourself. 422 names the field that does not fit (unknown
    therapist, practice or type, a kind not offered, a start without a time zone); 409
    when someone else was just faster; 429 (with Retry-After) after too many bookings today."""
    now = timezone.now()
    try:
        asked = requests.resolve_booking_request(
            start=payload.start,
            kind=payload.kind,
            now=now,
            therapist=payload.therapist,
            appointment_type=payload.type,
            practice=payload.practice,
        )
    except BookingError as error:
        return _refusal(error)
    refusal = ratelimit.hit(request, "booking")
    if refusal is not None:
        response["Retry-After"] = str(refusal.retry_after)
        return Status(429, problem(429, refusal.message))
    try:
        appointment = actions.book_slot(
            practice=asked.practice,
            therapist=asked.therapist,
            appointment_type=asked.appointment_type,
            kind=asked.kind,
            start=asked.start,
            now=now,
            patient=request.auth,  # type: ignore[attr-defined]
            phone_to_call=payload.phone_to_call,
        )
    except BookingError as error:
        return _refusal(error)
    return Status(201, _out(appointment, request.auth))  # type: ignore[attr-defined]


def _refusal(error: BookingError) -> Status[Errors]:
    """409/410 with the reason; 422 names the field the reason is about."""
    if isinstance(error, requests.RequestRefused):
        return Status(422, field_errors({error.field: error.message}, where={}, type=error.code))
    if error.status == 422:
        field = "kind" if isinstance(error, KindNotOffered) else "start"
        return Status(422, field_errors({field: error.message}, where={}))
    return Status(error.status, problem(error.status, error.message))


def _visible(request: HttpRequest, appointment_id: UUID) -> Appointment | None:
    """The appointment through its one access helper, or None where the helper says 404."""
    try:
        return access.appointment_for(request.auth, appointment_id)  # type: ignore[attr-defined]
    except Http404:
        return None


@router.get("/appointments", response={200: list[AppointmentOut], **ANSWERS})
def list_appointments(request: HttpRequest):  # type: ignore[no-untyped-def]
    """Your own appointments from a week ago on, soonest first."""
    since = timezone.now() - dt.timedelta(days=7)
    own = (
        Appointment.objects.of_patient(request.auth)  # type: ignore[attr-defined]
        .filter(start__gte=since)
        .select_related("practice", "therapist", "appointment_type")
        .order_by("start")[:200]
    )
    return Status(200, [_out(a, request.auth) for a in own])  # type: ignore[attr-defined]


@router.get("/appointments/{appointment_id}", response={200: AppointmentOut, **ANSWERS})
def get_appointment(request: HttpRequest, appointment_id: UUID):  # type: ignore[no-untyped-def]
    """Your appointment, or one at a practice where you work; 404 for any other."""
    appointment = _visible(request, appointment_id)
    if appointment is None:
        return Status(404, problem(404, _no_such_appointment()))
    return Status(200, _out(appointment, request.auth))  # type: ignore[attr-defined]


@router.post("/appointments/{appointment_id}/cancel", response={200: AppointmentOut, **ANSWERS})
def cancel_appointment(request: HttpRequest, appointment_id: UUID):  # type: ignore[no-untyped-def]
    """Cancel: a patient until the practice's deadline (then 409), the practice at any time."""
    appointment = _visible(request, appointment_id)
    if appointment is None:
        return Status(404, problem(404, _no_such_appointment()))
    try:
        cancelled = actions.cancel_appointment(
            appointment=appointment,
            actor=request.auth,  # type: ignore[attr-defined]
            now=timezone.now(),
        )
    except BookingError as error:
        return _refusal(error)
    return Status(200, _out(cancelled, request.auth))  # type: ignore[attr-defined]


@router.post("/appointments/{appointment_id}/reschedule", response={200: AppointmentOut, **ANSWERS})
def reschedule_appointment(request: HttpRequest, appointment_id: UUID, payload: RescheduleIn):  # type: ignore[no-untyped-def]
    """Move to another free time with the same therapist and type.

    A patient until the practice's deadline and as often as it allows; after
    that 409 with the reason. The practice's staff at any time.
    """
    appointment = _visible(request, appointment_id)
    if appointment is None:
        return Status(404, problem(404, _no_such_appointment()))
    now = timezone.now()
    refusal = appointment.reschedule_refusal(request.auth, now)  # type: ignore[attr-defined]
    if refusal is not None:  # the reason first, whatever the new time
        return _refusal(refusal)
    try:
        asked = requests.resolve_booking_request(
            start=payload.start, kind=payload.kind, now=now, moving=appointment
        )
        moved = actions.reschedule_appointment(
            appointment=appointment,
            start=asked.start,
            kind=asked.kind,
            phone_to_call=payload.phone_to_call or None,
            actor=request.auth,  # type: ignore[attr-defined]
            now=now,
        )
    except BookingError as error:
        return _refusal(error)
    return Status(200, _out(moved, request.auth))  # type: ignore[attr-defined]
