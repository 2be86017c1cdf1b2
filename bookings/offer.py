"""What a practice offers to book, as the pages show it: the kind and type choice
(bookings/menu.py decides) and a week of free times for the chosen pair.

Used by the practice page (the first week shown at once) and the slot list (any
week). The booking itself is judged again by bookings/requests.py and the action.

A week of free times is kept (issue 18) as the finder's first free times are
(bookings/first_free.py): under the availability version, which whatever changes a
free time bumps, where every process shares the cache, and only while time alone
cannot have changed it: until its first time comes inside the practice's notice, a
guest's hold in it runs out, or `first_free.TTL` has passed (a later time may come
into reach at the end of the booking horizon). Its key holds the practice's today, so
a new day makes the week anew, and the language, since the days and links are written
out in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from bookings import availability, availability_version, first_free, requests, times_shown
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
    if not settings.DAY_STATE_CACHE:
        return _week_from_the_database(practice, appointment_type, kind, window, now).value
    key = ":".join((
        "week_of_times", availability_version.current(), str(practice.pk),
        str(appointment_type.pk), kind, window.first.isoformat(), window.today.isoformat(),
        translation.get_language() or "",
    ))  # fmt: skip
    kept = cache.get(key)
    if isinstance(kept, first_free.Answer) and kept.holds_at(now):
        return cast(WeekOfTimes, kept.value)
    made = _week_from_the_database(practice, appointment_type, kind, window, now)
    cache.set(key, made, timeout=int(first_free.TTL.total_seconds()))
    return made.value


def _week_from_the_database(
    practice: Practice,
    appointment_type: AppointmentType,
    kind: str,
    window: requests.WeekWindow,
    now: datetime,
) -> first_free.Answer[WeekOfTimes]:
    notice = timedelta(hours=practice.minimum_notice_hours)
    until = [now + first_free.TTL]

    def free(start: datetime, end: datetime) -> list[availability.OfferedSlot]:
        offered, hold_end = availability.free_slots_and_first_hold_end(
            practice=practice,
            appointment_type=appointment_type,
            kind=kind,
            window_start=start,
            window_end=end,
            now=now,
        )
        if offered:  # sorted by start: the first to become too soon to book
            until.append(offered[0].start - notice)
        if hold_end is not None:  # a hold gives its time back the moment it runs out
            until.append(hold_end - first_free.JUST_BEFORE)
        return offered

    offered = free(window.start, window.end)
    later = None
    if not offered:  # point to the first free day instead of an empty week
        ahead = free(window.end, now + timedelta(weeks=practice.horizon_weeks))
        later = ahead[0].start.astimezone(practice.zone).date() if ahead else None
    days = availability.by_day(offered, practice)
    times = WeekOfTimes(
        days=days,
        shown=times_shown.days_shown(days, practice, type_slug=appointment_type.slug, kind=kind),
        first=window.first,
        last=window.last,
        previous_week=window.previous,
        next_week=window.next,
        later=later,
    )
    return first_free.Answer(times, now, min(until))


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
