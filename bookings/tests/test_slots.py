"""Tests for the pure slot generator (no Django, no database)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bookings.slots import (
    DEFAULT_TZ,
    AppointmentSpec,
    Interval,
    Slot,
    WorkingHours,
    generate_slots,
    is_free,
    merge_busy,
)

AMS = ZoneInfo("Europe/Amsterdam")

MONDAY, TUESDAY, SUNDAY = 0, 1, 6
FOLLOW_UP = AppointmentSpec(duration=timedelta(minutes=30))
INTAKE = AppointmentSpec(duration=timedelta(minutes=60), buffer=timedelta(minutes=15))

WINTER_TUESDAY = date(2026, 1, 13)
SUMMER_TUESDAY = date(2026, 6, 16)
SPRING_FORWARD = date(2026, 3, 29)  # Sunday, 02:00 CET -> 03:00 CEST
FALL_BACK = date(2026, 10, 25)  # Sunday, 03:00 CEST -> 02:00 CET
LONG_AGO = datetime(2025, 12, 1, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=AMS)


def utc_span(start: str, end: str) -> Interval:
    """Interval on 1 January 2026 in UTC, e.g. utc_span("09:00", "10:00")."""
    return Interval(*(datetime.fromisoformat(f"2026-01-01T{t}+00:00") for t in (start, end)))


def tuesday_span(start: str, end: str) -> Interval:
    """Interval on WINTER_TUESDAY in Amsterdam wall-clock time."""
    return Interval(*(local(WINTER_TUESDAY, *map(int, t.split(":"))) for t in (start, end)))


def whole_local_day(day: date) -> tuple[datetime, datetime]:
    return local(day, 0), datetime.combine(day + timedelta(days=1), time(0), tzinfo=AMS)


TUESDAY_MORNING = [WorkingHours(TUESDAY, time(9), time(12))]


def arguments(**overrides: Any) -> dict[str, Any]:
    """Test defaults: Tuesday mornings, follow-ups, nothing booked, the whole winter Tuesday."""
    start, end = whole_local_day(WINTER_TUESDAY)
    defaults = {"working_hours": TUESDAY_MORNING, "spec": FOLLOW_UP, "busy": [], "now": LONG_AGO}
    defaults |= {"window_start": start, "window_end": end, "horizon": timedelta(weeks=100)}
    return defaults | {"minimum_notice": timedelta(hours=2)} | overrides


def generate(**overrides: Any) -> list[Slot]:
    return generate_slots(**arguments(**overrides))


def slots_on(
    day: date, hours: list[WorkingHours], spec: AppointmentSpec = FOLLOW_UP, **overrides: Any
) -> list[Slot]:
    start, end = whole_local_day(day)
    return generate(working_hours=hours, spec=spec, window_start=start, window_end=end, **overrides)


def starts(slots: list[Slot]) -> list[datetime]:
    return [slot.start for slot in slots]


def local_walls(slots: list[Slot]) -> list[str]:
    return [slot.start.astimezone(AMS).strftime("%H:%M") for slot in slots]


def assert_no_overlap(slots: list[Slot]) -> None:
    for first, second in pairwise(slots):
        assert first.end <= second.start, (first, second)


# --------------------------------------------------------------------------- ordinary days
def test_winter_tuesday_morning_gives_six_follow_ups_at_cet_utc_plus_one() -> None:
    slots = slots_on(WINTER_TUESDAY, [WorkingHours(TUESDAY, time(9), time(12))])

    assert starts(slots) == [utc(2026, 1, 13, 8 + h // 2, 30 * (h % 2)) for h in range(6)]
    assert [slot.end - slot.start for slot in slots] == [timedelta(minutes=30)] * 6
    assert all(slot.start.tzinfo is UTC and slot.end.tzinfo is UTC for slot in slots)


def test_summer_tuesday_morning_gives_six_follow_ups_at_cest_utc_plus_two() -> None:
    slots = slots_on(SUMMER_TUESDAY, [WorkingHours(TUESDAY, time(9), time(12))])

    assert starts(slots)[0] == utc(2026, 6, 16, 7, 0)
    assert starts(slots)[-1] == utc(2026, 6, 16, 9, 30)
    assert local_walls(slots) == ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]


def test_no_slots_on_a_weekday_without_working_hours() -> None:
    assert slots_on(WINTER_TUESDAY, [WorkingHours(MONDAY, time(9), time(12))]) == []


def test_lunch_break_splits_the_day_into_two_blocks() -> None:
    hours = [WorkingHours(TUESDAY, time(13), time(14)), WorkingHours(TUESDAY, time(9), time(10))]

    assert local_walls(slots_on(WINTER_TUESDAY, hours)) == ["09:00", "09:30", "13:00", "13:30"]


def test_overlapping_working_blocks_are_merged_without_duplicate_slots() -> None:
    hours = [WorkingHours(TUESDAY, time(9), time(11)), WorkingHours(TUESDAY, time(10), time(12))]
    slots = slots_on(WINTER_TUESDAY, hours)

    assert len(slots) == 6
    assert_no_overlap(slots)


def test_other_time_zone_is_respected() -> None:
    slots = slots_on(
        SUMMER_TUESDAY, [WorkingHours(TUESDAY, time(9), time(10))], tz=ZoneInfo("Europe/London")
    )

    assert starts(slots) == [utc(2026, 6, 16, 8, 0), utc(2026, 6, 16, 8, 30)]
    assert DEFAULT_TZ == AMS


# --------------------------------------------------------------------------- durations and buffers
def test_intake_with_buffer_uses_duration_as_default_step_and_returns_duration_only() -> None:
    slots = slots_on(WINTER_TUESDAY, [WorkingHours(TUESDAY, time(9), time(12))], INTAKE)

    # 11:00 + 60 min + 15 min buffer = 12:15 > 12:00, so 11:00 is not offered.
    assert local_walls(slots) == ["09:00", "10:00"]
    assert [slot.end - slot.start for slot in slots] == [timedelta(minutes=60)] * 2


def test_intake_spaced_by_duration_plus_buffer_when_step_says_so() -> None:
    slots = slots_on(
        WINTER_TUESDAY,
        [WorkingHours(TUESDAY, time(9), time(12))],
        INTAKE,
        step=timedelta(minutes=75),
    )

    assert local_walls(slots) == ["09:00", "10:15"]  # 11:30 + 75 min > 12:00


def test_buffer_must_fit_inside_the_working_block() -> None:
    block = [WorkingHours(TUESDAY, time(9), time(11))]
    no_buffer = AppointmentSpec(duration=timedelta(minutes=60))

    assert local_walls(slots_on(WINTER_TUESDAY, block, no_buffer)) == ["09:00", "10:00"]
    assert local_walls(slots_on(WINTER_TUESDAY, block, INTAKE)) == ["09:00"]


def test_appointment_ending_exactly_at_block_end_is_offered() -> None:
    slots = slots_on(WINTER_TUESDAY, [WorkingHours(TUESDAY, time(9), time(10, 15))], INTAKE)

    assert local_walls(slots) == ["09:00"]


def test_custom_step_smaller_than_duration_offers_overlapping_alternatives() -> None:
    slots = slots_on(
        WINTER_TUESDAY,
        [WorkingHours(TUESDAY, time(9), time(10))],
        FOLLOW_UP,
        step=timedelta(minutes=15),
    )

    assert local_walls(slots) == ["09:00", "09:15", "09:30"]


# --------------------------------------------------------------------------- DST: spring forward
SPRING_HOURS = [
    WorkingHours(SUNDAY, time(0), time(6)),
    WorkingHours(SUNDAY, time(9), time(12)),
]


def test_spring_forward_skips_non_existent_local_times() -> None:
    slots = slots_on(SPRING_FORWARD, SPRING_HOURS)
    walls = local_walls(slots)

    assert "02:00" not in walls and "02:30" not in walls
    assert walls[:6] == ["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"]
    assert len(slots) == 10 + 6
    assert_no_overlap(slots)


def test_spring_forward_utc_offsets_before_and_after_the_change() -> None:
    slots = slots_on(SPRING_FORWARD, SPRING_HOURS)
    by_wall = dict(zip(local_walls(slots), slots, strict=True))

    assert by_wall["01:30"].start == utc(2026, 3, 29, 0, 30)  # CET, UTC+1
    assert by_wall["03:00"].start == utc(2026, 3, 29, 1, 0)  # CEST, UTC+2
    assert by_wall["05:30"].start == utc(2026, 3, 29, 3, 30)
    assert by_wall["09:00"].start == utc(2026, 3, 29, 7, 0)
    assert by_wall["01:30"].end == by_wall["03:00"].start  # adjacent in real time


def test_spring_forward_slot_spanning_the_gap_lasts_real_duration() -> None:
    ninety = AppointmentSpec(duration=timedelta(minutes=90))
    slots = slots_on(SPRING_FORWARD, [WorkingHours(SUNDAY, time(1), time(6))], ninety)

    first = slots[0]
    assert first.start == utc(2026, 3, 29, 0, 0)  # 01:00 CET
    assert first.end - first.start == timedelta(minutes=90)
    assert first.end.astimezone(AMS).strftime("%H:%M") == "03:30"  # CEST
    assert_no_overlap(slots)


def test_spring_forward_compressed_grid_point_is_dropped_to_avoid_overlap() -> None:
    spec = AppointmentSpec(duration=timedelta(minutes=45))
    slots = slots_on(SPRING_FORWARD, [WorkingHours(SUNDAY, time(0), time(6))], spec)

    # Grid: 00:00 00:45 01:30 [02:15 missing] 03:00 03:45 ...; 03:00 CEST is only
    # 30 real minutes after 01:30 CET, so it would overlap and is not offered.
    assert local_walls(slots)[:4] == ["00:00", "00:45", "01:30", "03:45"]
    assert_no_overlap(slots)


def test_spring_forward_block_ending_in_the_gap_ends_at_the_transition() -> None:
    block = [WorkingHours(SUNDAY, time(0), time(2, 30))]
    hour = AppointmentSpec(duration=timedelta(minutes=60))

    assert local_walls(slots_on(SPRING_FORWARD, block)) == ["00:00", "00:30", "01:00", "01:30"]
    # 01:30 CET + 60 min = 03:30 CEST: past the transition (01:00 UTC), so not offered.
    slots = slots_on(SPRING_FORWARD, block, hour, step=timedelta(minutes=30))
    assert local_walls(slots) == ["00:00", "00:30", "01:00"]
    assert slots[-1].end == utc(2026, 3, 29, 1, 0)


# --------------------------------------------------------------------------- DST: fall back
FALL_HOURS = [WorkingHours(SUNDAY, time(0), time(6))]


def test_fall_back_uses_each_wall_time_once_at_its_first_occurrence() -> None:
    slots = slots_on(FALL_BACK, FALL_HOURS)
    walls = local_walls(slots)

    assert len(slots) == 12  # 00:00 .. 05:30, same as the wall-clock grid
    assert walls.count("02:00") == 1 and walls.count("02:30") == 1
    two_thirty = slots[walls.index("02:30")]
    assert two_thirty.start == utc(2026, 10, 25, 0, 30)  # first pass, CEST
    assert two_thirty.start.astimezone(AMS).utcoffset() == timedelta(hours=2)
    assert_no_overlap(slots)


def test_fall_back_repeated_hour_gets_no_extra_slots() -> None:
    slots = slots_on(FALL_BACK, FALL_HOURS)

    repeated = Interval(utc(2026, 10, 25, 1, 0), utc(2026, 10, 25, 2, 0))  # second 02:00-03:00
    assert all(not repeated.overlaps(Interval(s.start, s.end)) for s in slots)
    by_wall = dict(zip(local_walls(slots), slots, strict=True))
    assert by_wall["01:30"].start == utc(2026, 10, 24, 23, 30)  # CEST, UTC+2
    assert by_wall["03:00"].start == utc(2026, 10, 25, 2, 0)  # CET, UTC+1
    assert by_wall["05:30"].end == utc(2026, 10, 25, 5, 0)


def test_fall_back_slot_spanning_the_change_lasts_real_duration() -> None:
    hour = AppointmentSpec(duration=timedelta(minutes=60))
    slots = slots_on(FALL_BACK, [WorkingHours(SUNDAY, time(2, 30), time(6))], hour)

    first = slots[0]
    assert first.start == utc(2026, 10, 25, 0, 30)  # 02:30 CEST
    assert first.end - first.start == timedelta(minutes=60)
    assert first.end.astimezone(AMS).strftime("%H:%M %Z") == "02:30 CET"
    assert_no_overlap(slots)


def test_fall_back_block_ending_in_repeated_hour_ends_at_first_occurrence() -> None:
    block = [WorkingHours(SUNDAY, time(0), time(2, 30))]
    hour = AppointmentSpec(duration=timedelta(minutes=60))

    assert local_walls(slots_on(FALL_BACK, block))[-1] == "02:00"
    # 02:00 CEST + 60 min ends after 02:30 CEST, the (first) end of the block.
    assert local_walls(slots_on(FALL_BACK, block, hour)) == ["00:00", "01:00"]


@pytest.mark.parametrize(
    ("day", "utc_hour_of_nine_local"),
    [
        (date(2026, 3, 28), 8),  # Saturday before spring forward: CET
        (SPRING_FORWARD, 7),
        (date(2026, 3, 30), 7),  # Monday after spring forward: CEST
        (date(2026, 10, 24), 7),  # Saturday before fall back: CEST
        (FALL_BACK, 8),
        (date(2026, 10, 26), 8),  # Monday after fall back: CET
    ],
)
def test_nine_to_five_in_dst_weeks_gives_sixteen_slots_at_correct_utc_times(
    day: date, utc_hour_of_nine_local: int
) -> None:
    slots = slots_on(day, [WorkingHours(day.weekday(), time(9), time(17))])

    assert len(slots) == 16
    first_start = datetime.combine(day, time(utc_hour_of_nine_local), tzinfo=UTC)
    assert starts(slots) == [first_start + n * timedelta(minutes=30) for n in range(16)]
    assert local_walls(slots)[0] == "09:00" and local_walls(slots)[-1] == "16:30"


# ---------------------------------------------------------------- notice, horizon, window
def test_minimum_notice_boundary_is_inclusive() -> None:
    exactly = generate(now=local(WINTER_TUESDAY, 7))
    a_minute_late = generate(now=local(WINTER_TUESDAY, 7, 1))

    assert local_walls(exactly)[0] == "09:00"
    assert local_walls(a_minute_late)[0] == "09:30"


def test_minimum_notice_is_configurable() -> None:
    slots = generate(now=local(WINTER_TUESDAY, 9, 50), minimum_notice=timedelta(0))

    assert local_walls(slots) == ["10:00", "10:30", "11:00", "11:30"]


def test_horizon_boundary_is_exclusive() -> None:
    now = local(WINTER_TUESDAY, 10) - timedelta(weeks=8)
    slots = generate(now=now, horizon=timedelta(weeks=8))

    assert local_walls(slots) == ["09:00", "09:30"]


def test_window_selects_slots_by_start_and_tiles_without_duplicates() -> None:
    def window(start: datetime, end: datetime) -> list[Slot]:
        return generate(window_start=start, window_end=end)

    morning = window(local(WINTER_TUESDAY, 9, 15), local(WINTER_TUESDAY, 10, 30))
    assert local_walls(morning) == ["09:30", "10:00"]
    day_start, day_end = whole_local_day(WINTER_TUESDAY)
    split = local(WINTER_TUESDAY, 10, 30)
    assert window(day_start, split) + window(split, day_end) == window(day_start, day_end)


def test_empty_or_reversed_window_gives_no_slots() -> None:
    start = local(WINTER_TUESDAY, 9)
    for end in (start, start - timedelta(hours=1)):
        assert generate(window_start=start, window_end=end) == []


def test_window_over_several_weeks_only_returns_working_weekdays() -> None:
    start = local(date(2026, 1, 12), 0)
    slots = generate(window_start=start, window_end=start + timedelta(weeks=3))

    assert len(slots) == 18
    days = {slot.start.astimezone(AMS).date() for slot in slots}
    assert days == {date(2026, 1, 13), date(2026, 1, 20), date(2026, 1, 27)}


def test_closed_dates_give_no_slots() -> None:
    start = local(date(2026, 1, 12), 0)
    end = start + timedelta(weeks=2)
    slots = generate(window_start=start, window_end=end, closed_dates={date(2026, 1, 13)})

    assert {slot.start.astimezone(AMS).date() for slot in slots} == {date(2026, 1, 20)}


def test_closed_dates_must_be_dates_not_datetimes() -> None:
    with pytest.raises(TypeError, match="closed_dates"):
        generate(closed_dates=[local(WINTER_TUESDAY, 0)])


# --------------------------------------------------------------------------- busy time
def test_overlapping_busy_interval_removes_slots_and_adjacent_ones_stay() -> None:
    slots = generate(busy=[tuesday_span("10:00", "10:45")])

    assert local_walls(slots) == ["09:00", "09:30", "11:00", "11:30"]


def test_candidate_buffer_may_not_overlap_busy_time_but_may_touch_it() -> None:
    hours = [WorkingHours(TUESDAY, time(9), time(13))]
    touching = generate(working_hours=hours, spec=INTAKE, busy=[tuesday_span("10:15", "11:00")])
    on_buffer = generate(working_hours=hours, spec=INTAKE, busy=[tuesday_span("10:10", "11:00")])

    assert local_walls(touching) == ["09:00", "11:00"]
    assert local_walls(on_buffer) == ["11:00"]


def test_blocked_time_in_another_time_zone_counts_as_busy() -> None:
    blocked = Interval(utc(2026, 1, 13, 8, 0), utc(2026, 1, 13, 9, 0))  # 09:00-10:00 CET
    slots = generate(busy=[blocked])

    assert local_walls(slots) == ["10:00", "10:30", "11:00", "11:30"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("09:00", "10:00"), ("10:00", "11:00"), False),  # b touches a's end
        (("10:00", "11:00"), ("09:00", "10:00"), False),  # b touches a's start
        (("09:00", "10:00"), ("11:00", "12:00"), False),  # disjoint
        (("09:00", "11:00"), ("10:00", "12:00"), True),  # partial overlap
        (("10:00", "12:00"), ("09:00", "11:00"), True),  # partial overlap, other side
        (("09:00", "12:00"), ("10:00", "11:00"), True),  # containment
        (("09:00", "10:00"), ("09:59", "11:00"), True),  # one minute of overlap
        (("09:00", "10:00"), ("09:00", "10:00"), True),  # identical
        (("09:00", "10:00"), ("09:00", "11:00"), True),  # same start
    ],
)
def test_interval_overlaps_is_half_open(
    a: tuple[str, str], b: tuple[str, str], expected: bool
) -> None:
    first, second = utc_span(*a), utc_span(*b)

    assert first.overlaps(second) is expected
    assert second.overlaps(first) is expected


def test_is_free_allows_adjacency_and_rejects_overlap() -> None:
    busy = [utc_span("10:00", "11:00")]

    assert is_free(busy, utc_span("09:00", "10:00"))
    assert is_free(busy, utc_span("11:00", "12:00"))
    assert not is_free(busy, utc_span("10:59", "12:00"))
    assert is_free([], utc_span("10:00", "11:00"))


def test_merge_busy_merges_overlapping_and_touching_intervals() -> None:
    spans = [("13:00", "14:00"), ("09:00", "10:00"), ("10:00", "11:00"), ("09:30", "09:45")]
    merged = merge_busy([utc_span(*span) for span in spans])

    assert merged == [utc_span("09:00", "11:00"), utc_span("13:00", "14:00")]


def test_interval_is_normalised_to_utc() -> None:
    interval = Interval(local(WINTER_TUESDAY, 9), local(WINTER_TUESDAY, 10))

    assert interval.start == utc(2026, 1, 13, 8) and interval.start.tzinfo is UTC


# --------------------------------------------------------------------------- validation
def test_naive_datetimes_are_rejected() -> None:
    naive = datetime(2026, 1, 13, 9)  # noqa: DTZ001 - deliberately naive
    aware = local(WINTER_TUESDAY, 9)

    with pytest.raises(ValueError, match="timezone-aware"):
        Interval(naive, aware)
    with pytest.raises(ValueError, match="timezone-aware"):
        Slot(aware, naive)
    for name in ("window_start", "window_end", "now"):
        arguments = {"window_start": aware, "window_end": aware + timedelta(days=1), "now": aware}
        arguments[name] = naive
        with pytest.raises(ValueError, match=name):
            generate(**arguments)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Interval(utc(2026, 1, 1, 10), utc(2026, 1, 1, 10)),
        lambda: WorkingHours(7, time(9), time(12)),
        lambda: WorkingHours(0, time(12), time(9)),
        lambda: WorkingHours(0, time(9, tzinfo=UTC), time(12, tzinfo=UTC)),
        lambda: AppointmentSpec(duration=timedelta(0)),
        lambda: AppointmentSpec(duration=timedelta(minutes=30), buffer=timedelta(minutes=-5)),
        lambda: generate(step=timedelta(0)),
        lambda: generate(minimum_notice=timedelta(-1)),
        lambda: generate(horizon=timedelta(-1)),
    ],
)
def test_invalid_values_are_rejected(make: Callable[[], object]) -> None:
    with pytest.raises(ValueError):
        make()


# --------------------------------------------------------------------------- properties
AROUND = [date(2026, 3, 27), date(2026, 10, 23), date(2026, 6, 12), date(2026, 1, 9)]
MINUTE = timedelta(minutes=1)


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """Random but valid arguments near both DST weekends and two ordinary weeks.

    Blocks on one weekday are disjoint (merging is tested separately); Sundays
    and early-morning times are over-represented to hit the DST transitions.
    """
    blocks = []
    for weekday in draw(st.sets(st.integers(0, 6) | st.just(SUNDAY), max_size=3)):
        minutes = st.integers(0, 24 * 60 - 1) | st.integers(0, 4 * 60)
        points = sorted(draw(st.sets(minutes, min_size=2, max_size=6)))
        for start, end in zip(points[::2], points[1::2], strict=False):
            blocks.append(WorkingHours(weekday, time(*divmod(start, 60)), time(*divmod(end, 60))))
    duration = draw(st.integers(5, 120)) * MINUTE
    buffer = draw(st.sampled_from([0, 5, 10, 15, 30])) * MINUTE
    base_day = draw(st.sampled_from(AROUND) | st.sampled_from(AROUND[:2]))
    base = datetime.combine(base_day, time(0), tzinfo=UTC)
    window_start = base + draw(st.integers(0, 2 * 24 * 60)) * MINUTE
    busy = []
    for _ in range(draw(st.integers(0, 5))):
        busy_start = base + draw(st.integers(0, 6 * 24 * 60)) * MINUTE
        busy.append(Interval(busy_start, busy_start + draw(st.integers(1, 300)) * MINUTE))
    return {
        "working_hours": blocks,
        "spec": AppointmentSpec(duration, buffer),
        "busy": busy,
        "window_start": window_start,
        "window_end": window_start + draw(st.integers(0, 4 * 24 * 60)) * MINUTE,
        "now": base + draw(st.integers(-3 * 24 * 60, 3 * 24 * 60) | st.just(-7 * 24 * 60)) * MINUTE,
        "step": draw(st.none() | st.integers(0, 45).map(lambda m: duration + m * MINUTE)),
        "minimum_notice": draw(st.sampled_from([0, 30, 120])) * MINUTE,
        "horizon": timedelta(days=draw(st.sampled_from([1, 3, 56, 56]))),
    }


def wall(instant: datetime) -> datetime:
    return instant.astimezone(AMS).replace(tzinfo=None)


def inside_a_block(slot: Slot, occupied: timedelta, hours: list[WorkingHours]) -> bool:
    """The slot starts at/after a block's start (local wall time, same date) and the
    local clock stays before that block's end for the whole occupied time."""
    start = wall(slot.start)
    probes = [slot.start + m * MINUTE for m in range(occupied // MINUTE)]
    probes.append(slot.start + occupied - timedelta(microseconds=1))
    return any(
        block.weekday == start.weekday()
        and block.start <= start.time()
        and all(wall(p) < datetime.combine(start.date(), block.end) for p in probes)
        for block in hours
    )


def assert_invariants(case: dict[str, Any]) -> None:
    slots = generate_slots(**case)
    spec: AppointmentSpec = case["spec"]
    now: datetime = case["now"]

    assert [s.start for s in slots] == sorted(s.start for s in slots)
    assert_no_overlap(slots)
    for slot in slots:
        assert slot.start.tzinfo is UTC and slot.end.tzinfo is UTC
        assert slot.end - slot.start == spec.duration
        assert case["window_start"] <= slot.start < case["window_end"]
        assert now + case["minimum_notice"] <= slot.start < now + case["horizon"]
        assert is_free(case["busy"], Interval(slot.start, slot.start + spec.occupied))
        assert inside_a_block(slot, spec.occupied, case["working_hours"]), slot


@settings(max_examples=200, deadline=None, database=None)
@given(scenarios())
def test_property_slots_are_sorted_disjoint_inside_blocks_and_free(case: dict[str, Any]) -> None:
    assert_invariants(case)


@settings(max_examples=200, deadline=None, database=None)
@given(
    day=st.sampled_from([SPRING_FORWARD, FALL_BACK]),
    start=st.integers(0, 4 * 60),
    length=st.integers(1, 8 * 60),
    duration=st.integers(5, 120),
    extra_step=st.integers(0, 45),
    buffer=st.sampled_from([0, 10, 15]),
)
def test_property_dst_sunday_night_slots_are_disjoint_and_inside_blocks(
    day: date, start: int, length: int, duration: int, extra_step: int, buffer: int
) -> None:
    block = WorkingHours(SUNDAY, time(*divmod(start, 60)), time(*divmod(start + length, 60)))
    window_start, window_end = whole_local_day(day)
    spec = AppointmentSpec(duration * MINUTE, buffer * MINUTE)
    step = (duration + extra_step) * MINUTE
    case = arguments(working_hours=[block], spec=spec, step=step, window_start=window_start)
    assert_invariants(case | {"window_end": window_end})


@settings(max_examples=100, deadline=None, database=None)
@given(scenarios())
def test_property_busy_time_only_removes_slots_and_windows_tile(case: dict[str, Any]) -> None:
    occupied: timedelta = case["spec"].occupied
    with_busy = generate_slots(**case)
    without_busy = generate_slots(**{**case, "busy": []})

    assert with_busy == [
        s for s in without_busy if is_free(case["busy"], Interval(s.start, s.start + occupied))
    ]
    start, end = case["window_start"], case["window_end"]
    if start < end:
        middle = start + (end - start) / 3
        first = generate_slots(**{**case, "window_end": middle})
        assert first + generate_slots(**{**case, "window_start": middle}) == with_busy
