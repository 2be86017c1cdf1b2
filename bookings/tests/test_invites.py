"""The pure invite builder: iTIP methods, SEQUENCE, VTIMEZONE (no database)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bookings.invites import Invite, build_invite

AMS = ZoneInfo("Europe/Amsterdam")


def make(**overrides) -> Invite:
    values = {
        "uid": "abc@pijnreset", "sequence": 0, "method": "REQUEST",
        "start": datetime(2026, 3, 29, 8, 0, tzinfo=UTC),
        "end": datetime(2026, 3, 29, 8, 30, tzinfo=UTC),
        "zone": AMS, "stamp": datetime(2026, 3, 1, tzinfo=UTC),
        "summary": "Afspraak bij Praktijk Rustpunt",
        "description": "Videoconsult met Eva de Vries.",
        "location": "https://meet.example.nl/x", "organizer_name": "Praktijk Rustpunt",
        "organizer_email": "info@rustpunt.nl", "attendee_name": "Lotte",
        "attendee_email": "lotte@example.nl",
    }  # fmt: skip
    return Invite(**(values | overrides))


def parse(invite: Invite) -> Calendar:
    return Calendar.from_ical(build_invite(invite))


def test_request_has_method_status_uid_sequence():
    calendar = parse(make(sequence=3))
    [event] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert (str(event["UID"]), int(event["SEQUENCE"]), str(event["STATUS"])) == (
        "abc@pijnreset",
        3,
        "CONFIRMED",
    )


def test_cancel_is_method_cancel_with_status_cancelled():
    calendar = parse(make(method="CANCEL", sequence=2))
    [event] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"


def test_times_are_written_in_amsterdam_with_a_vtimezone_on_the_dst_day():
    calendar = parse(make())
    [event] = calendar.walk("VEVENT")
    # 29 March 2026: 08:00 UTC is 10:00 summer time (the clocks went forward at 02:00).
    assert event["DTSTART"].dt == datetime(2026, 3, 29, 10, 0, tzinfo=AMS)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"


def test_naive_times_and_reversed_ranges_are_refused():
    with pytest.raises(ValueError):
        make(start=datetime(2026, 3, 29, 8, 0))  # noqa: DTZ001  (naive on purpose)
    with pytest.raises(ValueError):
        make(end=datetime(2026, 3, 29, 7, 0, tzinfo=UTC))
