from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from programme.days import (
    PROGRAMME_DAYS,
    date_of_day,
    lesson_first_day,
    lesson_order_on,
    paused_days_after_resume,
    programme_day,
)

START = date(2026, 3, 2)


def day_on(today, **kwargs):
    return programme_day(started_on=START, today=today, **kwargs)


def test_the_start_date_is_day_1_of_week_1():
    day = day_on(START)
    assert (day.day, day.week, day.day_of_week, day.lesson) == (1, 1, 1, (1, 1))


def test_before_the_start_there_is_no_programme_day():
    assert day_on(START - timedelta(days=1)) is None


@pytest.mark.parametrize(
    ("offset", "week", "lesson"),
    [(0, 1, (1, 1)), (2, 1, (1, 2)), (4, 1, (1, 3)), (6, 1, (1, 3)), (7, 2, (2, 1)),
     (28, 5, (5, 1)), (83, 12, (12, 3))],
)  # fmt: skip
def test_lessons_are_spread_over_the_week_on_days_1_3_and_5(offset, week, lesson):
    day = day_on(START + timedelta(days=offset))
    assert (day.week, day.lesson) == (week, lesson)


def test_after_day_84_the_programme_is_finished_without_a_lesson_of_the_day():
    day = day_on(START + timedelta(days=PROGRAMME_DAYS))
    assert day.finished and day.week == 12 and day.lesson is None


def test_a_pause_freezes_the_day_and_resuming_goes_on_from_the_same_day():
    paused_on = START + timedelta(days=9)  # day 10
    during = day_on(START + timedelta(days=30), paused_on=paused_on)
    assert (during.day, during.paused) == (10, True)
    resumed_on = START + timedelta(days=40)
    total = paused_days_after_resume(paused_days=0, paused_on=paused_on, resumed_on=resumed_on)
    assert total == 31
    after = day_on(resumed_on, paused_days=total)
    assert (after.day, after.paused) == (10, False)
    assert day_on(resumed_on + timedelta(days=1), paused_days=total).day == 11


def test_a_pause_that_begins_later_does_not_count_yet():
    day = day_on(START + timedelta(days=3), paused_on=START + timedelta(days=5))
    assert (day.day, day.paused) == (4, False)


def test_bad_slots_are_refused():
    with pytest.raises(ValueError):
        lesson_order_on(8)
    with pytest.raises(ValueError):
        lesson_first_day(13, 1)
    with pytest.raises(ValueError):
        programme_day(started_on=START, today=START, paused_days=-1)


def test_every_lesson_is_the_lesson_of_the_day_in_programme_order():
    seen = []
    for offset in range(PROGRAMME_DAYS):
        lesson = day_on(START + timedelta(days=offset)).lesson
        if not seen or seen[-1] != lesson:
            seen.append(lesson)
    assert seen == [(week, order) for week in range(1, 13) for order in (1, 2, 3)]
    assert all(
        day_on(START + timedelta(days=lesson_first_day(w, o) - 1)).lesson == (w, o) for w, o in seen
    )


@given(
    first=st.integers(min_value=0, max_value=400),
    gap=st.integers(min_value=0, max_value=400),
    paused=st.integers(min_value=0, max_value=100),
)
def test_the_programme_day_never_goes_backwards(first, gap, paused):
    earlier = day_on(START + timedelta(days=first + paused), paused_days=paused)
    later = day_on(START + timedelta(days=first + paused + gap), paused_days=paused)
    assert later.day - earlier.day == gap
    assert 1 <= later.week <= 12


@given(offset=st.integers(min_value=0, max_value=500), paused=st.integers(0, 50))
def test_date_of_day_is_the_inverse_of_programme_day(offset, paused):
    today = START + timedelta(days=offset + paused)
    day = day_on(today, paused_days=paused)
    assert date_of_day(started_on=START, day=day.day, paused_days=paused) == today
