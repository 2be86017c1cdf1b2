from datetime import date

import pytest

from diary import month

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02", date(2026, 2, 1)),
        ("2025-12", date(2025, 12, 1)),
        (None, date(2026, 3, 1)),
        ("", date(2026, 3, 1)),
        ("2026-13", date(2026, 3, 1)),
        ("2026-00", date(2026, 3, 1)),
        ("2026-2", date(2026, 3, 1)),
        ("9999-12", date(2026, 3, 1)),  # the future: this month
        ("0000-01", month.FIRST_MONTH),
        ("1900-05", month.FIRST_MONTH),
        ("-1", date(2026, 3, 1)),
        ("2026-02" * 1000, date(2026, 3, 1)),
        ("２０２６-０２", date(2026, 3, 1)),  # full-width digits are not a month
    ],
)
def test_parse_month_falls_back_to_a_month_that_can_be_shown(text, expected):
    assert month.parse_month(text, today=TODAY) == expected


def test_previous_and_next_stop_at_the_first_month_and_at_this_month():
    assert month.previous_month(date(2026, 1, 1)) == date(2025, 12, 1)
    assert month.previous_month(month.FIRST_MONTH) is None
    assert month.next_month(date(2025, 12, 1), today=TODAY) == date(2026, 1, 1)
    assert month.next_month(date(2026, 3, 1), today=TODAY) is None


def test_weeks_start_on_monday_and_pad_outside_the_month():
    grid = month.weeks(date(2026, 3, 1))  # 1 March 2026 is a Sunday
    assert grid[0].days[:6] == (None,) * 6
    assert grid[0].days[6] == date(2026, 3, 1)
    assert grid[-1].days[1] == date(2026, 3, 31)  # a Tuesday
    assert all(len(week.days) == 7 for week in grid)
    assert sum(day is not None for week in grid for day in week.days) == 31


def test_month_key_and_last_day():
    assert month.month_key(date(2024, 2, 1)) == "2024-02"
    assert month.last_day(date(2024, 2, 1)) == date(2024, 2, 29)
