"""The zone's yearly rules, derived from its real clock changes (pure, no database)."""

from datetime import datetime

import pytest

from bookings.tzrules import observances


def rules(zone: str) -> dict[str, dict[str, object] | None]:
    return {part.kind: part.rule.rrule() if part.rule else None for part in observances(zone, 2026)}


@pytest.mark.parametrize(
    "zone, daylight, standard",
    [
        ("Europe/Amsterdam", {"BYMONTH": 3, "BYDAY": "-1SU"}, {"BYMONTH": 10, "BYDAY": "-1SU"}),
        ("America/New_York", {"BYMONTH": 3, "BYDAY": "2SU"}, {"BYMONTH": 11, "BYDAY": "1SU"}),
        ("Australia/Sydney", {"BYMONTH": 10, "BYDAY": "1SU"}, {"BYMONTH": 4, "BYDAY": "1SU"}),
        (
            "Asia/Jerusalem",  # the tz database's "Fri>=23"
            {"BYMONTH": 3, "BYDAY": "FR", "BYMONTHDAY": [23, 24, 25, 26, 27, 28, 29]},
            {"BYMONTH": 10, "BYDAY": "-1SU"},
        ),
    ],
)
def test_the_yearly_rules_match_the_tz_database(zone, daylight, standard):
    found = rules(zone)
    assert found["DAYLIGHT"] == {"FREQ": "YEARLY"} | daylight
    assert found["STANDARD"] == {"FREQ": "YEARLY"} | standard


def test_each_part_starts_at_the_wall_time_on_the_clock_before_the_change():
    starts = {part.kind: part.start for part in observances("Europe/Amsterdam", 2026)}
    assert starts == {
        "DAYLIGHT": datetime(2025, 3, 30, 2, 0),  # noqa: DTZ001  (02:00 winter time)
        "STANDARD": datetime(2025, 10, 26, 3, 0),  # noqa: DTZ001  (03:00 summer time)
    }


def test_a_zone_without_clock_changes_has_one_part_and_no_rule():
    [part] = observances("Asia/Tokyo", 2026)
    assert (part.kind, part.rule, part.offset_from, part.offset_to) == (
        "STANDARD",
        None,
        part.offset_to,
        part.offset_to,
    )


def test_a_zone_without_a_yearly_rule_lists_each_change_as_its_own_part():
    # Morocco changes its clock around Ramadan: no weekday rule fits.
    parts = observances("Africa/Casablanca", 2026)
    assert all(part.rule is None for part in parts) and len(parts) > 8
    assert parts[0].kind == "STANDARD" and parts[0].offset_from == parts[0].offset_to
