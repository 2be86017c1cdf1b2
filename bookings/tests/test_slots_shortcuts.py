"""The slot search's two shortcuts (issue 18): steady days skip the per-candidate
time-zone conversion, and the finder's search stops once the earliest slot is known."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from hypothesis import given, settings

from bookings.slots import WorkingHours, generate_slots
from bookings.tests.test_slots import (
    AMS,
    FALL_BACK,
    SPRING_FORWARD,
    generate,
    scenarios,
    whole_local_day,
)


@settings(max_examples=200, deadline=None, database=None)
@given(scenarios())
def test_property_earliest_only_keeps_the_earliest_slot(case: dict[str, Any]) -> None:
    every = generate_slots(**case)
    early = generate_slots(**case, earliest_only=True)
    assert early[:1] == every[:1]
    assert early == every[: len(early)]  # a prefix: nothing out of order, nothing made up


def test_the_steady_day_shortcut_gives_the_same_slots_as_the_clock_on_dst_days() -> None:
    # A day on each side of both clock changes, where the shortcut and the per-candidate
    # conversion meet: the same grid in UTC as the wall clock says.
    for day in (SPRING_FORWARD, FALL_BACK):
        for offset in (-1, 1):
            other = day + timedelta(days=offset)
            hours = [WorkingHours(other.weekday(), time(9), time(12))]
            start, end = whole_local_day(other)
            found = generate(working_hours=hours, window_start=start, window_end=end)
            local = [s.start.astimezone(AMS).time() for s in found]
            assert local == [time(9 + m // 60, m % 60) for m in range(0, 180, 30)]
