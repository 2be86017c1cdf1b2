"""Every calendar client reads the same instants: the invite parsed by two libraries.

icalendar knows the zone by its name (zoneinfo) and can also read the
VTIMEZONE on its own; vobject reads only the VTIMEZONE (dateutil's rules),
like the clients that read every summer appointment an hour late when the
VTIMEZONE was a list of one-off dates. Pure: no database.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
import vobject.icalendar
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from bookings.invites import build_invite
from bookings.tests.test_invites import make

AMS = ZoneInfo("Europe/Amsterdam")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)  # type: ignore[misc]


APPOINTMENTS = {
    "winter": local(2026, 1, 15, 9, 0),
    "summer": local(2026, 7, 1, 14, 30),
    "spring DST day 2026": local(2026, 3, 29, 10, 0),
    "spring DST week 2026": local(2026, 3, 27, 9, 0),
    "after spring DST week 2026": local(2026, 3, 30, 8, 0),
    "autumn DST day 2026": local(2026, 10, 25, 10, 0),
    "autumn DST week 2026": local(2026, 10, 23, 16, 0),
    "after autumn DST week 2026": local(2026, 10, 26, 8, 0),
    "spring DST day 2027": local(2027, 3, 28, 11, 0),
    "autumn DST day 2027": local(2027, 10, 31, 11, 0),
    "winter 2027": local(2027, 12, 20, 9, 0),
    "summer 2028": local(2028, 6, 30, 9, 0),
}
VERSIONS = {  # the invite's life: booked, moved (next SEQUENCE), cancelled
    "booked": {"method": "REQUEST", "sequence": 0},
    "moved": {"method": "REQUEST", "sequence": 1},
    "cancelled": {"method": "CANCEL", "sequence": 2},
}


def by_vobject(ics: bytes, tzid: str) -> tuple[datetime, datetime]:
    # vobject keeps the first VTIMEZONE it saw for a TZID for the whole
    # process; forget it, so that this invite's own VTIMEZONE is read.
    vars(vobject.icalendar)["__tzidMap"].pop(tzid, None)
    event = vobject.readOne(ics.decode("utf-8")).vevent
    start, end = event.dtstart.value, event.dtend.value
    assert start.tzinfo is not None and end.tzinfo is not None
    return start.astimezone(UTC), end.astimezone(UTC)


def by_icalendar(ics: bytes) -> tuple[datetime, datetime]:
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    return event["DTSTART"].dt.astimezone(UTC), event["DTEND"].dt.astimezone(UTC)


def by_icalendar_vtimezone(ics: bytes) -> tuple[datetime, datetime]:
    """icalendar again, but from the VTIMEZONE's rules instead of the zone's name."""
    calendar = Calendar.from_ical(ics)
    [zone] = calendar.walk("VTIMEZONE")
    own_rules = zone.to_tz(lookup_tzid=False)
    [event] = calendar.walk("VEVENT")
    instants = []
    for name in ("DTSTART", "DTEND"):
        value = event[name]
        if "TZID" in value.params:
            instants.append(value.dt.replace(tzinfo=own_rules).astimezone(UTC))
        else:  # written in UTC
            instants.append(value.dt.astimezone(UTC))
    return instants[0], instants[1]


def readings(start: datetime, zone: ZoneInfo = AMS, **version: object) -> set:
    end = start + timedelta(minutes=45)
    ics = build_invite(
        make(start=start.astimezone(UTC), end=end.astimezone(UTC), zone=zone, **version)
    )
    return {by_vobject(ics, zone.key), by_icalendar(ics), by_icalendar_vtimezone(ics)}


@pytest.mark.parametrize("version", VERSIONS.values(), ids=VERSIONS.keys())
@pytest.mark.parametrize("start", APPOINTMENTS.values(), ids=APPOINTMENTS.keys())
def test_both_libraries_read_the_same_instants(start, version):
    expected = (start.astimezone(UTC), (start + timedelta(minutes=45)).astimezone(UTC))
    assert readings(start, **version) == {expected}


def test_a_summer_appointment_is_not_read_an_hour_late():
    # 1 July 2026, 14:30 in Amsterdam is 12:30 UTC (summer time, +0200).
    assert readings(local(2026, 7, 1, 14, 30)) == {
        (datetime(2026, 7, 1, 12, 30, tzinfo=UTC), datetime(2026, 7, 1, 13, 15, tzinfo=UTC))
    }


def test_the_hour_the_clocks_go_back_is_read_the_same_both_times():
    # 25 October 2026: 02:30 in Amsterdam happens at 00:30 and again at 01:30 UTC.
    for instant in (
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    ):
        assert {start for start, _end in readings(instant)} == {instant}


ZONES = [
    "Europe/Amsterdam",
    "Europe/Dublin",  # the tz database calls its winter time "daylight" (negative save)
    "America/New_York",  # second Sunday of March, first of November
    "Australia/Sydney",  # summer time over New Year
    "Asia/Jerusalem",  # the Friday on or after 23 March
    "America/Santiago",  # the Sunday on or after the 2nd, at midnight
    "Asia/Tokyo",  # no clock changes
]


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    start=st.datetimes(
        min_value=datetime(2026, 1, 1),  # noqa: DTZ001  (hypothesis wants naive bounds)
        max_value=datetime(2028, 12, 31),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
)
def test_any_time_in_any_zone_reads_the_same(zone, start):
    start = start.replace(second=0, microsecond=0)
    assert {reading[0] for reading in readings(start, ZoneInfo(zone))} == {start}
