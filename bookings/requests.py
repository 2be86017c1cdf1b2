"""What a booking request means, worked out once: therapist, practice, appointment type,
kind and an aware start in UTC.

Every entry point builds its request here from its own parsed input: the
booking page (`SlotForm`), the slot lists (`SlotQueryForm`, `GET
/api/v1/practices/{id}/slots`), `POST /api/v1/appointments`, and moving an
appointment (the reschedule page and `POST /api/v1/appointments/{id}/reschedule`).
So the same request gets the same answer everywhere, with a translated
message naming the field that is wrong (`RequestRefused.field`). Whether the
time is still free is decided later, by the action and the database
(bookings/actions.py, docs/locking.md).

The defaults (docs/api.md and the OpenAPI schema say the same):

- No kind: the first way the appointment type lists that the practice (and
  the therapist, when one is named) offers. Moving an appointment without a
  kind keeps its kind.
- No practice (API only): the therapist's one listed practice with this
  type; when several have it, the one where this very time is offered.
- No type (slot list API only): the practice's first active type.

The booking page itself asks the way first and never refuses (`resolve_slot_choice`):
the way wins, and a type that cannot take place that way gives way to one that can.

This is also the one place that checks an instant is aware (`aware_utc`),
and the week of slots or agenda to show (`week_window`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from django.utils.translation import gettext

from bookings import menu
from bookings.availability import is_offered
from bookings.errors import BookingError, KindNotOffered, SlotNotOffered
from bookings.models import Appointment, AppointmentType, Kind
from pijnreset import bounds
from practices.models import Practice, Therapist

Field = Literal["therapist", "practice", "type", "kind", "start", "from", "to"]


class RequestRefused(BookingError):
    """The request names something that does not exist or does not fit; `field` says what."""

    status = 422

    def __init__(self, field: Field, message: str | None = None, *, code: str = "invalid") -> None:
        self.field = field
        self.code = code  # the API's error `type` (docs/api.md)
        super().__init__(message)


@dataclass(frozen=True)
class SlotRequest:
    """What a list of free times is for: one appointment type, one way, at one practice."""

    practice: Practice
    appointment_type: AppointmentType
    kind: str


@dataclass(frozen=True)
class BookingRequest:
    """One time asked for: who, where, what, how and when (aware, in UTC)."""

    practice: Practice
    therapist: Therapist
    appointment_type: AppointmentType
    kind: str
    start: datetime


# -- instants ----------------------------------------------------------------------


def has_zone(moment: datetime) -> bool:
    """The one aware-instant check: does `moment` say which instant it is?"""
    return moment.tzinfo is not None and moment.utcoffset() is not None


def aware_utc(moment: datetime) -> datetime | None:
    """`moment` in UTC, or None when it has no time zone (OverflowError when UTC cannot
    hold it: 0001-01-01T00:00+14:00)."""
    return moment.astimezone(UTC) if has_zone(moment) else None


def parse_instant(text: str) -> datetime | None:
    """An aware ISO 8601 instant in UTC, or None when malformed, without a zone or
    unrepresentable (0001-01-01T00:00+14:00 is a valid string whose UTC instant lies
    before year 1)."""
    try:
        return aware_utc(datetime.fromisoformat(text.strip()))
    except (ValueError, AttributeError, OverflowError):
        return None


def iso_z(moment: datetime) -> str:
    """An aware instant as ISO 8601 in UTC with a Z: safe in a URL as it is."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def checked_instant(value: datetime | str, *, now: datetime, field: Field = "start") -> datetime:
    """An aware instant inside the booking window (UTC dates), in UTC; else RequestRefused.

    Text is read as ISO 8601 (the pages); the API hands over what its schema parsed.
    """
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise RequestRefused(field, gettext("This time is not valid.")) from None
    try:
        moment = aware_utc(value)
    except (OverflowError, ValueError):
        moment = None
    else:
        if moment is None:
            raise RequestRefused(field, _naive_message())
    if moment is None or not bounds.instant_in_booking_window(moment, today=now.date()):
        raise RequestRefused(
            field, gettext("Choose a time from yesterday until two years from now.")
        )
    return moment


def _naive_message() -> str:
    return gettext("Give the time with its time zone, for example 2026-03-02T09:00:00Z.")


# -- the request -------------------------------------------------------------------


def resolve_slot_request(
    *, practice: Practice, appointment_type: str | None, kind: str | None
) -> SlotRequest:
    """The type and kind a slot list at `practice` is for (defaults: see the module)."""
    chosen = _appointment_type(practice, appointment_type)
    return SlotRequest(practice, chosen, _kind(practice, chosen, kind, therapist=None))


def resolve_booking_request(
    *,
    start: datetime | str,
    kind: str | None,
    now: datetime,
    therapist: UUID | str | None = None,
    appointment_type: str | None = None,
    practice: Practice | UUID | None = None,
    moving: Appointment | None = None,
) -> BookingRequest:
    """The one way from parsed input to a booking request; RequestRefused (422) names the field.

    A new booking names a therapist and an appointment type, and a practice
    (a `Practice` when the address says which, its public id or None in the
    API). Moving an appointment gives `moving` instead: its practice,
    therapist and type stay, the kind stays unless another is given.
    """
    if moving is not None:
        when = checked_instant(start, now=now)
        how = _kind(moving.practice, moving.appointment_type, kind or moving.kind, moving.therapist)
        return BookingRequest(moving.practice, moving.therapist, moving.appointment_type, how, when)
    when = checked_instant(start, now=now)
    if kind and kind not in Kind.values:
        raise RequestRefused("kind", str(KindNotOffered.default_message))
    who = _therapist(therapist)
    candidates = _candidates(who, practice, appointment_type)
    if len(candidates) == 1:
        where, what = candidates[0]
        return BookingRequest(where, who, what, _kind(where, what, kind, who), when)
    for where, what in candidates:  # several practices: the one where this time is offered
        try:
            how = _kind(where, what, kind, who)
        except RequestRefused:
            continue
        if is_offered(
            practice=where, therapist=who, appointment_type=what, kind=how, start=when, now=now
        ):
            return BookingRequest(where, who, what, how, when)
    raise RequestRefused("start", str(SlotNotOffered.default_message))


def _therapist(public_id: UUID | str | None) -> Therapist:
    therapist = None
    if public_id:
        try:
            therapist = (
                Therapist.objects.listed()
                .prefetch_related("practices")
                .filter(public_id=UUID(str(public_id)))
                .first()
            )
        except ValueError:
            therapist = None
    if therapist is None:
        raise RequestRefused("therapist", gettext("There is no therapist with this id."))
    return therapist


def _candidates(
    therapist: Therapist, practice: Practice | UUID | None, slug: str | None
) -> list[tuple[Practice, AppointmentType]]:
    """The practices (with the type asked for) this request can mean."""
    practices = [p for p in therapist.practices.all() if p.is_active]
    if practice is not None:
        wanted = practice.public_id if isinstance(practice, Practice) else practice
        practices = [p for p in practices if p.public_id == wanted]
        if not practices:
            raise RequestRefused(
                "practice", gettext("This therapist does not work at this practice.")
            )
    types = {t.practice_id: t for t in _active_types(practices).filter(slug=slug or "")}
    found = [(p, types[p.pk]) for p in practices if p.pk in types]
    if not found:
        raise RequestRefused("type", _no_such_type())
    return found


def _active_types(practices: Iterable[Practice]):  # type: ignore[no-untyped-def]
    return AppointmentType.objects.filter(practice__in=list(practices), is_active=True)


def _appointment_type(practice: Practice, slug: str | None) -> AppointmentType:
    types = _active_types([practice])
    chosen = types.filter(slug=slug).first() if slug else types.order_by("position", "pk").first()
    if chosen is None:
        raise RequestRefused("type", _no_such_type())
    return chosen


def _no_such_type() -> str:
    return gettext("This practice has no such appointment type.")


def _kind(
    practice: Practice,
    appointment_type: AppointmentType,
    kind: str | None,
    therapist: Therapist | None,
) -> str:
    """The kind asked for if it fits, else the default (the module's docstring says which)."""

    def fits(way: str) -> bool:
        return practice.offers(way) and (therapist is None or way in therapist.kinds)

    if not kind:
        kind = next((way for way in appointment_type.kinds if fits(way)), None)
        if kind is None:
            raise RequestRefused("kind", str(KindNotOffered.default_message))
        return kind
    if kind not in Kind.values or not fits(kind):
        raise RequestRefused("kind", str(KindNotOffered.default_message))
    if not appointment_type.allows(kind):
        ways = ", ".join(
            str(Kind(way).label).lower() for way in appointment_type.kinds if fits(way)
        )
        raise RequestRefused(
            "kind",
            gettext("%(type)s cannot take place this way. It can: %(ways)s.")
            % {"type": appointment_type.name, "ways": ways},
            code="kind_not_for_type",
        )
    return kind


# -- the booking page's choice, the way first ---------------------------------------


@dataclass(frozen=True)
class SlotChoice:
    """What the booking page shows: the ways with something to book, the way chosen, the
    types that can take place that way and the type chosen (None: nothing bookable)."""

    kinds: tuple[str, ...]
    kind: str | None
    fitting: tuple[AppointmentType, ...]
    appointment_type: AppointmentType | None
    type_changed: bool


def resolve_slot_choice(
    *,
    practice: Practice,
    types: Sequence[AppointmentType],
    kind: str | None,
    appointment_type: str | None,
) -> SlotChoice:
    """The page's pair from what the address asks (`types`: the practice's active ones, in
    order). Unlike a booking, nothing is refused: the way wins and a type that does not
    fit it gives way to the first that does (bookings/menu.py), so no impossible pair is
    ever offered. The finder's first free time uses the same choice with nothing asked."""
    chosen = menu.choose(
        offered_kinds=[way.value for way in Kind if practice.offers(way.value)],
        types=[menu.TypeOption(t.slug, tuple(t.kinds)) for t in types],
        asked_kind=kind,
        asked_type=appointment_type,
    )
    by_slug = {t.slug: t for t in types}
    return SlotChoice(
        kinds=chosen.kinds,
        kind=chosen.kind,
        fitting=tuple(by_slug[slug] for slug in chosen.types),
        appointment_type=by_slug.get(chosen.type or ""),
        type_changed=chosen.type_changed,
    )


# -- the week to show --------------------------------------------------------------


@dataclass(frozen=True)
class WeekWindow:
    """Days to show on the practice's own clock: the slot list, rescheduling, the agenda."""

    first: date
    length: int
    zone: ZoneInfo
    today: date
    past_allowed: bool

    @property
    def last(self) -> date:
        return self.first + timedelta(days=self.length - 1)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.length)]

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(0), tzinfo=self.zone)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.first + timedelta(days=self.length), time(0), tzinfo=self.zone)

    @property
    def next(self) -> date:
        return self.first + timedelta(days=self.length)

    @property
    def previous(self) -> date | None:
        """The page before; None when it would lie wholly before today (slots, rescheduling)."""
        earlier = self.first - timedelta(days=self.length)
        if self.past_allowed:
            return earlier
        return max(earlier, self.today) if self.first > self.today else None


def week_window(
    asked: date | None,
    *,
    zone: ZoneInfo,
    now: datetime,
    past_allowed: bool = False,
    length: int = 7,
) -> WeekWindow:
    """The window to show from the day asked for (navigation never fails).

    Free times (the slot list, rescheduling): `length` days from the day asked,
    never before today, at most two years ahead. The agenda (`past_allowed`):
    `length` days (7, or 1 for a day) from the day asked, today by default, past
    days included, so it opens on today and a Sunday never shows the week that ends.
    """
    today = now.astimezone(zone).date()
    if past_allowed:
        return WeekWindow(asked or today, length, zone, today, past_allowed=True)
    first = bounds.clamp_to_booking_window(max(asked or today, today), today=today)
    return WeekWindow(first, length, zone, today, past_allowed=False)
