"""The pacing rule of thumb (docs/clinical.md section 6): pure functions, no database."""

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from exercises import pacing

TODAY = date(2026, 3, 16)


def day(n: int) -> date:
    """`n` days before TODAY."""
    return TODAY - timedelta(days=n)


def test_baseline_is_the_mean_of_the_last_three_active_days_times_point_eight():
    daily = {day(9): 60, day(5): 10, day(3): 20, day(1): 30}
    assert pacing.baseline(daily, before=TODAY) == Fraction(16)  # (10 + 20 + 30) / 3 x 0.8


def test_no_baseline_with_fewer_than_three_active_days():
    assert pacing.baseline({day(1): 30, day(2): 30}, before=TODAY) is None


def test_today_does_not_count_for_todays_baseline():
    daily = {day(3): 20, day(2): 20, day(1): 20, TODAY: 200}
    assert pacing.baseline(daily, before=TODAY) == 16


def test_minutes_per_day_adds_sessions_and_skips_zero():
    logs = [(day(1), 10), (day(1), 15), (day(2), 0)]
    assert pacing.minutes_per_day(logs) == {day(1): 25}


def test_rounding_is_half_up_not_half_to_even():
    assert pacing.whole_minutes(Fraction(25, 2)) == 13  # round() would give 12
    assert pacing.whole_minutes(Fraction(49, 4)) == 12


def test_with_stable_symptoms_the_suggestion_may_rise_by_ten_percent():
    daily = {day(5): 20, day(3): 20, day(1): 20}
    suggestion = pacing.suggest(daily, {}, [], today=TODAY)
    assert suggestion == pacing.Suggestion(baseline_minutes=16, upper_minutes=22, stable=True)


def test_much_worse_symptoms_after_movement_keep_the_baseline():
    daily = {day(5): 20, day(3): 20, day(1): 20}
    suggestion = pacing.suggest(daily, {}, [day(3)], today=TODAY)
    assert suggestion == pacing.Suggestion(baseline_minutes=16, upper_minutes=None, stable=False)


def test_a_pain_spike_in_the_last_week_means_not_stable():
    pain = {day(n): 4 for n in range(3, 12)}
    pain[day(2)] = 6  # 2 points above the mean of the 7 days before
    daily = {day(5): 20, day(3): 20, day(1): 20}
    assert pacing.suggest(daily, pain, [], today=TODAY).stable is False
    pain[day(2)] = 5
    assert pacing.suggest(daily, pain, [], today=TODAY).stable is True


def test_no_suggestion_figure_before_three_active_days():
    suggestion = pacing.suggest({day(1): 30}, {}, [], today=TODAY)
    assert suggestion.baseline_minutes is None and suggestion.upper_minutes is None


def test_boom_bust_is_a_big_day_followed_within_two_days_by_a_pain_rise():
    daily = {day(10): 20, day(9): 20, day(8): 20, day(6): 40}  # baseline 16, 40 > 24
    pain = {day(n): 4 for n in range(5, 16)}
    pain[day(4)] = 6  # two days after the big day, 2 above the 7-day mean of 4
    [found] = pacing.boom_busts(daily, pain)
    assert (found.active_day, found.minutes, found.baseline) == (day(6), 40, 16)
    assert (found.pain_day, found.pain, found.pain_mean) == (day(4), 6, 4)


def test_no_boom_bust_when_the_pain_rise_comes_three_days_later():
    daily = {day(10): 20, day(9): 20, day(8): 20, day(6): 40}
    pain = {day(n): 4 for n in range(4, 16)}
    pain[day(3)] = 7
    assert pacing.boom_busts(daily, pain) == []


def test_no_boom_bust_at_exactly_one_and_a_half_times_the_baseline():
    daily = {day(10): 20, day(9): 20, day(8): 20, day(6): 24}  # 24 = 1.5 x 16, not above
    pain = {day(n): 4 for n in range(5, 16)}
    pain[day(5)] = 8
    assert pacing.boom_busts(daily, pain) == []


def test_no_boom_bust_without_four_pain_scores_for_the_mean():
    daily = {day(10): 20, day(9): 20, day(8): 20, day(6): 40}
    pain = {day(6): 3, day(7): 3, day(8): 3, day(5): 9}
    assert pacing.boom_busts(daily, pain) == []


def test_a_boom_bust_in_the_last_week_means_not_stable():
    daily = {day(6): 20, day(5): 20, day(4): 20, day(2): 40}
    pain = {day(n): 4 for n in range(1, 12)}
    pain[TODAY] = 6  # today's pain is no spike "in the 7 days before today"; the pattern is
    assert pacing.symptoms_stable(daily, pain, [], today=TODAY) is False
    pain[TODAY] = 5
    assert pacing.symptoms_stable(daily, pain, [], today=TODAY) is True


minutes = st.integers(min_value=1, max_value=300)
days_back = st.integers(min_value=1, max_value=60)
histories = st.dictionaries(days_back.map(day), minutes, max_size=30)
pains = st.dictionaries(days_back.map(day), st.integers(min_value=0, max_value=10), max_size=60)


@given(histories)
def test_baseline_lies_between_point_eight_times_the_smallest_and_largest_of_the_last_three(daily):
    base = pacing.baseline(daily, before=TODAY)
    last_three = [daily[d] for d in sorted(daily, reverse=True)[:3]]
    if len(last_three) < 3:
        assert base is None
    else:
        assert Fraction(4, 5) * min(last_three) <= base <= Fraction(4, 5) * max(last_three)


@given(histories, pains, st.lists(days_back.map(day), max_size=5))
def test_the_upper_figure_never_exceeds_ten_percent_above_last_weeks_mean(daily, pain, worse):
    suggestion = pacing.suggest(daily, pain, worse, today=TODAY)
    last_week = [m for d, m in daily.items() if d >= day(7)]
    if suggestion.upper_minutes is not None:
        assert suggestion.stable
        assert suggestion.upper_minutes <= Fraction(11, 10) * Fraction(
            sum(last_week), len(last_week)
        )
        assert suggestion.upper_minutes > suggestion.baseline_minutes


@given(histories, pains)
def test_every_boom_bust_found_meets_the_definition(daily, pain):
    for found in pacing.boom_busts(daily, pain):
        base = pacing.baseline(daily, before=found.active_day)
        assert base is not None and daily[found.active_day] > Fraction(3, 2) * base
        assert 1 <= (found.pain_day - found.active_day).days <= 2
        assert found.pain >= pacing.mean_pain_before(pain, found.pain_day) + 2


@given(histories, pains)
def test_steady_pain_never_gives_a_boom_bust(daily, pain):
    flat = {d: 0 for d in pain}
    assert pacing.boom_busts(daily, flat) == []
