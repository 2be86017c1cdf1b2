"""What a practice offers to book, as the pages show it: the kind and type choice
(bookings/menu.py decides) and a week of free times for the chosen pair.

Used by the practice page (the first week shown at once) and the slot list (any
week). The booking itself is judged again by bookings/requests.py and the action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from bookings import availability, requests, times_shown
from bookings.models import AppointmentType, Kind
from practices.models import Practice, Service


@dataclass(frozen=True)
class KindOption:
    value: str
    label: str


@dataclass(frozen=True)
class TypeChoice:
    appointment_type: AppointmentType
    fits: bool  # can take place in the chosen kind (the others are hidden until chosen)

    @property
    def kinds_attr(self) -> str:
        """The type's ways, space-separated, for the page's instant filter (booking.js)."""
        return " ".join(self.appointment_type.kinds)


@dataclass(frozen=True)
class BookingMenu:
    kinds: list[KindOption]
    kind: str | None
    types: list[TypeChoice]
    appointment_type: AppointmentType | None
    type_changed: bool
    home_visits: bool  # the practice visits at home: booked by phone, not online

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label) if self.kind else ""


def booking_menu(
    practice: Practice,
    types: list[AppointmentType],
    *,
    kind: str | None = None,
    type_slug: str | None = None,
) -> BookingMenu:
    """The kind and type choice for `practice` (`types`: its active types, in order)."""
    chosen = requests.resolve_slot_choice(
        practice=practice, types=types, kind=kind, appointment_type=type_slug
    )
    return BookingMenu(
        kinds=[KindOption(k, str(Kind(k).label)) for k in chosen.kinds],
        kind=chosen.kind,
        types=[
            TypeChoice(t, t in chosen.fitting) for t in types if set(t.kinds) & set(chosen.kinds)
        ],
        appointment_type=chosen.appointment_type,
        type_changed=chosen.type_changed,
        home_visits=practice.offers(Service.AT_HOME),
    )


@dataclass
class WeekOfTimes:
    """Free times in one window of days for one type and kind (the template's `times`)."""

    days: list[availability.DayTimes]
    shown: list[times_shown.DayShown]  # the days as the page shows them
    first: date
    last: date
    previous_week: date | None
    next_week: date
    later: date | None = None  # the first day with a free time, when this window has none


def week_of_times(
    practice: Practice,
    appointment_type: AppointmentType,
    kind: str,
    *,
    week: date | None,
    now: datetime,
) -> WeekOfTimes:
    window = requests.week_window(week, zone=practice.zone, now=now)

    def free(start: datetime, end: datetime) -> list[availability.OfferedSlot]:
        return availability.free_slots(
            practice=practice,
            appointment_type=appointment_type,
            kind=kind,
            window_start=start,
            window_end=end,
            now=now,
        )

    offered = free(window.start, window.end)
    later = None
    if not offered:  # point to the first free day instead of an empty week
        ahead = free(window.end, now + timedelta(weeks=practice.horizon_weeks))
        later = ahead[0].start.astimezone(practice.zone).date() if ahead else None
    days = availability.by_day(offered, practice)
    return WeekOfTimes(
        days=days,
        shown=times_shown.days_shown(days, practice, type_slug=appointment_type.slug, kind=kind),
        first=window.first,
        last=window.last,
        previous_week=window.previous,
        next_week=window.next,
        later=later,
    )


def booking_context(
    practice: Practice,
    *,
    kind: str | None = None,
    type_slug: str | None = None,
    week: date | None = None,
    now: datetime | None = None,
) -> dict[str, object]:
    """The kind and type choice and a week of free times: the slot list and the practice
    page (`menu`, `times`; `times` is None when nothing can be booked online)."""
    types = list(practice.appointment_types.filter(is_active=True))
    chosen = booking_menu(practice, types, kind=kind, type_slug=type_slug)
    context: dict[str, object] = {"practice": practice, "menu": chosen, "times": None}
    if chosen.kind is not None and chosen.appointment_type is not None:
        context["times"] = week_of_times(
            practice, chosen.appointment_type, chosen.kind, week=week, now=now or timezone.now()
        )
    return context
