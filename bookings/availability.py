"""Free slots from the database: rows in, `bookings.slots.generate_slots` in between.

Reads a fixed number of queries whatever the number of therapists: the
practice's therapists, their working hours there, their busy time everywhere
(appointments and blocked time) and the practice's closures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bookings import slots
from bookings.models import Appointment, AppointmentType, BlockedTime, Status, WorkingHours
from pijnreset import bounds
from practices.models import Practice, Therapist

MARGIN = timedelta(days=1)


@dataclass(frozen=True)
class OfferedSlot:
    therapist: Therapist
    start: datetime
    end: datetime

    @property
    def start_param(self) -> str:
        """The start as it travels in a link: ISO 8601 in UTC with a Z."""
        return self.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def bookable_therapists(practice: Practice, kind: str) -> list[Therapist]:
    """Active therapists of the practice who work in this way (in person, phone, video)."""
    if not practice.offers(kind):
        return []
    return list(Therapist.objects.listed().filter(practices=practice).doing(kind).order_by("name"))


def busy_and_holds(
    therapists: Iterable[Therapist],
    *,
    window_start: datetime,
    window_end: datetime,
    now: datetime,
    ignore: Appointment | None = None,
) -> tuple[dict[int, list[slots.Interval]], dict[int, datetime]]:
    """Each therapist's taken time in the window (appointments at any practice and blocks),
    and when each therapist's first hold in it gives its time back."""
    ids = [therapist.pk for therapist in therapists]
    busy: dict[int, list[slots.Interval]] = defaultdict(list)
    hold_ends: dict[int, datetime] = {}
    appointments = (
        Appointment.objects.occupying(now)
        .filter(therapist_id__in=ids)
        .overlapping(window_start - MARGIN, window_end + MARGIN)
    )
    if ignore is not None:
        appointments = appointments.exclude(pk=ignore.pk)
    for therapist_id, start, busy_until, status, hold_expires_at in appointments.values_list(
        "therapist_id", "start", "busy_until", "status", "hold_expires_at"
    ):
        busy[therapist_id].append(slots.Interval(start, busy_until))
        if status == Status.HELD and hold_expires_at is not None:
            earliest = hold_ends.get(therapist_id, hold_expires_at)
            hold_ends[therapist_id] = min(earliest, hold_expires_at)
    blocks = BlockedTime.objects.filter(
        therapist_id__in=ids, start__lt=window_end + MARGIN, end__gt=window_start - MARGIN
    )
    for therapist_id, start, end in blocks.values_list("therapist_id", "start", "end"):
        busy[therapist_id].append(slots.Interval(start, end))
    return busy, hold_ends


def closed_dates(practice: Practice, window_start: datetime, window_end: datetime) -> set[date]:
    first = (window_start - MARGIN).astimezone(practice.zone).date()
    last = (window_end + MARGIN).astimezone(practice.zone).date()
    days: set[date] = set()
    for closure in practice.closures.filter(first_day__lte=last, last_day__gte=first):
        day = max(closure.first_day, first)
        while day <= min(closure.last_day, last):
            days.add(day)
            day += timedelta(days=1)
    return days


def within_booking_window(
    window_start: datetime, window_end: datetime, *, now: datetime
) -> tuple[datetime, datetime] | None:
    """The part of the window inside the booking window (nothing is offered outside it).

    Keeps every later step (margins, local dates) far from the ends of the calendar.
    """
    first = now - bounds.BOOKING_SLACK
    last = now + bounds.BOOKING_AHEAD
    try:
        start, end = max(window_start, first), min(window_end, last)
    except (OverflowError, ValueError):
        return None
    return (start, end) if start < end else None


def free_slots(
    *,
    practice: Practice,
    appointment_type: AppointmentType,
    kind: str,
    window_start: datetime,
    window_end: datetime,
    now: datetime,
    therapists: Sequence[Therapist] | None = None,
    ignore: Appointment | None = None,
    respect_busy: bool = True,
) -> list[OfferedSlot]:
    """Free slots at `practice` for this type and kind, sorted by start then therapist.

    `therapists` narrows the search (default: everyone at the practice who works
    this way); `ignore` leaves one appointment out of the busy time (moving it);
    `respect_busy=False` gives the grid alone (is this time offered at all?).
    """
    return free_slots_and_first_hold_end(
        practice=practice, appointment_type=appointment_type, kind=kind,
        window_start=window_start, window_end=window_end, now=now, therapists=therapists,
        ignore=ignore, respect_busy=respect_busy,
    )[0]  # fmt: skip


def free_slots_and_first_hold_end(
    *,
    practice: Practice,
    appointment_type: AppointmentType,
    kind: str,
    window_start: datetime,
    window_end: datetime,
    now: datetime,
    therapists: Sequence[Therapist] | None = None,
    ignore: Appointment | None = None,
    respect_busy: bool = True,
) -> tuple[list[OfferedSlot], datetime | None]:
    """`free_slots`, and the moment the first guest's hold in the window runs out (None:
    no hold), when its time is free again without any write (bookings/offer.py uses it)."""
    if not appointment_type.allows(kind) or not appointment_type.is_active:
        return [], None
    window = within_booking_window(window_start, window_end, now=now)
    if window is None:
        return [], None
    window_start, window_end = window
    if therapists is None:
        therapists = bookable_therapists(practice, kind)
    if not therapists:
        return [], None
    hours: dict[int, list[slots.WorkingHours]] = defaultdict(list)
    for therapist_id, weekday, start, end in WorkingHours.objects.filter(
        practice=practice, therapist__in=therapists
    ).values_list("therapist_id", "weekday", "start", "end"):
        hours[therapist_id].append(slots.WorkingHours(weekday, start, end))
    busy, hold_ends = (
        busy_and_holds(
            therapists, window_start=window_start, window_end=window_end, now=now, ignore=ignore
        )
        if respect_busy
        else ({}, {})
    )
    closed = closed_dates(practice, window_start, window_end)
    spec = slots.AppointmentSpec(duration=appointment_type.duration, buffer=appointment_type.buffer)
    offered: list[OfferedSlot] = []
    for therapist in therapists:
        for slot in slots.generate_slots(
            working_hours=hours.get(therapist.pk, []),
            spec=spec,
            busy=busy.get(therapist.pk, []),
            window_start=window_start,
            window_end=window_end,
            now=now,
            tz=practice.zone,
            minimum_notice=timedelta(hours=practice.minimum_notice_hours),
            horizon=timedelta(weeks=practice.horizon_weeks),
            closed_dates=closed,
        ):
            offered.append(OfferedSlot(therapist, slot.start, slot.end))
    offered.sort(key=lambda item: (item.start, item.therapist.name))
    return offered, min(hold_ends.values(), default=None)


def is_offered(
    *,
    practice: Practice,
    therapist: Therapist,
    appointment_type: AppointmentType,
    kind: str,
    start: datetime,
    now: datetime,
) -> bool:
    """Is `start` on the therapist's grid (working hours, notice, horizon, closures)?

    Busy time is not looked at: that is the guarded check in `book_slot`.
    """
    found = free_slots(
        practice=practice,
        appointment_type=appointment_type,
        kind=kind,
        window_start=start,
        window_end=start + timedelta(microseconds=1),
        now=now,
        therapists=[therapist],
        respect_busy=False,
    )
    return any(slot.start == start for slot in found)


@dataclass
class TherapistTimes:
    therapist: Therapist
    slots: list[OfferedSlot]


@dataclass
class DayTimes:
    day: date
    therapists: list[TherapistTimes]


def by_day(offered: Sequence[OfferedSlot], practice: Practice) -> list[DayTimes]:
    """Group slots by local date, then by therapist (in order of their first slot)."""
    days: dict[date, dict[int, TherapistTimes]] = {}
    for slot in offered:
        day = slot.start.astimezone(practice.zone).date()
        therapists = days.setdefault(day, {})
        therapists.setdefault(slot.therapist.pk, TherapistTimes(slot.therapist, [])).slots.append(
            slot
        )
    return [DayTimes(day, list(therapists.values())) for day, therapists in sorted(days.items())]
