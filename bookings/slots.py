"""Pure slot generation for bookable appointments.

This module has no Django imports and uses only the standard library, so it
can be tested (and reasoned about) without a database.  The Django layer turns
model rows into the small value objects below and calls :func:`generate_slots`.

Conventions
-----------
* Working hours are *local wall-clock* times in the practice's time zone
  (``Europe/Amsterdam`` by default).
* Every instant that enters or leaves this module is an *aware* ``datetime``;
  results are always normalised to UTC (``tzinfo=datetime.UTC``).  Naive
  datetimes are rejected with :class:`ValueError`.
* All intervals are half-open, ``[start, end)``: two intervals that merely
  touch (``a.end == b.start``) do not overlap, so back-to-back bookings work.
* Durations and buffers are *real elapsed time*: arithmetic happens in UTC, so
  an appointment that spans a DST change still lasts exactly its duration.

DST rules (see :func:`generate_slots` for the details)
------------------------------------------------------
* Spring forward (e.g. Sunday 29 March 2026, 02:00 -> 03:00 in Amsterdam):
  candidate wall-clock times that do not exist (02:00-02:59) are skipped.
* Fall back (e.g. Sunday 25 October 2026, 03:00 -> 02:00 in Amsterdam): every
  local wall-clock time yields at most one slot, at its *first* occurrence
  (``fold=0``, still summer time).  The repeated hour gets no extra slots.
* A wall-clock time ``W`` is resolved to "the first instant at which the local
  clock reads ``W`` or later".  For ordinary and ambiguous times that is the
  usual (``fold=0``) conversion; for a non-existent time it is the instant of
  the transition itself.  This is used for the end of a working block.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = [
    "DEFAULT_TZ",
    "AppointmentSpec",
    "Interval",
    "Slot",
    "WorkingHours",
    "generate_slots",
    "is_free",
    "merge_busy",
]

DEFAULT_TZ = ZoneInfo("Europe/Amsterdam")
DEFAULT_MINIMUM_NOTICE = timedelta(hours=2)
DEFAULT_HORIZON = timedelta(weeks=8)

_ONE_DAY = timedelta(days=1)


def _require_aware(value: datetime, name: str) -> None:
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value!r}")


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


# --------------------------------------------------------------------------- value objects


@dataclass(frozen=True)
class WorkingHours:
    """One block of working time on a weekday, in local wall-clock time.

    ``weekday`` follows :meth:`datetime.date.weekday` (0 = Monday .. 6 = Sunday).
    ``start`` and ``end`` are naive times with ``start < end``; a block lies
    within a single local day (it cannot run past midnight).  Several blocks on
    the same weekday are allowed (e.g. a lunch break); overlapping blocks are
    merged by :func:`generate_slots`.
    """

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if isinstance(self.weekday, bool) or not isinstance(self.weekday, int):
            raise TypeError(f"weekday must be an int 0..6, got {self.weekday!r}")
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) .. 6 (Sunday), got {self.weekday}")
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, time):
                raise TypeError(f"{name} must be a datetime.time, got {type(value).__name__}")
            if value.tzinfo is not None:
                raise ValueError(f"{name} must be a naive local wall-clock time, got {value!r}")
        if self.start >= self.end:
            raise ValueError(f"working hours must have start < end, got {self.start}-{self.end}")


@dataclass(frozen=True)
class Interval:
    """A half-open interval ``[start, end)`` of aware instants, stored in UTC."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _require_aware(self.start, "Interval.start")
        _require_aware(self.end, "Interval.end")
        object.__setattr__(self, "start", _to_utc(self.start))
        object.__setattr__(self, "end", _to_utc(self.end))
        if self.start >= self.end:
            raise ValueError(f"Interval must have start < end, got {self.start} .. {self.end}")

    def overlaps(self, other: Interval) -> bool:
        """True when the intervals share at least one instant (touching is not overlap)."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class AppointmentSpec:
    """Duration of an appointment type plus the buffer needed *after* it.

    A slot for this spec occupies ``[start, start + duration + buffer)`` of the
    therapist's time, but the :class:`Slot` returned to the patient ends at
    ``start + duration``.
    """

    duration: timedelta
    buffer: timedelta = timedelta(0)

    def __post_init__(self) -> None:
        if self.duration <= timedelta(0):
            raise ValueError(f"duration must be positive, got {self.duration}")
        if self.buffer < timedelta(0):
            raise ValueError(f"buffer must not be negative, got {self.buffer}")

    @property
    def occupied(self) -> timedelta:
        """Real time the therapist is busy for one appointment: duration + buffer."""
        return self.duration + self.buffer


@dataclass(frozen=True)
class Slot:
    """A bookable appointment ``[start, end)``, aware and normalised to UTC."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _require_aware(self.start, "Slot.start")
        _require_aware(self.end, "Slot.end")
        object.__setattr__(self, "start", _to_utc(self.start))
        object.__setattr__(self, "end", _to_utc(self.end))
        if self.start >= self.end:
            raise ValueError(f"Slot must have start < end, got {self.start} .. {self.end}")


# --------------------------------------------------------------------------- busy time


def merge_busy(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping *or touching* intervals.

    The result is sorted by start and pairwise disjoint (with gaps between
    them), and covers exactly the same instants as the input.
    """
    merged: list[Interval] = []
    for interval in sorted(intervals, key=lambda i: (i.start, i.end)):
        if merged and interval.start <= merged[-1].end:
            last = merged[-1]
            if interval.end > last.end:
                merged[-1] = Interval(last.start, interval.end)
        else:
            merged.append(interval)
    return merged


def is_free(busy: Sequence[Interval], candidate: Interval) -> bool:
    """True when ``candidate`` overlaps none of the ``busy`` intervals.

    Half-open semantics: a candidate that ends exactly when a busy interval
    starts (or starts exactly when one ends) is free.
    """
    return not any(interval.overlaps(candidate) for interval in busy)


class _BusyIndex:
    """Merged busy intervals with a logarithmic-time overlap test."""

    def __init__(self, busy: Iterable[Interval]) -> None:
        self._merged = merge_busy(busy)
        self._ends = [interval.end for interval in self._merged]

    def is_free(self, start: datetime, end: datetime) -> bool:
        # First merged interval that ends after ``start``; ends are sorted because
        # the merged intervals are disjoint and sorted by start.
        index = bisect.bisect_right(self._ends, start)
        return index == len(self._merged) or self._merged[index].start >= end


# --------------------------------------------------------------------------- wall clock


def _exists(wall: datetime, tz: ZoneInfo) -> bool:
    """False when the naive local ``wall`` time falls in a spring-forward gap."""
    aware = wall.replace(tzinfo=tz, fold=0)
    round_trip = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return round_trip == wall.replace(fold=0)


def _first_instant_at_or_after(wall: datetime, tz: ZoneInfo) -> datetime:
    """The first UTC instant at which the local clock reads ``wall`` or later.

    * ordinary time: the normal conversion;
    * ambiguous time (fall back): the first occurrence, ``fold=0``;
    * non-existent time (spring forward): the transition instant, i.e. the
      moment the clock jumps past ``wall``.
    """
    if _exists(wall, tz):
        return wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    one = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    other = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    low, high = min(one, other), max(one, other)
    # Invariant: the clock reads < wall at ``low`` and >= wall at ``high``.
    # Binary search (in microseconds) for the first instant reading >= wall.
    naive_wall = wall.replace(fold=0)
    lo, hi = 0, (high - low) // timedelta(microseconds=1)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        instant = low + timedelta(microseconds=mid)
        if instant.astimezone(tz).replace(tzinfo=None) >= naive_wall:
            hi = mid
        else:
            lo = mid
    return low + timedelta(microseconds=hi)


def _merge_blocks(blocks: Iterable[WorkingHours]) -> dict[int, list[tuple[time, time]]]:
    """Group blocks by weekday, sorted, with overlapping blocks merged.

    Touching blocks (09:00-12:00 and 12:00-17:00) stay separate so that each
    block keeps its own slot grid starting at its own start time.
    """
    by_day: dict[int, list[tuple[time, time]]] = {}
    for block in sorted(blocks, key=lambda b: (b.weekday, b.start, b.end)):
        day = by_day.setdefault(block.weekday, [])
        if day and block.start < day[-1][1]:
            start, end = day[-1]
            day[-1] = (start, max(end, block.end))
        else:
            day.append((block.start, block.end))
    return by_day


@functools.lru_cache(maxsize=4096)
def _steady_offset(day: date, tz: ZoneInfo) -> timedelta | None:
    """The UTC offset of the whole local day, or None when the clock changes that day.

    Per-candidate conversion (with the gap and fold checks below) was most of a slot
    search's time; on the other 363 days of the year a subtraction gives the same."""
    midnight = datetime.combine(day, time(0), tz).utcoffset()
    next_midnight = datetime.combine(day + timedelta(days=1), time(0), tz).utcoffset()
    return midnight if midnight == next_midnight else None


def _block_candidates(
    day: date, start: time, end: time, *, spec: AppointmentSpec, step: timedelta, tz: ZoneInfo
) -> Iterable[datetime]:
    """UTC start instants on the wall-clock grid of one working block.

    Grid: ``start, start + step, ...`` in local wall-clock time.  A candidate is
    kept when its wall time exists, it is at least ``step`` of real time after
    the previous kept candidate (the spring-forward gap compresses the grid),
    and ``start + duration + buffer`` (real time) is no later than the block end.
    """
    offset = _steady_offset(day, tz)
    if offset is not None:  # no clock change today: every wall time is one UTC instant
        instant = datetime.combine(day, start, UTC) - offset
        block_end = datetime.combine(day, end, UTC) - offset
        while instant < block_end and instant + spec.occupied <= block_end:
            yield instant
            instant += step
        return
    wall = datetime.combine(day, start)
    wall_end = datetime.combine(day, end)
    block_end = _first_instant_at_or_after(wall_end, tz)
    previous: datetime | None = None
    while wall < wall_end:
        if _exists(wall, tz):
            instant = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
            if instant + spec.occupied > block_end:
                break  # later grid points start later still: nothing else fits
            if previous is None or instant >= previous + step:
                previous = instant
                yield instant
        wall += step


# --------------------------------------------------------------------------- generation


def generate_slots(
    *,
    working_hours: Sequence[WorkingHours],
    spec: AppointmentSpec,
    busy: Sequence[Interval],
    window_start: datetime,
    window_end: datetime,
    now: datetime,
    tz: ZoneInfo = DEFAULT_TZ,
    step: timedelta | None = None,
    minimum_notice: timedelta = DEFAULT_MINIMUM_NOTICE,
    horizon: timedelta = DEFAULT_HORIZON,
    closed_dates: Collection[date] = (),
    earliest_only: bool = False,
) -> list[Slot]:
    """Bookable slots for one therapist, one practice and one appointment type.

    Parameters
    ----------
    working_hours:
        The therapist's weekly working blocks at this practice, in local
        wall-clock time of ``tz``.  Overlapping blocks on a weekday are merged.
    spec:
        Appointment duration plus the buffer needed after it.
    busy:
        Time the therapist is not available: existing appointments of *any*
        type or kind at any practice, blocked time, partial-day leave.  The
        caller must pass booked appointments *including their buffers* (i.e.
        ``[start, start + duration + buffer)``); this function does not know
        which spec a busy interval came from.
    window_start, window_end:
        The requested range.  A slot is returned when its *start* lies in
        ``[window_start, window_end)``, so adjacent windows never return the
        same slot twice.  An empty or reversed window gives ``[]``.
    now:
        The current instant.  Slots starting before ``now + minimum_notice``
        or at/after ``now + horizon`` are dropped.
    tz:
        The practice's time zone (``Europe/Amsterdam`` by default).
    step:
        Distance between candidate starts on the local wall-clock grid of each
        block; defaults to ``spec.duration``.  With ``step >= spec.duration``
        (the default) no two returned slots overlap.
    closed_dates:
        Local dates without any slots (whole-day leave, public holidays).
    earliest_only:
        Stop early when only the first slot matters (the finder): the result then
        holds at least the earliest slot, and every slot of the local day after the
        first day with one is left out. (One day later, not at once: local days are
        not monotonic in UTC in zones whose clocks go back across midnight.)

    Rules
    -----
    * For every local date in the window that is not closed, each working
      block of that weekday yields candidates at ``block.start``,
      ``block.start + step``, ... (wall-clock).
    * Block end: the appointment *and its buffer* must fit in the block, i.e.
      ``start + duration + buffer <= block end`` in real time.  A slot whose
      buffer would run past the end of the working block is not offered.
    * Spring forward: wall times that do not exist are skipped.  Because the
      gap compresses real time, a candidate that starts less than ``step`` of
      real time after the previous candidate of the same block is dropped too
      (e.g. a 45-minute grid 01:30, [02:15], 03:00: 03:00 is only 30 real
      minutes after 01:30 and would overlap it).
    * Fall back: each wall time is used once, at its first occurrence
      (``fold=0``, summer time); the repeated hour yields no extra slots.  So a
      09:00-17:00 block gives the same slots as on any other day.
    * A block end that is ambiguous resolves to its first occurrence; one that
      does not exist resolves to the transition instant (the earliest moment
      the clock reads at least that time).
    * Durations are real elapsed time: ``slot.end - slot.start == duration``
      even when the slot spans a DST change.
    * A candidate is dropped when ``[start, start + duration + buffer)``
      overlaps any busy interval; touching a busy interval is fine.  The grid
      itself does not depend on ``busy``, ``now`` or the window, so the same
      slot times are offered whatever is already booked.

    Returns the slots sorted by start, with ``tzinfo=datetime.UTC``.
    """
    _require_aware(window_start, "window_start")
    _require_aware(window_end, "window_end")
    _require_aware(now, "now")
    step = spec.duration if step is None else step
    if step <= timedelta(0):
        raise ValueError(f"step must be positive, got {step}")
    if minimum_notice < timedelta(0):
        raise ValueError(f"minimum_notice must not be negative, got {minimum_notice}")
    if horizon < timedelta(0):
        raise ValueError(f"horizon must not be negative, got {horizon}")
    closed: frozenset[date] = frozenset(closed_dates)
    for closed_date in closed:
        if isinstance(closed_date, datetime) or not isinstance(closed_date, date):
            raise TypeError(f"closed_dates must contain dates, got {closed_date!r}")

    earliest = max(_to_utc(window_start), _to_utc(now) + minimum_notice)
    latest = min(_to_utc(window_end), _to_utc(now) + horizon)  # exclusive
    if earliest >= latest:
        return []

    blocks_by_weekday = _merge_blocks(working_hours)
    busy_index = _BusyIndex(busy)

    # One spare day on each side: local dates are not monotonic in UTC in zones
    # whose clocks go back across midnight; the filters below are exact anyway.
    day = earliest.astimezone(tz).date() - _ONE_DAY
    last_day = latest.astimezone(tz).date() + _ONE_DAY

    slots: list[Slot] = []
    first_day_with_slots: date | None = None
    while day <= last_day:
        if earliest_only and first_day_with_slots is not None and day > first_day_with_slots:
            break  # the first day with a slot and the day after hold the earliest
        if day not in closed:
            for block_start, block_end in blocks_by_weekday.get(day.weekday(), ()):
                for start in _block_candidates(
                    day, block_start, block_end, spec=spec, step=step, tz=tz
                ):
                    if not earliest <= start < latest:
                        continue
                    if not busy_index.is_free(start, start + spec.occupied):
                        continue
                    slots.append(Slot(start, start + spec.duration))
        if slots and first_day_with_slots is None:
            first_day_with_slots = day + _ONE_DAY  # look at one more local day
        day += _ONE_DAY

    slots.sort(key=lambda slot: slot.start)
    return slots
