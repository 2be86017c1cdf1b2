"""Pacing with a stored movement quota (docs/clinical.md section 6). Pure: no Django.

Rules of thumb, not validated; every screen that shows them says so. The
product keeps a QUOTA (minutes per active day) for the main activity. It is
stored (exercises.models.MovementQuota) and never recomputed from the daily
logs, so it cannot drift down. Only these decisions read the logs:

- *Start*: after at least 3 logged non-flare days (among the last
  START_WINDOW_DAYS days, our reading of "their"), their mean x 0.8, rounded
  down, at least 2 minutes. The user may lower it.
- *Hold*: a quota stays at least 7 days (any quota decision starts a new hold).
- *Step up*: OFFERED, never automatic, at most once per 7 days, when the last
  7 days were stable and the quota was reached on at least 4 of them:
  quota x 1.1 rounded down, at least +1 minute. The user may accept, stay
  (which starts a new hold) or choose less.
- *Stable*: no flare day, no pain spike, no "much worse after" log and no
  boom-bust in the last 7 days.
- *Step back* (offered) to the previous quota after a boom-bust, two "much
  worse after" logs in 7 days, or the quota reached on fewer than 2 of 7
  days (a full week with this quota and no flare). Only what happened since
  the current quota was set counts, so a declined offer does not come back
  for the same event. The "previous quota" is the level below the current one
  in the history (see `levels`); at the first level there is none.
- *Flare*: the quota is hidden (a few minutes of gentle movement instead);
  afterwards the old quota resumes, or one step lower (offered) if the flare
  lasted more than 7 days.
- *Boom-bust*: minutes on a day above 1.5 x the quota in force THAT day,
  followed within 2 days by a pain spike (diary.rules.pain_spike, the single
  source of the spike rule).
- *Post-exertional malaise* (marked by the user): no step-up offers.

Days are the patient's local dates; "the last 7 days" are the 7 days before
`today` (today is still going on). All arithmetic is exact (fractions).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Final

from diary.rules import mean_pain_before, pain_spike

START_MIN_DAYS: Final = 3
START_WINDOW_DAYS: Final = 14
START_FACTOR: Final = Fraction(8, 10)
START_MINIMUM: Final = 2
HOLD_DAYS: Final = 7
STEP_UP_FACTOR: Final = Fraction(11, 10)
STEP_UP_REACHED_DAYS: Final = 4
STEP_BACK_REACHED_BELOW: Final = 2
STEP_BACK_MUCH_WORSE: Final = 2
BOOM_FACTOR: Final = Fraction(3, 2)
BUST_WITHIN_DAYS: Final = 2
LONG_FLARE_DAYS: Final = 7
WINDOW_DAYS: Final = 7

REASONS: Final = ("start", "step_up", "step_back", "lowered", "kept", "after_flare")


@dataclass(frozen=True)
class QuotaChange:
    """One stored quota decision: from `started_on` the quota is `minutes`."""

    minutes: int
    started_on: date
    reason: str


@dataclass(frozen=True)
class FlarePeriod:
    started_on: date
    ended_on: date | None  # None: still going on

    def days(self, *, today: date) -> set[date]:
        end = self.ended_on or today
        length = (end - self.started_on).days + 1
        return {self.started_on + timedelta(days=n) for n in range(length)}

    @property
    def length_days(self) -> int | None:
        return None if self.ended_on is None else (self.ended_on - self.started_on).days + 1


@dataclass(frozen=True)
class BoomBust:
    active_day: date
    minutes: int
    quota: int
    pain_day: date
    pain: int
    pain_mean: Fraction


@dataclass(frozen=True)
class MovementData:
    """What the rules read: minutes per active day, pain per day, "much worse" logs, flares."""

    daily: Mapping[date, int]
    pain: Mapping[date, int] = field(default_factory=dict)
    much_worse: Sequence[date] = ()  # one entry per "much worse after" log
    flares: Sequence[FlarePeriod] = ()

    def flare_days(self, *, today: date) -> set[date]:
        return set().union(*(f.days(today=today) for f in self.flares))

    def in_flare(self, *, today: date) -> bool:
        """A flare is going on today (one that ended today is over: the quota is back)."""
        return any(f.started_on <= today and f.ended_on is None for f in self.flares)


@dataclass(frozen=True)
class Advice:
    """What the movement page shows today."""

    quota: int | None  # None: no quota yet, or hidden during a flare
    in_flare: bool
    start_offer: int | None = None
    step_up_offer: int | None = None
    step_back_offer: int | None = None
    step_back_reasons: tuple[str, ...] = ()
    after_flare_offer: int | None = None
    reached_days: int = 0
    stable: bool = False
    boom_busts: tuple[BoomBust, ...] = ()


def minutes_per_day(logs: Iterable[tuple[date, int]]) -> dict[date, int]:
    """Add up the logged minutes per date; days with 0 minutes are not active days."""
    totals: dict[date, int] = {}
    for day, minutes in logs:
        if minutes > 0:
            totals[day] = totals.get(day, 0) + minutes
    return totals


def last_days(today: date, count: int = WINDOW_DAYS) -> list[date]:
    """The `count` days before `today`, newest first."""
    return [today - timedelta(days=n) for n in range(1, count + 1)]


# --- The stored quota -----------------------------------------------------------


def _ordered(history: Sequence[QuotaChange]) -> list[QuotaChange]:
    return sorted(history, key=lambda change: change.started_on)  # stable: keeps insert order


def quota_on(history: Sequence[QuotaChange], day: date) -> int | None:
    """The quota in force on `day`: the latest change started on or before it."""
    in_force = [change for change in _ordered(history) if change.started_on <= day]
    return in_force[-1].minutes if in_force else None


def current(history: Sequence[QuotaChange]) -> QuotaChange | None:
    ordered = _ordered(history)
    return ordered[-1] if ordered else None


def levels(history: Sequence[QuotaChange]) -> list[int]:
    """The ladder of quota levels, lowest first; the last is the current quota.

    Each change to m keeps the levels below m and puts m on top, so a step up adds a
    level, a step back or lowering removes the levels at or above the new quota.
    """
    ladder: list[int] = []
    for change in _ordered(history):
        ladder = [level for level in ladder if level < change.minutes] + [change.minutes]
    return ladder


def previous_level(history: Sequence[QuotaChange]) -> int | None:
    """The quota a step back goes to; None at the first level."""
    ladder = levels(history)
    return ladder[-2] if len(ladder) >= 2 else None


def step_up_minutes(quota: int) -> int:
    """quota x 1.1, rounded down, at least one minute more."""
    return max(math.floor(quota * STEP_UP_FACTOR), quota + 1)


def start_minutes(data: MovementData, *, today: date) -> int | None:
    """The start quota: mean of the logged non-flare days x 0.8, rounded down, >= 2 minutes."""
    flare_days = data.flare_days(today=today)
    window = [today, *last_days(today, START_WINDOW_DAYS - 1)]
    minutes = [data.daily[d] for d in window if data.daily.get(d, 0) > 0 and d not in flare_days]
    if len(minutes) < START_MIN_DAYS:
        return None
    return max(math.floor(Fraction(sum(minutes), len(minutes)) * START_FACTOR), START_MINIMUM)


# --- Patterns in the logs ---------------------------------------------------------


def reached(data: MovementData, history: Sequence[QuotaChange], day: date) -> bool:
    quota = quota_on(history, day)
    return quota is not None and data.daily.get(day, 0) >= quota


def boom_busts(data: MovementData, history: Sequence[QuotaChange]) -> list[BoomBust]:
    """Days above 1.5 x the quota in force that day, followed within 2 days by a pain spike."""
    found = []
    for day in sorted(data.daily):
        quota = quota_on(history, day)
        if quota is None or data.daily[day] <= BOOM_FACTOR * quota:
            continue
        for later in (day + timedelta(days=n) for n in range(1, BUST_WITHIN_DAYS + 1)):
            if pain_spike(data.pain, later):
                mean = mean_pain_before(data.pain, later)
                assert mean is not None  # a spike needs a mean
                found.append(BoomBust(day, data.daily[day], quota, later, data.pain[later], mean))
                break
    return found


def stable(data: MovementData, history: Sequence[QuotaChange], *, today: date) -> bool:
    """No flare, pain spike, "much worse after" log or boom-bust in the last 7 days."""
    window = set(last_days(today))
    if window & data.flare_days(today=today):
        return False
    if window & set(data.much_worse):
        return False
    if any(pain_spike(data.pain, day) for day in window):
        return False
    return not any(b.active_day in window for b in boom_busts(data, history))


# --- What to offer today ----------------------------------------------------------


def step_up_offer(
    data: MovementData, history: Sequence[QuotaChange], *, today: date, malaise: bool
) -> int | None:
    """The step-up to offer today, or None. Never applied here: the user decides."""
    now = current(history)
    if now is None or malaise or data.in_flare(today=today):
        return None
    if now.started_on > today - timedelta(days=HOLD_DAYS):
        return None  # hold >= 7 days; also: at most one step up per 7 days
    if not stable(data, history, today=today):
        return None
    if sum(reached(data, history, d) for d in last_days(today)) < STEP_UP_REACHED_DAYS:
        return None
    return step_up_minutes(now.minutes)


def step_back_reasons(
    data: MovementData, history: Sequence[QuotaChange], *, today: date
) -> tuple[str, ...]:
    """Why a step back is offered (empty: not offered). Only events since the last decision."""
    now = current(history)
    if now is None or previous_level(history) is None:
        return ()
    window = [d for d in last_days(today) if d >= now.started_on]
    reasons = []
    if any(b.active_day in window for b in boom_busts(data, history)):
        reasons.append("boom_bust")
    if sum(1 for d in data.much_worse if d in window) >= STEP_BACK_MUCH_WORSE:
        reasons.append("much_worse")
    full_week = len(window) == WINDOW_DAYS and not set(window) & data.flare_days(today=today)
    if full_week and sum(reached(data, history, d) for d in window) < STEP_BACK_REACHED_BELOW:
        reasons.append("rarely_reached")
    return tuple(reasons)


def after_flare_offer(
    data: MovementData, history: Sequence[QuotaChange], *, today: date
) -> int | None:
    """One step lower after a flare of more than 7 days that ended since the last decision."""
    now = current(history)
    lower = previous_level(history)
    if now is None or lower is None:
        return None
    for flare in data.flares:
        length = flare.length_days
        if flare.ended_on is None or length is None or length <= LONG_FLARE_DAYS:
            continue
        if flare.ended_on < now.started_on or flare.ended_on > today:
            continue
        if flare.ended_on == now.started_on and now.reason == "after_flare":
            continue  # already answered today
        return lower
    return None


def advise(
    data: MovementData, history: Sequence[QuotaChange], *, today: date, malaise: bool = False
) -> Advice:
    """Everything the movement page shows today; nothing here changes the stored quota."""
    in_flare = data.in_flare(today=today)
    now = current(history)
    patterns = tuple(boom_busts(data, history))
    if now is None:
        start = None if in_flare else start_minutes(data, today=today)
        return Advice(quota=None, in_flare=in_flare, start_offer=start, boom_busts=patterns)
    if in_flare:
        return Advice(quota=None, in_flare=True, boom_busts=patterns)
    after_flare = after_flare_offer(data, history, today=today)
    reasons = () if after_flare else step_back_reasons(data, history, today=today)
    return Advice(
        quota=now.minutes,
        in_flare=False,
        step_up_offer=None
        if reasons or after_flare
        else step_up_offer(data, history, today=today, malaise=malaise),
        step_back_offer=previous_level(history) if reasons else None,
        step_back_reasons=reasons,
        after_flare_offer=after_flare,
        reached_days=sum(reached(data, history, d) for d in last_days(today)),
        stable=stable(data, history, today=today),
        boom_busts=patterns,
    )
