"""Rolling means, chart geometry, the weekly summary and planned experiments. No database."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from insights import experiments, trends, weekly

MONDAY = date(2026, 3, 2)


def days_from(first: date, values: list[int | None]) -> dict[date, int]:
    return {first + timedelta(days=n): v for n, v in enumerate(values) if v is not None}


# --- Rolling mean ---------------------------------------------------------------------


def test_the_rolling_mean_needs_4_of_the_last_7_days():
    values = days_from(MONDAY, [4, 5, None, 6, 7, None, None, 9])
    means = trends.rolling_means(values, trends.days_between(MONDAY, MONDAY + timedelta(days=7)))
    assert means[:3] == [None, None, None]
    assert means[4] == Decimal("5.5")  # 4, 5, 6, 7
    assert means[7] == Decimal("6.8")  # 5, 6, 7, 9 = 27/4 = 6.75 -> 6.8 (half up)


def test_the_rolling_mean_reaches_before_the_first_day_shown():
    values = days_from(MONDAY - timedelta(days=6), [2, 2, 2, 2, 2, 2, 2])
    assert trends.rolling_means(values, [MONDAY]) == [Decimal("2.0")]


def test_the_rolling_mean_is_rounded_once_half_up_from_the_exact_value():
    # 1, 2, 2, 2 -> 7/4 = 1.75 -> 1.8; 0, 0, 1 and 0: 1/4 = 0.25 -> 0.3 (never banker's 0.2)
    assert trends.rolling_means(days_from(MONDAY, [1, 2, 2, 2]), [MONDAY + timedelta(3)]) == [
        Decimal("1.8")
    ]
    assert trends.rolling_means(days_from(MONDAY, [0, 0, 1, 0]), [MONDAY + timedelta(3)]) == [
        Decimal("0.3")
    ]


def test_day_points_mark_flare_days():
    points = trends.day_points(
        {MONDAY: 5}, trends.days_between(MONDAY, MONDAY + timedelta(1)), flare_days=[MONDAY]
    )
    assert [(p.value, p.flare) for p in points] == [(5, True), (None, False)]


def test_week_rows_average_by_monday():
    values = days_from(MONDAY, [2, 4, None, None, None, None, None, 6])
    days = trends.days_between(MONDAY, MONDAY + timedelta(days=7))
    rows = trends.week_rows(trends.day_points(values, days), trends.mondays_of(days))
    assert [(r.week_start, r.mean, r.days) for r in rows] == [
        (MONDAY, Decimal("3.0"), 2),
        (MONDAY + timedelta(7), Decimal("6.0"), 1),
    ]


def test_the_chart_geometry_is_numbers_only_with_a_broken_line_where_the_mean_is_missing():
    values = days_from(MONDAY, [5, 5, 5, 5, None, None, None, None, None, 3, 3, 3, 3])
    days = trends.days_between(MONDAY, MONDAY + timedelta(days=12))
    points = trends.day_points(values, days, flare_days=[MONDAY])
    shape = trends.geometry(points)
    assert shape.dots.count("h0") == 8
    assert shape.line.count("M") == 2  # two pieces
    assert "," not in shape.dots + shape.line + shape.flares
    assert shape.flares.startswith("M22.0 0v")
    assert [label for _y, label in shape.ticks] == [0, 5, 10]


def test_the_y_axis_runs_from_10_at_the_top_to_0_at_the_bottom():
    assert trends.y_of(10) == trends.PAD_TOP
    assert trends.y_of(0) == trends.HEIGHT - trends.PAD_BOTTOM


def test_the_strip_has_a_mark_for_each_day_with_practice():
    days = trends.days_between(MONDAY, MONDAY + timedelta(days=3))
    assert trends.strip(days, {MONDAY: 2, MONDAY + timedelta(2): 1}).count("M") == 2


# --- Weekly summary -------------------------------------------------------------------


def test_the_weekly_summary_compares_last_week_with_the_week_before():
    before = MONDAY - timedelta(days=7)
    pain = {**days_from(before, [6, 6, 6, 6]), **days_from(MONDAY, [5, 4, 5, 4, 3])}
    summary = weekly.summarise(
        week_start=MONDAY,
        scores={"pain": pain, "fatigue": days_from(MONDAY, [7])},
        practice_dates=[MONDAY, MONDAY, MONDAY + timedelta(1), MONDAY + timedelta(days=9)],
    )
    row = summary.scores[0]
    assert (row.this_week, row.week_before, row.days) == (Decimal("4.2"), Decimal("6.0"), 5)
    assert (row.direction, row.size) == ("lower", Decimal("1.8"))
    assert summary.scores[1].direction is None  # no week before to compare with
    assert summary.practices == 3
    assert summary.check_in_days == 5
    assert summary.observation == weekly.Observation("calmest_day", MONDAY + timedelta(4), 3)
    assert [s.score for s in summary.shown_scores] == ["pain", "fatigue"]


@pytest.mark.parametrize(
    ("pain", "practices", "kind"),
    [({}, [], "quiet_week"), ({}, [MONDAY], "practised"), ({MONDAY: 5}, [], "checked_in")],
)
def test_the_observation_is_always_kind(pain, practices, kind):
    summary = weekly.summarise(week_start=MONDAY, scores={"pain": pain}, practice_dates=practices)
    assert summary.observation.kind == kind


def test_last_week_starts_on_the_monday_before():
    assert weekly.last_week_start(MONDAY) == MONDAY - timedelta(days=7)
    assert weekly.last_week_start(MONDAY + timedelta(days=6)) == MONDAY - timedelta(days=7)


# --- Planned experiments --------------------------------------------------------------


def test_a_plan_has_half_of_its_weeks_on_in_a_seeded_random_order():
    plans = {experiments.draw_schedule(8, seed) for seed in range(40)}
    assert all(sum(plan) == 4 and len(plan) == 8 for plan in plans)
    assert len(plans) > 10
    assert experiments.draw_schedule(8, 3) == experiments.draw_schedule(8, 3)
    with pytest.raises(ValueError):
        experiments.draw_schedule(5, 1)


def test_the_smallest_p_value_depends_on_the_number_of_weeks():
    assert experiments.smallest_p(4) == Fraction(1, 3)
    assert experiments.smallest_p(8) == Fraction(1, 35)


def test_the_week_number_of_a_day():
    assert experiments.week_number(MONDAY, MONDAY - timedelta(1), 4) is None
    assert experiments.week_number(MONDAY, MONDAY, 4) == 1
    assert experiments.week_number(MONDAY, MONDAY + timedelta(days=27), 4) == 4
    assert experiments.week_number(MONDAY, MONDAY + timedelta(days=28), 4) is None


def _weeks(means: list[int]) -> dict[date, int]:
    return {
        MONDAY + timedelta(days=7 * w + d): value for w, value in enumerate(means) for d in range(7)
    }


def test_a_clear_difference_in_an_8_week_plan():
    schedule = (True, False, False, True, True, False, True, False)
    outcome = _weeks([3 if on else 6 for on in schedule])
    result = experiments.randomisation_test(
        schedule, MONDAY, outcome, today=MONDAY + timedelta(days=56)
    )
    assert result.status == experiments.CLEAR_DIFFERENCE
    assert result.p_value == Fraction(2, 70)  # the plan and its mirror image
    assert (result.on_mean, result.off_mean, result.direction) == (3, 6, "lower")


def test_four_weeks_can_never_show_a_clear_difference():
    schedule = (True, False, False, True)
    outcome = _weeks([2, 8, 8, 2])
    result = experiments.randomisation_test(
        schedule, MONDAY, outcome, today=MONDAY + timedelta(days=28)
    )
    assert result.status == experiments.NO_CLEAR_DIFFERENCE
    assert result.p_value == Fraction(1, 3)


def test_a_plan_is_running_until_its_last_day_has_passed():
    result = experiments.randomisation_test(
        (True, False, True, False), MONDAY, {}, today=MONDAY + timedelta(days=27)
    )
    assert result.status == experiments.RUNNING


def test_a_week_with_fewer_than_3_scores_is_not_enough_data():
    outcome = _weeks([5, 5, 5, 5])
    for d in range(5):
        del outcome[MONDAY + timedelta(days=7 + d)]
    result = experiments.randomisation_test(
        (True, False, True, False), MONDAY, outcome, today=MONDAY + timedelta(days=40)
    )
    assert (result.status, result.weeks_short) == (experiments.NOT_ENOUGH_DATA, (2,))


def test_integer_rounding_of_means_matches_the_exact_rule():
    from assessments.rounding import round_half_up

    for total in range(0, 80):
        for count in range(1, 9):
            assert trends.mean_tenths(total, count) == round_half_up(Fraction(total, count))
