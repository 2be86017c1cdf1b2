from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.crisis import mentions_crisis
from diary.rules import (
    allowed_dates,
    date_problem,
    flare_suggested,
    flare_window_start,
    pain_spike,
    spike_threshold,
)
from diary.values import CheckInValues

TODAY = date(2026, 3, 10)


def series(values_by_offset):
    """{days before today: pain} -> {date: pain}"""
    return {TODAY - timedelta(days=n): pain for n, pain in values_by_offset.items()}


def test_today_and_seven_days_back_are_allowed_never_the_future():
    assert date_problem(TODAY, today=TODAY) is None
    assert date_problem(TODAY - timedelta(days=7), today=TODAY) is None
    assert date_problem(TODAY - timedelta(days=8), today=TODAY) == "too_old"
    assert date_problem(TODAY + timedelta(days=1), today=TODAY) == "future"
    assert allowed_dates(TODAY)[0] == TODAY and len(allowed_dates(TODAY)) == 8


def test_flare_is_suggested_after_two_pain_spikes_in_a_row():
    week_before = {n: 4 for n in range(2, 9)}
    # Yesterday 6 >= 4 + 2; today is measured against its own 7 days before (6 and six 4s,
    # mean 30/7), so today needs >= 44/7 = 6.29: 7 is a spike, 6 is not.
    assert flare_suggested(series({0: 7, 1: 6, **week_before}), today=TODAY)
    assert not flare_suggested(series({0: 6, 1: 6, **week_before}), today=TODAY)


def test_one_high_day_is_not_enough():
    week_before = {n: 4 for n in range(2, 9)}
    assert not flare_suggested(series({0: 7, 1: 5, **week_before}), today=TODAY)


def test_the_rule_looks_at_yesterday_and_the_day_before_when_today_is_not_filled_in():
    week_before = {n: 3 for n in range(3, 10)}
    assert flare_suggested(series({1: 6, 2: 5, **week_before}), today=TODAY)


def test_the_reference_needs_four_check_ins_in_the_week_before():
    assert not flare_suggested(series({0: 9, 1: 9, 2: 2, 3: 2, 4: 2}), today=TODAY)
    assert flare_suggested(series({0: 9, 1: 9, 2: 2, 3: 2, 4: 2, 8: 2}), today=TODAY)


def test_exactly_two_points_above_a_fractional_mean_counts_exactly():
    # mean of 4, 4, 4, 5 = 4.25: 6 is not 2 above it, 7 is.
    week_before = {2: 4, 3: 4, 4: 4, 5: 5}
    assert not flare_suggested(series({0: 7, 1: 6, **week_before}), today=TODAY)
    assert flare_suggested(series({0: 7, 1: 7, **week_before}), today=TODAY)


def test_a_high_mean_never_hides_a_flare():
    # Mean 9: mean + 2 = 11 is off the scale, so the threshold is min(11, 10) = 10.
    week_before = {n: 9 for n in range(2, 9)}
    assert spike_threshold(Fraction(9)) == 10
    assert flare_suggested(series({0: 10, 1: 10, **week_before}), today=TODAY)
    assert not flare_suggested(series({0: 10, 1: 9, **week_before}), today=TODAY)


@given(
    st.lists(st.integers(0, 10), min_size=7, max_size=7),
    st.integers(0, 5),
)
def test_ten_twice_after_any_week_of_scores_is_a_flare_suggestion(week, gaps):
    """Property: whatever the mean (9, 10, ...), pain 10 on two days in a row after a week
    with at least 4 scores is offered as a flare."""
    history = {n + 2: pain for n, pain in enumerate(week) if n >= gaps or n % 2 == 0}
    pains = series({0: 10, 1: 10, **history})
    assert flare_suggested(pains, today=TODAY)
    assert pain_spike(pains, TODAY) and pain_spike(pains, TODAY - timedelta(days=1))


def test_the_bounded_query_covers_every_day_the_rule_reads():
    assert flare_window_start(TODAY) == TODAY - timedelta(days=9)


@given(st.dictionaries(st.integers(0, 12), st.integers(0, 10)))
def test_the_rule_never_fires_without_the_two_latest_days(values):
    pains = series(values)
    if flare_suggested(pains, today=TODAY):
        assert (TODAY in pains and TODAY - timedelta(days=1) in pains) or (
            TODAY - timedelta(days=1) in pains and TODAY - timedelta(days=2) in pains
        )


@pytest.mark.parametrize(
    "note",
    [
        "Ik wil dood",
        "soms denk ik aan ZELFMOORD",
        "Ik wil er een eind aan maken",
        "I want to die",
        "thinking about ending my life",
        "I don’t want to live like this",
        "suïcidaal",
    ],
)
def test_crisis_phrases_in_dutch_and_english_are_found(note):
    assert mentions_crisis(note)


@pytest.mark.parametrize(
    "note",
    ["", "Ik ben doodmoe", "Dood op na het werk", "Lekker geslapen", "My legs are dead tired"],
)
def test_ordinary_notes_do_not_trigger_the_crisis_offer(note):
    assert not mentions_crisis(note)


def test_check_in_values_name_every_problem():
    values = CheckInValues(pain=11, mood=-1, note="x" * 2001, pain_areas=("neck", "neck"))
    problems = values.problems(known_areas={"neck"})
    assert problems == {"pain": "range", "mood": "range", "note": "too_long", "pain_areas": "twice"}
    assert CheckInValues(pain=3, pain_areas=("elbow",)).problems(known_areas={"neck"}) == {
        "pain_areas": "unknown"
    }
    assert CheckInValues(pain=True).problems(known_areas=()) == {"pain": "range"}  # type: ignore[arg-type]
