"""The pure invite builder: iTIP methods, SEQUENCE, VTIMEZONE (no database)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bookings.invites import Invite, build_invite, vtimezone

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


def test_the_vtimezone_states_the_yearly_rules_of_the_tz_database():
    [zone] = parse(make()).walk("VTIMEZONE")
    parts = {part.name: part for part in zone.subcomponents}
    summer, winter = parts["DAYLIGHT"], parts["STANDARD"]
    assert len(zone.subcomponents) == 2 and "RDATE" not in summer and "RDATE" not in winter
    # Summer time starts on the last Sunday of March at 02:00 on the winter clock ...
    assert dict(summer["RRULE"]) == {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]}
    assert summer["DTSTART"].dt == datetime(2025, 3, 30, 2, 0)  # noqa: DTZ001  (wall time)
    assert (summer["TZOFFSETFROM"].td, summer["TZOFFSETTO"].td) == (
        timedelta(hours=1),
        timedelta(hours=2),
    )
    # ... and ends on the last Sunday of October at 03:00 on the summer clock.
    assert dict(winter["RRULE"]) == {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}
    assert winter["DTSTART"].dt == datetime(2025, 10, 26, 3, 0)  # noqa: DTZ001
    assert (winter["TZOFFSETFROM"].td, winter["TZOFFSETTO"].td) == (
        timedelta(hours=2),
        timedelta(hours=1),
    )
    assert (str(summer["TZNAME"]), str(winter["TZNAME"])) == ("CEST", "CET")


def test_a_zone_without_clock_changes_gets_one_standard_part():
    [zone] = parse(make(zone=ZoneInfo("Asia/Tokyo"))).walk("VTIMEZONE")
    [part] = zone.subcomponents
    assert part.name == "STANDARD" and part["TZOFFSETTO"].td == timedelta(hours=9)
    assert "RRULE" not in part


def test_the_second_0230_of_the_autumn_night_is_written_in_utc():
    first = parse(
        make(
            start=datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
            end=datetime(2026, 10, 25, 0, 45, tzinfo=UTC),
        )
    )
    second = parse(
        make(
            start=datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
            end=datetime(2026, 10, 25, 1, 45, tzinfo=UTC),
        )
    )
    [first_event], [second_event] = first.walk("VEVENT"), second.walk("VEVENT")
    assert first_event["DTSTART"].to_ical() == b"20261025T023000"
    assert first_event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert second_event["DTSTART"].to_ical() == b"20261025T013000Z"


@pytest.mark.parametrize("year", [1, 9999])
def test_a_vtimezone_for_any_year_datetime_can_hold_is_built(year):
    [zone] = parse(make()).walk("VTIMEZONE")  # the usual one, for comparison
    extreme = vtimezone(AMS, year=year)
    assert extreme["TZID"] == zone["TZID"] and len(extreme.subcomponents) >= 1
