"""A zone's clock changes as yearly rules, for the VTIMEZONE of a calendar file.

No Django imports. The tz database publishes most zones' current rules as
"the last Sunday of March at 02:00" and the like. Calendar clients built like
vobject read a VTIMEZONE by its own rules (not by the zone's name), and some
misread a long list of one-off dates, so the rule is written as the yearly
RRULE it is. The rule is derived from the zone's real transitions around the
appointment and only used when it reproduces every one of them; otherwise
(a zone whose rules are changing) the real dates are listed (RDATE).

Each observance starts at the local wall time on the clock *before* the
change (RFC 5545, 3.6.5): in Amsterdam summer time starts at 02:00 +0100 and
ends at 03:00 +0200.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = ["Observance", "Transition", "YearlyRule", "observances", "transitions"]

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# A rule must reproduce every change from the year before the appointment's to
# six years after: eight years put each weekday on every possible day of the
# month, so "last Sunday" and "fourth Sunday" (or "Sun>=2") are told apart.
YEARS_BEFORE, YEARS_AFTER = 1, 6


@dataclass(frozen=True)
class Transition:
    """One change of a zone's UTC offset."""

    at: datetime  # the UTC instant of the change
    offset_before: timedelta
    offset_after: timedelta
    name_after: str

    @property
    def wall(self) -> datetime:
        """The naive local time of the change, on the clock before it."""
        return (self.at + self.offset_before).replace(tzinfo=None)


@dataclass(frozen=True)
class YearlyRule:
    """A change on a set weekday of a month at a set wall time, each year.

    Which one: the `week`-th (1..4, or -1 for the last), or else the first on
    or after day `on_or_after` (the tz database's "Sun>=2").
    """

    month: int
    weekday: int  # Monday is 0
    wall_time: clock_time
    week: int = 0
    on_or_after: int = 0

    def day_in(self, year: int) -> date:
        days_in_month = calendar.monthrange(year, self.month)[1]
        if self.week == -1:
            last = date(year, self.month, days_in_month)
            return last - timedelta(days=(last.weekday() - self.weekday) % 7)
        first = date(year, self.month, self.on_or_after or 1)
        return first + timedelta(
            days=(self.weekday - first.weekday()) % 7 + 7 * max(self.week - 1, 0)
        )

    def happens(self, moment: datetime) -> bool:
        """True when this rule's change in `moment`'s year is at `moment` (naive wall time)."""
        return datetime.combine(self.day_in(moment.year), self.wall_time) == moment

    def rrule(self) -> dict[str, object]:
        """The RRULE's parts, e.g. FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU."""
        if self.week:
            return {
                "FREQ": "YEARLY",
                "BYMONTH": self.month,
                "BYDAY": f"{self.week}{WEEKDAYS[self.weekday]}",
            }
        days = list(range(self.on_or_after, self.on_or_after + 7))
        return {
            "FREQ": "YEARLY",
            "BYMONTH": self.month,
            "BYDAY": WEEKDAYS[self.weekday],
            "BYMONTHDAY": days,
        }


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT part of a VTIMEZONE."""

    kind: Literal["STANDARD", "DAYLIGHT"]
    start: datetime  # naive wall time on the clock before the change
    offset_from: timedelta
    offset_to: timedelta
    name: str
    rule: YearlyRule | None = None  # None: this part starts once, at `start`


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    if offset is None:  # pragma: no cover - a ZoneInfo always has an offset
        raise ValueError(f"{zone} has no UTC offset at {instant}")
    return offset


def transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[Transition]:
    """Every offset change in [start, end) (aware instants), to the second."""
    found = []
    step = timedelta(hours=6)  # no zone changes its offset twice within six hours
    here, offset = start.astimezone(UTC), _offset(zone, start)
    while here < end:
        there = min(here + step, end.astimezone(UTC))
        offset_there = _offset(zone, there)
        if offset_there != offset:
            low, high = here, there  # offset(low) == offset, offset(high) != offset
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if _offset(zone, middle) == offset:
                    low = middle
                else:
                    high = middle
            name = high.astimezone(zone).tzname() or ""
            found.append(Transition(high, offset, offset_there, name))
            offset = offset_there
        here = there
    return found


def _candidate_rules(changes: list[Transition]) -> list[YearlyRule]:
    """Rules that fit the first change, most common form first."""
    first = changes[0].wall
    month, weekday, wall_time = first.month, first.weekday(), first.time()
    days_in_month = calendar.monthrange(first.year, month)[1]
    rules = []
    if first.day > days_in_month - 7:
        rules.append(YearlyRule(month, weekday, wall_time, week=-1))
    if first.day <= 28:
        rules.append(YearlyRule(month, weekday, wall_time, week=(first.day - 1) // 7 + 1))
    # "On or after day D": the latest change of the sample comes at most six days after D.
    latest = max(change.wall.day for change in changes)
    shortest_month = calendar.monthrange(2001, month)[1]  # 2001: not a leap year
    if 1 < latest - 6 and latest <= shortest_month:
        rules.append(YearlyRule(month, weekday, wall_time, on_or_after=latest - 6))
    return rules


def _yearly_rule(changes: list[Transition], years: range) -> YearlyRule | None:
    """The rule that gives exactly these changes, one in each of `years`, or None."""
    if [change.wall.year for change in changes] != list(years):
        return None
    for rule in _candidate_rules(changes):
        if all(rule.happens(change.wall) for change in changes):
            return rule
    return None


def _kind(offset_from: timedelta, offset_to: timedelta) -> Literal["STANDARD", "DAYLIGHT"]:
    # The later clock is daylight time, also where the tz database calls winter
    # time the "daylight" part (Europe/Dublin).
    return "DAYLIGHT" if offset_to > offset_from else "STANDARD"


@lru_cache(maxsize=256)
def observances(zone_key: str, year: int) -> tuple[Observance, ...]:
    """The VTIMEZONE parts for appointments in `year` (and some years later)."""
    zone = ZoneInfo(zone_key)
    # Kept inside what datetime can hold, for any year a caller might pass.
    years = range(max(year - YEARS_BEFORE, 2), min(year + YEARS_AFTER, 9998) + 1)
    window_start = datetime(years.start, 1, 1, tzinfo=UTC)
    changes = transitions(zone, window_start, datetime(years.stop, 1, 1, tzinfo=UTC))
    groups: dict[tuple[timedelta, timedelta, str], list[Transition]] = {}
    for change in changes:
        groups.setdefault((change.offset_before, change.offset_after, change.name_after), [])
        groups[(change.offset_before, change.offset_after, change.name_after)].append(change)
    rules = {key: _yearly_rule(group, years) for key, group in groups.items()}
    if groups and all(rules.values()):
        return tuple(
            Observance(
                kind=_kind(offset_from, offset_to),
                start=group[0].wall,
                offset_from=offset_from,
                offset_to=offset_to,
                name=name,
                rule=rules[(offset_from, offset_to, name)],
            )
            for (offset_from, offset_to, name), group in groups.items()
        )
    # No yearly rule (no clock changes, or rules in flux): the clock at the
    # window's start, then each real change as a part of its own (a list of
    # RDATEs is misread by some clients).
    # The opening part is STANDARD: clients built like vobject fall back to the
    # first STANDARD part for any time before the first change.
    offset = _offset(zone, window_start)
    opening = Observance(
        kind="STANDARD",
        start=(window_start + offset).replace(tzinfo=None),
        offset_from=offset,
        offset_to=offset,
        name=window_start.astimezone(zone).tzname() or "",
    )
    dated = tuple(
        Observance(
            kind=_kind(change.offset_before, change.offset_after),
            start=change.wall,
            offset_from=change.offset_before,
            offset_to=change.offset_after,
            name=change.name_after,
        )
        for change in changes
    )
    return (opening, *dated)
