"""The input windows (pijnreset.bounds): pure, so tested directly and with wide inputs."""

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from pijnreset import bounds

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def wall(*parts: int) -> datetime:
    """A wall-clock time without a zone (what someone types into a form)."""
    year, month, day, hour, minute = (*parts, 0, 0, 0)[:5]
    return datetime.combine(date(year, month, day), time(hour, minute))


TODAY = date(2026, 3, 2)


def test_the_spring_forward_gap_does_not_exist_in_amsterdam():
    assert bounds.local_time_problem(wall(2027, 3, 28, 2, 30), AMSTERDAM) == "missing"


def test_the_autumn_hour_happens_twice_in_amsterdam():
    assert bounds.local_time_problem(wall(2026, 10, 25, 2, 30), AMSTERDAM) == "ambiguous"


def test_ordinary_times_and_the_edges_of_the_change_exist_once():
    for moment in (wall(2027, 3, 28, 1, 59), wall(2027, 3, 28, 3, 0),
                   wall(2026, 10, 25, 1, 59), wall(2026, 10, 25, 3, 0),
                   wall(2026, 6, 1, 2, 30)):  # fmt: skip
        assert bounds.local_time_problem(moment, AMSTERDAM) is None, moment


@given(st.datetimes(min_value=wall(1900, 1, 1), max_value=wall(2100, 12, 31)))
def test_a_time_that_exists_once_survives_the_round_trip_through_utc(naive):
    if bounds.local_time_problem(naive, AMSTERDAM) is None:
        aware = naive.replace(tzinfo=AMSTERDAM)
        assert aware.astimezone(UTC).astimezone(AMSTERDAM).replace(tzinfo=None) == naive


def test_the_booking_window_runs_from_yesterday_to_two_years_ahead():
    assert bounds.booking_window(TODAY) == (date(2026, 3, 1), date(2028, 3, 2))
    assert not bounds.in_booking_window(date(9999, 12, 31), today=TODAY)
    assert not bounds.in_booking_window(date(1, 1, 1), today=TODAY)


def test_instants_at_the_ends_of_the_calendar_are_outside_the_booking_window():
    plus_14 = timezone(timedelta(hours=14))
    assert not bounds.instant_in_booking_window(datetime(1, 1, 1, tzinfo=plus_14), today=TODAY)
    assert not bounds.instant_in_booking_window(
        datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))), today=TODAY
    )
    assert bounds.instant_in_booking_window(datetime(2026, 3, 9, 9, 0, tzinfo=UTC), today=TODAY)


@given(st.dates())
def test_a_clamped_week_is_always_inside_the_window(day):
    assert bounds.in_booking_window(bounds.clamp_to_booking_window(day, today=TODAY), today=TODAY)


@given(st.dates())
def test_the_past_window_is_1900_to_2100(day):
    assert bounds.in_past_window(day) == (1900 <= day.year <= 2100)


@given(st.text())
def test_stripped_text_has_no_control_characters_and_keeps_the_rest(text):
    single = bounds.strip_control(text)
    assert not bounds.has_control(single)
    assert "\x00" not in single and "\n" not in single
    multi = bounds.strip_control(text, multiline=True)
    assert not bounds.has_control(multi, multiline=True)
    assert multi.count("\n") == text.count("\n")
    assert [c for c in text if c.isprintable() and c not in "\n\r\t"] == [
        c for c in multi if c.isprintable() and c not in "\n\r\t"
    ]


def test_a_count_is_ascii_digits_in_range():
    assert bounds.parse_count("12") == 12
    for text in ("²", "٣", "-1", "1e3", "", " 1", "99999999999", str(2**31)):
        assert bounds.parse_count(text) is None, text
