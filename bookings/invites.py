"""Calendar invites (iCalendar, RFC 5545 with iTIP methods), built from plain values.

No Django imports. The invite's life: one UID for create, reschedule and
cancel; SEQUENCE rises with each change; a cancellation is METHOD:CANCEL with
STATUS:CANCELLED. Times are written in the practice's zone with a VTIMEZONE
that states the zone's yearly rules (bookings.tzrules), so a client that reads
the VTIMEZONE itself gets the same instants as one that knows the zone by name.
The URL and DESCRIPTION never carry a live token: a calendar may be shared.
SUMMARY and DESCRIPTION carry no complaint or other health detail: only the
practice, the therapist, the kind and the links.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vText,
)

from bookings.tzrules import observances

__all__ = ["Invite", "build_invite", "vtimezone"]

Method = Literal["REQUEST", "CANCEL"]


@dataclass(frozen=True)
class Invite:
    uid: str
    sequence: int
    method: Method
    start: datetime
    end: datetime
    zone: ZoneInfo
    stamp: datetime
    summary: str
    description: str
    location: str
    organizer_name: str
    organizer_email: str
    attendee_name: str
    attendee_email: str
    url: str = ""

    def __post_init__(self) -> None:
        for name in ("start", "end", "stamp"):
            value = getattr(self, name)
            if value.tzinfo is None:
                raise ValueError(f"{name} must be timezone-aware")
        if self.start >= self.end:
            raise ValueError("start must be before end")
        if self.sequence < 0:
            raise ValueError("sequence must not be negative")


def build_invite(invite: Invite) -> bytes:
    """The .ics text for `invite`, with a VTIMEZONE for its zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//pijnreset//appointments//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", invite.method)
    calendar.add_component(vtimezone(invite.zone, year=invite.start.astimezone(invite.zone).year))

    event = Event()
    event.add("uid", invite.uid)
    event.add("sequence", invite.sequence)
    event.add("dtstamp", invite.stamp.astimezone(UTC))
    event.add("dtstart", _wall_time(invite.start, invite.zone))
    event.add("dtend", _wall_time(invite.end, invite.zone))
    event.add("summary", invite.summary)
    event.add("description", invite.description)
    if invite.location:
        event.add("location", invite.location)
    if invite.url:
        event.add("url", invite.url)
    event.add("status", "CANCELLED" if invite.method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")

    organizer = vCalAddress(f"mailto:{invite.organizer_email}")
    organizer.params["cn"] = vText(invite.organizer_name)
    event["organizer"] = organizer
    attendee = vCalAddress(f"mailto:{invite.attendee_email}")
    attendee.params["cn"] = vText(invite.attendee_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("ACCEPTED")
    event.add("attendee", attendee, encode=False)

    calendar.add_component(event)
    return calendar.to_ical()


def _wall_time(moment: datetime, zone: ZoneInfo) -> datetime:
    """`moment` on the zone's clock, or in UTC where that clock shows the time twice.

    In the hour the clocks go back, 02:30 happens twice; a local time with a
    TZID means the first (RFC 5545, 3.3.5), so the second is written in UTC.
    """
    local = moment.astimezone(zone)
    if local.replace(fold=0).astimezone(UTC) != moment.astimezone(UTC):
        return moment.astimezone(UTC)
    return local.replace(fold=0)


def vtimezone(zone: ZoneInfo, *, year: int) -> Timezone:
    """The VTIMEZONE for appointments in `year`: the yearly RRULEs where the zone has them."""
    component = Timezone()
    component.add("tzid", zone.key)
    for observance in observances(zone.key, year):
        part = TimezoneDaylight() if observance.kind == "DAYLIGHT" else TimezoneStandard()
        part.add("dtstart", observance.start)
        if observance.rule is not None:
            part.add("rrule", observance.rule.rrule())
        part.add("tzoffsetfrom", observance.offset_from)
        part.add("tzoffsetto", observance.offset_to)
        if observance.name:
            part.add("tzname", observance.name)
        component.add_component(part)
    return component
