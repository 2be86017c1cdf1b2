"""The windows of change against the start (docs/clinical.md 3.2): one rule for every page."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from assessments.change import pain_change

START = date(2026, 1, 5)


def days(first: int, scores: list[int]) -> dict[date, int]:
    return {START + timedelta(days=first + n): score for n, score in enumerate(scores)}


def test_baseline_is_the_first_14_days_and_current_the_last_7():
    pain = days(0, [8, 8, 8, 7]) | days(10, [9, 9]) | days(30, [6, 6, 6, 5, 5, 5, 5])
    change = pain_change(pain, start=START, today=START + timedelta(days=36))
    assert (change.baseline_from, change.baseline_to) == (START, START + timedelta(days=13))
    assert (change.current_from, change.current_to) == (
        START + timedelta(days=30),
        START + timedelta(days=36),
    )
    assert change.baseline_exact == Fraction(49, 6)  # 8, 8, 8, 7, 9, 9
    assert change.current_exact == Fraction(38, 7)
    assert change.result is not None and change.result.display == Decimal("33.5")  # 115/343
    assert change.result.meaning == "moderate"


def test_the_windows_never_overlap_so_the_first_two_weeks_have_no_change():
    pain = days(0, [7] * 14)
    on_day_ten = pain_change(pain, start=START, today=START + timedelta(days=9))
    assert on_day_ten.current_from == START + timedelta(days=14)
    assert on_day_ten.current_days == 0 and on_day_ten.result is None


def test_current_needs_four_check_ins_after_the_baseline():
    pain = days(0, [7] * 14) | days(14, [5, 5, 5])
    assert pain_change(pain, start=START, today=START + timedelta(days=16)).result is None
    pain |= days(17, [5])
    change = pain_change(pain, start=START, today=START + timedelta(days=17))
    assert change.current_days == 4 and change.result is not None
    assert change.result.display == Decimal("28.6")  # (7 - 5) / 7
    assert change.result.meaning == "minimal"


def test_baseline_needs_four_check_ins():
    pain = days(0, [7, 7, 7]) | days(30, [5] * 7)
    change = pain_change(pain, start=START, today=START + timedelta(days=36))
    assert change.baseline_days == 3 and change.baseline_exact is None and change.result is None
