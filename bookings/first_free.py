"""The first free time of many practices at once: the finder's results (page and API).

For each practice and each way it can be booked (in person, phone, video: the wait a
visitor checks before booking) it is the first free time of the first appointment type
its page offers for that way (bookings/menu.py); the first way is what the page shows
first, so a click on the result shows that time at the top. It looks at most
SEARCH_WEEKS ahead (and never past the practice's own horizon): None means nothing is
free that soon, or nothing can be booked online.

A fixed number of queries, whatever the number of practices or therapists: the
types, the therapists with their practices, their working hours, their busy time
(appointments and blocked time) and the closures. The slots themselves come from
the pure `bookings.slots.generate_slots`, one week at a time until one is found.

Each practice's answer is cached (issue 18) under the availability version
(bookings/availability_version.py), which whatever changes a free time bumps, and
only where every process shares the cache (`settings.DAY_STATE_CACHE`, as the day
state: pijnreset/versions.py). Time alone changes an answer in three ways, so each
entry is kept only while none of them can have happened: a first free time ends
being bookable once it is inside the practice's notice; a guest's hold gives its
time back when it expires; and the window moves on, so a later time may come into
reach (at most `TTL` late, the entry's lifetime).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache

from bookings import availability, availability_version, requests, slots
from bookings.models import AppointmentType, Kind, WorkingHours
from practices.models import Closure, Practice, Therapist

SEARCH_WEEKS = 8
STEP = timedelta(weeks=1)
RULE_FIELDS = ("pk", "services", "time_zone", "minimum_notice_hours", "horizon_weeks")
TTL = timedelta(minutes=5)
JUST_BEFORE = timedelta(microseconds=1)  # the finest step of a stored time

ByKind = dict[str, datetime | None]
V = TypeVar("V")


@dataclass(frozen=True)
class Answer(Generic[V]):
    """A value worked out from the database, and the time span in which it holds: one
    practice's first free times here, a week of free times in bookings/offer.py."""

    value: V
    computed_at: datetime
    last_valid: datetime  # the last moment it holds

    def holds_at(self, now: datetime) -> bool:
        return self.computed_at <= now <= self.last_valid


@dataclass(frozen=True)
class Wait:
    """How long a visitor waits for one way of being seen."""

    kind: str
    start: datetime | None
    days: int | None  # calendar days on the practice's clock: 0 is today, 1 tomorrow

    @property
    def label(self) -> str:
        return str(Kind(self.kind).label)


def waits(by_kind: Mapping[str, datetime | None], *, now: datetime, zone: ZoneInfo) -> list[Wait]:
    """The waits of one practice from `first_free_by_kind`, in its page's order."""
    today = now.astimezone(zone).date()
    return [
        Wait(kind, start, None if start is None else (start.astimezone(zone).date() - today).days)
        for kind, start in by_kind.items()
    ]


def first_free_slots(practices: Sequence[Practice], *, now: datetime) -> dict[int, datetime | None]:
    """Each practice's first free start (aware, UTC) of the way its page shows first, by pk."""
    return {
        pk: next(iter(by_kind.values()), None)
        for pk, by_kind in first_free_by_kind(practices, now=now).items()
    }


def first_free_by_kind(practices: Sequence[Practice], *, now: datetime) -> dict[int, ByKind]:
    """By practice pk: each way it can be booked online, in its page's order, with its
    first free start (aware, UTC) or None. A practice with nothing bookable has no ways."""
    if not settings.DAY_STATE_CACHE:
        return {pk: answer.value for pk, answer in compute(practices, now=now).items()}
    version = availability_version.current()
    keys = {practice.pk: f"first_free:{version}:{practice.pk}" for practice in practices}
    cached = cache.get_many(keys.values()) if keys else {}
    found: dict[int, ByKind] = {}
    missing = []
    for practice in practices:
        answer = cached.get(keys[practice.pk])
        if isinstance(answer, Answer) and answer.holds_at(now):
            found[practice.pk] = answer.value
        else:
            missing.append(practice)
    if missing:
        computed = compute(missing, now=now)
        cache.set_many(
            {keys[pk]: answer for pk, answer in computed.items()},
            timeout=int(TTL.total_seconds()),
        )
        found.update((pk, answer.value) for pk, answer in computed.items())
    return {practice.pk: found[practice.pk] for practice in practices}


def compute(practices: Sequence[Practice], *, now: datetime) -> dict[int, Answer[ByKind]]:
    """`first_free_by_kind` from the database, with how long each answer holds."""
    longest = now + TTL
    answer: dict[int, Answer[ByKind]] = {
        practice.pk: Answer({}, now, longest) for practice in practices
    }
    if not practices:
        return answer
    # The finder reads only what its cards show: the booking rules in one more query.
    practices = list(Practice.objects.filter(pk__in=answer).only(*RULE_FIELDS))
    end = now + timedelta(weeks=SEARCH_WEEKS)
    offered = _what_each_offers(practices)
    if not offered:
        return answer
    staff = _therapists_by_practice(offered.keys())
    everyone = {t.pk: t for team in staff.values() for t in team}
    hours = _working_hours(offered.keys(), everyone)
    busy, hold_ends = availability.busy_and_holds(
        everyone.values(), window_start=now, window_end=end, now=now
    )
    closed = _closed_dates(offered.keys(), now, end)
    for practice in practices:
        by_kind: ByKind = {}
        notice = timedelta(hours=practice.minimum_notice_hours)
        until = [longest]
        until += [  # a hold gives its time back the moment it expires
            hold_ends[t.pk] - JUST_BEFORE for t in staff.get(practice.pk, []) if t.pk in hold_ends
        ]
        for kind, appointment_type in offered.get(practice.pk, []):
            team = [t for t in staff.get(practice.pk, []) if kind in t.kinds]
            by_kind[kind] = start = _first_slot(
                practice,
                appointment_type,
                team,
                hours=hours,
                busy=busy,
                closed=closed.get(practice.pk, set()),
                now=now,
                end=min(end, now + timedelta(weeks=practice.horizon_weeks)),
            )
            if start is not None:
                until.append(start - notice)  # after that it is too soon to book
        answer[practice.pk] = Answer(by_kind, now, min(until))
    return answer


def _what_each_offers(
    practices: Sequence[Practice],
) -> dict[int, list[tuple[str, AppointmentType]]]:
    """Each way a practice offers, first the one its page shows, with the type shown for it."""
    types: dict[int, list[AppointmentType]] = defaultdict(list)
    for row in AppointmentType.objects.filter(practice__in=practices, is_active=True):
        types[row.practice_id].append(row)  # in the model's order: position, slug
    offered: dict[int, list[tuple[str, AppointmentType]]] = {}
    for practice in practices:
        ways = []
        for kind in _ways(practice, types.get(practice.pk, [])):
            choice = requests.resolve_slot_choice(
                practice=practice, types=types[practice.pk], kind=kind, appointment_type=None
            )
            if choice.appointment_type is not None:
                ways.append((kind, choice.appointment_type))
        if ways:
            offered[practice.pk] = ways
    return offered


def _ways(practice: Practice, types: list[AppointmentType]) -> tuple[str, ...]:
    first = requests.resolve_slot_choice(
        practice=practice, types=types, kind=None, appointment_type=None
    )
    return first.kinds


def _therapists_by_practice(practice_ids: Collection[int]) -> dict[int, list[Therapist]]:
    links = Therapist.practices.through.objects.filter(
        practice_id__in=list(practice_ids), therapist__is_active=True
    ).select_related("therapist")
    team: dict[int, list[Therapist]] = defaultdict(list)
    for link in links:
        team[link.practice_id].append(link.therapist)
    return team


def _working_hours(
    practice_ids: Collection[int], therapists: dict[int, Therapist]
) -> dict[tuple[int, int], list[slots.WorkingHours]]:
    hours: dict[tuple[int, int], list[slots.WorkingHours]] = defaultdict(list)
    rows = WorkingHours.objects.filter(
        practice_id__in=list(practice_ids), therapist_id__in=list(therapists)
    ).values_list("practice_id", "therapist_id", "weekday", "start", "end")
    for practice_id, therapist_id, weekday, start, end in rows:
        hours[(practice_id, therapist_id)].append(slots.WorkingHours(weekday, start, end))
    return hours


def _closed_dates(
    practice_ids: Collection[int], start: datetime, end: datetime
) -> dict[int, set[date]]:
    first = (start - availability.MARGIN).date() - timedelta(days=1)
    last = (end + availability.MARGIN).date() + timedelta(days=1)
    closed: dict[int, set[date]] = defaultdict(set)
    for closure in Closure.objects.filter(
        practice_id__in=list(practice_ids), first_day__lte=last, last_day__gte=first
    ):
        day = max(closure.first_day, first)
        while day <= min(closure.last_day, last):
            closed[closure.practice_id].add(day)
            day += timedelta(days=1)
    return closed


def _first_slot(
    practice: Practice,
    appointment_type: AppointmentType,
    team: list[Therapist],
    *,
    hours: dict[tuple[int, int], list[slots.WorkingHours]],
    busy: dict[int, list[slots.Interval]],
    closed: set[date],
    now: datetime,
    end: datetime,
) -> datetime | None:
    spec = slots.AppointmentSpec(duration=appointment_type.duration, buffer=appointment_type.buffer)
    window_start = now
    while window_start < end:  # a week at a time: the first free week is usually this one
        window_end = min(window_start + STEP, end)
        starts = [
            found[0].start
            for therapist in team
            if (
                found := slots.generate_slots(
                    working_hours=hours.get((practice.pk, therapist.pk), []),
                    spec=spec,
                    busy=busy.get(therapist.pk, []),
                    window_start=window_start,
                    window_end=window_end,
                    now=now,
                    tz=practice.zone,
                    minimum_notice=timedelta(hours=practice.minimum_notice_hours),
                    horizon=timedelta(weeks=practice.horizon_weeks),
                    closed_dates=closed,
                    earliest_only=True,
                )
            )
        ]
        if starts:
            return min(starts)
        window_start = window_end
    return None
