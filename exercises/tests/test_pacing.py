"""The pure pacing rules with a stored quota (docs/clinical.md 6). No database."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercises import pacing
from exercises.pacing import FlarePeriod, MovementData, QuotaChange

TODAY = date(2026, 3, 16)


def day(n: int) -> date:
    """n days before TODAY."""
    return TODAY - timedelta(days=n)


def held(minutes: int, days_ago: int = 8, reason: str = "start") -> list[QuotaChange]:
    return [QuotaChange(minutes, day(days_ago), reason)]


def week_at(minutes: int, days: range = range(1, 8)) -> dict[date, int]:
    return {day(n): minutes for n in days}


# --- Start ------------------------------------------------------------------------------


def test_start_is_the_mean_of_three_logged_days_x_0_8_rounded_down():
    data = MovementData({day(1): 10, day(2): 20, day(4): 25})
    assert pacing.start_minutes(data, today=TODAY) == 14  # 55 / 3 x 0.8 = 14.67


def test_start_needs_three_logged_non_flare_days():
    data = MovementData({day(1): 30, day(2): 30})
    assert pacing.start_minutes(data, today=TODAY) is None
    in_flare = MovementData(
        {day(1): 30, day(2): 30, day(3): 30}, flares=[FlarePeriod(day(3), day(3))]
    )
    assert pacing.start_minutes(in_flare, today=TODAY) is None


def test_start_is_at_least_2_minutes():
    data = MovementData({day(1): 1, day(2): 1, day(3): 2})
    assert pacing.start_minutes(data, today=TODAY) == 2


# --- The stored quota -----------------------------------------------------------------


@pytest.mark.parametrize(("quota", "up"), [(10, 11), (20, 22), (5, 6), (1, 2), (29, 31)])
def test_step_up_is_quota_x_1_1_rounded_down_at_least_one_minute(quota, up):
    assert pacing.step_up_minutes(quota) == up


def test_the_quota_in_force_is_the_latest_change_on_or_before_a_day():
    history = [QuotaChange(10, day(20), "start"), QuotaChange(11, day(5), "step_up")]
    assert pacing.quota_on(history, day(21)) is None
    assert pacing.quota_on(history, day(6)) == 10
    assert pacing.quota_on(history, day(5)) == 11


def test_levels_step_back_goes_to_the_previous_quota():
    history = [
        QuotaChange(10, day(30), "start"),
        QuotaChange(11, day(20), "step_up"),
        QuotaChange(12, day(10), "step_up"),
    ]
    assert pacing.levels(history) == [10, 11, 12]
    assert pacing.previous_level(history) == 11
    history.append(QuotaChange(11, day(2), "step_back"))
    assert pacing.previous_level(history) == 10
    history.append(QuotaChange(7, day(1), "lowered"))
    assert pacing.levels(history) == [7] and pacing.previous_level(history) is None


# --- Step up: offered, never automatic ----------------------------------------------


def test_a_stable_week_with_the_quota_reached_on_4_days_offers_a_step_up():
    data = MovementData(week_at(10, range(1, 5)))
    advice = pacing.advise(data, held(10), today=TODAY)
    assert advice.step_up_offer == 11
    assert advice.quota == 10  # offered only: the quota stays until the user accepts


def test_no_step_up_with_the_quota_reached_on_only_3_days():
    data = MovementData(week_at(10, range(1, 4)))
    assert pacing.advise(data, held(10), today=TODAY).step_up_offer is None


def test_the_quota_is_held_at_least_7_days():
    data = MovementData(week_at(10))
    assert pacing.advise(data, held(10, days_ago=6), today=TODAY).step_up_offer is None
    assert pacing.advise(data, held(10, days_ago=7), today=TODAY).step_up_offer == 11


@pytest.mark.parametrize(
    "unstable",
    [
        MovementData(week_at(10), much_worse=[day(3)]),
        MovementData(week_at(10), flares=[FlarePeriod(day(9), day(2))]),
        # a pain spike on day 2: 7 >= 4 + 2
        MovementData(week_at(10), pain={**{day(n): 4 for n in range(3, 10)}, day(2): 7}),
    ],
)
def test_no_step_up_after_a_flare_a_pain_spike_or_a_much_worse_log(unstable):
    advice = pacing.advise(unstable, held(10), today=TODAY)
    assert advice.step_up_offer is None and advice.stable is False


def test_post_exertional_malaise_means_no_step_up_offers():
    data = MovementData(week_at(10))
    assert pacing.advise(data, held(10), today=TODAY, malaise=True).step_up_offer is None
    assert pacing.advise(data, held(10), today=TODAY, malaise=False).step_up_offer == 11


# --- Boom-bust and step back ----------------------------------------------------------


def spike_on(pain_day: date, mean: int = 4) -> dict[date, int]:
    return {**{pain_day - timedelta(days=n): mean for n in range(1, 8)}, pain_day: mean + 2}


def test_boom_bust_is_against_the_quota_in_force_that_day():
    history = [QuotaChange(10, day(20), "start"), QuotaChange(12, day(5), "step_up")]
    # 16 minutes: above 1.5 x 10 on day 6, not above 1.5 x 12 = 18 on day 4.
    before = MovementData({day(6): 16}, pain=spike_on(day(5)))
    found = pacing.boom_busts(before, history)
    assert [(b.active_day, b.quota, b.pain_day) for b in found] == [(day(6), 10, day(5))]
    assert found[0].pain_mean == Fraction(4)
    after = MovementData({day(4): 16}, pain=spike_on(day(3)))
    assert pacing.boom_busts(after, history) == []
    assert pacing.boom_busts(MovementData({day(4): 19}, pain=spike_on(day(3))), history)


def test_no_boom_bust_without_a_pain_spike_within_2_days():
    data = MovementData({day(6): 30}, pain=spike_on(day(3)))  # 3 days later: too late
    assert pacing.boom_busts(data, held(10, days_ago=20)) == []


def stepped_up(days_ago: int = 6) -> list[QuotaChange]:
    return [QuotaChange(10, day(30), "start"), QuotaChange(11, day(days_ago), "step_up")]


def test_a_boom_bust_offers_a_step_back_to_the_previous_quota():
    data = MovementData({day(4): 20}, pain=spike_on(day(3)))
    advice = pacing.advise(data, stepped_up(), today=TODAY)
    assert (advice.step_back_offer, advice.step_back_reasons) == (10, ("boom_bust",))
    assert advice.step_up_offer is None and advice.quota == 11


def test_two_much_worse_logs_in_7_days_offer_a_step_back_one_does_not():
    one = MovementData({day(2): 11}, much_worse=[day(2)])
    two = MovementData({day(2): 11, day(3): 11}, much_worse=[day(2), day(3)])
    assert pacing.advise(one, stepped_up(), today=TODAY).step_back_offer is None
    assert pacing.advise(two, stepped_up(), today=TODAY).step_back_reasons == ("much_worse",)


def test_quota_reached_on_fewer_than_2_of_7_days_offers_a_step_back():
    history = stepped_up(days_ago=7)
    once = MovementData({day(2): 11, day(3): 5})
    twice = MovementData({day(2): 11, day(3): 11})
    assert pacing.advise(once, history, today=TODAY).step_back_reasons == ("rarely_reached",)
    assert pacing.advise(twice, history, today=TODAY).step_back_offer is None
    # Not before the quota has been in force a full week.
    assert pacing.advise(once, stepped_up(days_ago=6), today=TODAY).step_back_offer is None


def test_events_before_the_last_decision_do_not_offer_again():
    data = MovementData({day(4): 20}, pain=spike_on(day(3)))
    kept = [*stepped_up(), QuotaChange(11, day(2), "kept")]
    assert pacing.advise(data, kept, today=TODAY).step_back_offer is None


def test_at_the_first_level_there_is_no_step_back():
    data = MovementData({day(4): 20}, pain=spike_on(day(3)))
    assert pacing.advise(data, held(10), today=TODAY).step_back_offer is None


# --- Flare ---------------------------------------------------------------------------


def test_during_a_flare_the_quota_is_hidden():
    data = MovementData({}, flares=[FlarePeriod(day(2), None)])
    advice = pacing.advise(data, held(10), today=TODAY)
    assert advice.in_flare and advice.quota is None and advice.step_up_offer is None


def test_after_a_short_flare_the_old_quota_resumes():
    data = MovementData({}, flares=[FlarePeriod(day(8), day(2))])  # 7 days
    advice = pacing.advise(data, stepped_up(days_ago=20), today=TODAY)
    assert advice.quota == 11 and advice.after_flare_offer is None


def test_after_a_flare_of_more_than_7_days_one_step_lower_is_offered():
    data = MovementData({}, flares=[FlarePeriod(day(9), day(2))])  # 8 days
    advice = pacing.advise(data, stepped_up(days_ago=20), today=TODAY)
    assert advice.quota == 11 and advice.after_flare_offer == 10


def test_the_after_flare_offer_is_answered_once_even_on_the_day_the_flare_ended():
    data = MovementData({}, flares=[FlarePeriod(day(9), TODAY)])
    history = stepped_up(days_ago=20)
    assert pacing.advise(data, history, today=TODAY).after_flare_offer == 10
    kept = [*history, QuotaChange(11, TODAY, "after_flare")]
    advice = pacing.advise(data, kept, today=TODAY)
    assert advice.after_flare_offer is None and advice.quota == 11


# --- Properties -------------------------------------------------------------------------


def follow_exactly(start: int, accept: list[bool], days: int = 84) -> list[QuotaChange]:
    """A user who moves exactly their quota every day, with no symptoms, for 12 weeks, and
    answers each offer as `accept` says (accept, or stay: a "kept" decision)."""
    first = date(2026, 1, 5)
    history = [QuotaChange(start, first, "start")]
    daily: dict[date, int] = {}
    answers = iter(accept)
    for n in range(days):
        today = first + timedelta(days=n)
        advice = pacing.advise(MovementData(dict(daily)), history, today=today)
        assert advice.quota == pacing.current(history).minutes  # type: ignore[union-attr]
        assert advice.step_back_offer is None
        if advice.step_up_offer is not None:
            if next(answers, True):
                history.append(QuotaChange(advice.step_up_offer, today, "step_up"))
            else:
                history.append(QuotaChange(advice.quota, today, "kept"))
        daily[today] = pacing.quota_on(history, today) or 0
    return history


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 120), st.lists(st.booleans(), max_size=12))
def test_following_the_quota_exactly_for_12_weeks_never_lowers_it(start, accept):
    history = follow_exactly(start, accept)
    minutes = [change.minutes for change in history]
    assert minutes == sorted(minutes) and minutes[0] == start


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 120), st.lists(st.booleans(), max_size=12))
def test_a_step_up_comes_at_most_once_per_7_days(start, accept):
    ups = [c.started_on for c in follow_exactly(start, accept) if c.reason == "step_up"]
    assert all((later - earlier).days >= 7 for earlier, later in zip(ups, ups[1:], strict=False))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 120))
def test_a_step_up_is_never_automatic(start):
    # Declining every offer: after 12 weeks of offers, the quota is still the start.
    history = follow_exactly(start, [False] * 20)
    assert {c.minutes for c in history} == {start}
    assert any(c.reason == "kept" for c in history)  # there were offers, all declined


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.integers(1, 20), st.integers(1, 200), max_size=20),
    st.integers(1, 100),
)
def test_advice_never_changes_the_stored_quota(daily, quota):
    history = held(quota, days_ago=10)
    data = MovementData({day(n): m for n, m in daily.items()})
    advice = pacing.advise(data, history, today=TODAY)
    assert advice.quota == quota and history == held(quota, days_ago=10)
    if advice.step_up_offer is not None:
        assert advice.step_up_offer >= quota + 1
