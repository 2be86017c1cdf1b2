"""The caseload rules, pure (care/needs.py, docs/clinical.md 8.1)."""

from datetime import date, timedelta

from care import needs

TODAY = date(2026, 3, 20)


def _days(start_offset: int, scores: list[int]) -> dict[date, int]:
    return {TODAY - timedelta(days=start_offset - i): s for i, s in enumerate(scores)}


def test_worsening_is_two_points_above_the_fourteen_days_before():
    before = _days(20, [4] * 14)  # days -20 .. -7
    recent = _days(6, [6] * 7)  # days -6 .. 0
    assert needs.is_worsening({**before, **recent}, TODAY)


def test_just_under_two_points_is_not_worsening_exact_arithmetic():
    before = _days(20, [4] * 14)
    recent = _days(6, [6, 6, 6, 6, 6, 6, 5])  # mean 41/7 = 5.857...: 1.857 above
    assert not needs.is_worsening({**before, **recent}, TODAY)


def test_worsening_needs_four_check_ins_in_each_window():
    before = _days(20, [2, 2, 2])  # three only
    recent = _days(6, [9] * 7)
    assert not needs.is_worsening({**before, **recent}, TODAY)
    more_before = {**before, TODAY - timedelta(days=10): 2}
    assert needs.is_worsening({**more_before, **recent}, TODAY)


def test_a_day_outside_both_windows_does_not_count():
    old = {TODAY - timedelta(days=21): 0}
    before = _days(20, [5] * 14)
    recent = _days(6, [7] * 7)
    assert needs.is_worsening({**old, **before, **recent}, TODAY)


def test_gone_quiet_after_seven_days_without_a_check_in():
    assert needs.is_quiet(None, TODAY)
    assert needs.is_quiet(TODAY - timedelta(days=7), TODAY)
    assert not needs.is_quiet(TODAY - timedelta(days=6), TODAY)


def test_crisis_first_then_worsening_quiet_questionnaires():
    crisis = needs.need_of(crisis=True, worsening=True, quiet=True, questionnaires=True)
    worse = needs.need_of(crisis=False, worsening=True, quiet=True, questionnaires=True)
    quiet = needs.need_of(crisis=False, worsening=False, quiet=True, questionnaires=True)
    asked = needs.need_of(crisis=False, worsening=False, quiet=False, questionnaires=True)
    steady = needs.need_of(crisis=False, worsening=False, quiet=False, questionnaires=False)
    assert [n.rank for n in (crisis, worse, quiet, asked, steady)] == [0, 1, 2, 3, 4]


def test_the_sparkline_puts_0_at_the_bottom_and_10_on_top():
    points = needs.sparkline(
        {TODAY - timedelta(days=27): 0, TODAY: 10}, TODAY, width=100, height=20
    )
    assert points == "0,20 100,0"
    assert needs.sparkline({}, TODAY) == ""


def test_the_sparkline_draws_every_score_where_the_formula_puts_it():
    days, width, height = 28, 112, 24
    step = width / (days - 1)
    series = {TODAY - timedelta(days=27 - offset): offset % 11 for offset in range(days)}
    expected = " ".join(
        f"{round(step * offset, 1):g},{round(height - (offset % 11) * height / 10, 1):g}"
        for offset in range(days)
    )
    assert needs.sparkline(series, TODAY) == expected
    assert needs.sparkline({TODAY: 12}, TODAY, days=2, width=10, height=10) == "10,-2"
