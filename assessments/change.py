"""Baseline, current mean and percent change of daily scores (docs/clinical.md 3.2).

Standard library only: no Django. Means and the percent change are exact (``Fraction``);
the percent is rounded once, to one decimal, halves away from zero, and the meaning is
decided on that SHOWN value p (so the number and the words always agree), with
d = exact current mean - exact baseline mean:

- p >= 50 substantial; 30 <= p < 50 moderate; 10 <= p < 30 minimal (IMMPACT: 10-20 %
  minimally, >= 30 % moderately, >= 50 % substantially important improvement);
- -10 < p < 10 no important change (this includes increases under 10 %);
- p <= -10 and d >= 1.0 worse; p <= -10 and d < 1.0 no important change (slightly
  higher): about 1 point is the smallest change patients notice (Farrar 2001).

Product rules, not IMMPACT's: "minimal" up to 30 %, all of "worse", the 1-point floor
and the baseline/current windows. An increase is shown in words as a positive number
("20.0 % higher"); the API keeps the signed value (-20.0).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Final

from assessments.rounding import round_half_up
from assessments.rounding import to_decimal as _to_decimal
from assessments.validation import InvalidAnswers, require_int, require_sequence

CHANGE_MEANINGS: Final[tuple[str, ...]] = (
    "worse",
    "no_important_change",
    "minimal",
    "moderate",
    "substantial",
    "not_applicable",
)

# --- NRS means and change (docs/clinical.md 3.2) ---


# Cut-offs on the shown percent p (docs/clinical.md 3.2). SUBSTANTIAL/MODERATE follow IMMPACT;
# MINIMAL up to 30 %, WORSE and the 1-point floor are product rules.
SUBSTANTIAL: Final = Decimal(50)
MODERATE: Final = Decimal(30)
MINIMAL: Final = Decimal(10)
WORSE: Final = Decimal(-10)
WORSE_FLOOR_POINTS: Final = Fraction(1)  # product rule: the smallest change people notice

DIRECTIONS: Final[tuple[str, ...]] = ("lower", "higher", "same")


@dataclass(frozen=True)
class ChangeResult:
    """Percent change (baseline - current) / baseline x 100; positive = reduction.

    ``percent_exact`` is the exact rational value; ``percent`` is its Decimal (exact when
    the value terminates, else 50 significant digits); ``display`` is the shown value p,
    rounded once, half-up, to one decimal, and the meaning is decided on it.
    ``difference`` is d = current - baseline, exact. The percent fields are None when the
    meaning is not_applicable (baseline 0).
    """

    baseline: Decimal
    current: Decimal
    percent: Decimal | None
    percent_exact: Fraction | None
    display: Decimal | None
    meaning: str
    difference: Fraction = Fraction(0)

    @property
    def direction(self) -> str | None:
        """ "lower", "higher" or "same" (pain now against the start), on the shown value."""
        if self.display is None:
            return None
        if self.display > 0:
            return "lower"
        return "higher" if self.display < 0 else "same"

    @property
    def shown_size(self) -> Decimal | None:
        """The shown percent as a positive number, for words: "20.0 % higher", never -20.0."""
        return None if self.display is None else abs(self.display)

    @property
    def in_words(self) -> str | None:
        """English words for the API: "20.0 % higher than at the start" (screens translate)."""
        if self.shown_size is None:
            return None
        if self.direction == "same":
            return "the same as at the start"
        return f"{self.shown_size} % {self.direction} than at the start"


def _exact_number(value: object, name: str) -> Fraction:
    if value is None:
        raise InvalidAnswers(name, "is missing")
    if isinstance(value, bool) or not isinstance(value, (Decimal, Fraction, int)):
        raise InvalidAnswers(name, "must be a Decimal, Fraction or int (never a float)")
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidAnswers(name, "must be a finite number")
    exact = Fraction(value)
    if exact < 0:
        raise InvalidAnswers(name, "must not be negative")
    return exact


def classify_change(shown: Decimal, difference: Fraction) -> str:
    """The meaning of a shown percent p (one decimal) and the exact difference d in points."""
    if shown >= SUBSTANTIAL:
        return "substantial"
    if shown >= MODERATE:
        return "moderate"
    if shown >= MINIMAL:
        return "minimal"
    if shown > WORSE:
        return "no_important_change"
    return "worse" if difference >= WORSE_FLOOR_POINTS else "no_important_change"


def percent_change(
    baseline: Decimal | Fraction | int, current: Decimal | Fraction | int
) -> ChangeResult:
    """Change from baseline to current, classified on the shown value (docs/clinical.md 3.2).

    Pass Decimals, or the exact Fractions from :func:`exact_mean_of` (a mean of 3, 7, ... days
    is not a terminating decimal, so a Decimal mean is already rounded). Floats are rejected.
    """
    base = _exact_number(baseline, "baseline")
    cur = _exact_number(current, "current")
    base_dec, cur_dec = _to_decimal(base), _to_decimal(cur)
    if base == 0:
        return ChangeResult(base_dec, cur_dec, None, None, None, "not_applicable", cur - base)
    exact = (base - cur) / base * 100
    shown = round_half_up(exact)
    return ChangeResult(
        baseline=base_dec,
        current=cur_dec,
        percent=_to_decimal(exact),
        percent_exact=exact,
        display=shown,
        meaning=classify_change(shown, cur - base),
        difference=cur - base,
    )


def exact_mean_of(scores: Sequence[int], *, minimum: int = 1) -> Fraction | None:
    """Exact mean of daily 0-10 scores, or None with fewer than ``minimum`` scores."""
    seq = require_sequence(scores, "scores", None)
    values = [require_int(s, f"scores[{i}]", 0, 10) for i, s in enumerate(seq)]
    if type(minimum) is not int or minimum < 1:
        raise InvalidAnswers("minimum", "must be a whole number of 1 or more")
    if len(values) < minimum:
        return None
    return Fraction(sum(values), len(values))


def mean_of(scores: Sequence[int], *, minimum: int = 1) -> Decimal | None:
    """Mean of daily 0-10 scores as Decimal (``None``: "not enough data yet").

    Use ``minimum=4`` for the baseline and current windows. For classification, prefer
    :func:`exact_mean_of` (this Decimal is rounded to 50 digits when not terminating).
    """
    exact = exact_mean_of(scores, minimum=minimum)
    return None if exact is None else _to_decimal(exact)


# --- The baseline and current windows of pain (docs/clinical.md 3.2) ---

BASELINE_DAYS: Final = 14  # the first 14 days from the start
CURRENT_DAYS: Final = 7  # the most recent 7 days
WINDOW_MINIMUM: Final = 4  # check-ins needed in each window


@dataclass(frozen=True)
class PainChange:
    """Baseline and current pain and the 3.2 result (None: "not enough data yet").

    The one rule behind every place that shows change against the start (the insights
    page and API, the report for a doctor, the therapist's detail), so a patient and
    their therapist always see the same number.
    """

    baseline_from: date
    baseline_to: date
    current_from: date
    current_to: date
    baseline_days: int
    current_days: int
    baseline_exact: Fraction | None
    current_exact: Fraction | None
    result: ChangeResult | None


def pain_change(pain_by_day: Mapping[date, int], *, start: date, today: date) -> PainChange:
    """Baseline = the first 14 days from `start`, current = the 7 days up to `today`, each
    with at least 4 check-ins. The current window counts only days after the baseline
    window (product rule: no overlap), so in the first two weeks there is no change yet."""
    baseline_to = start + timedelta(days=BASELINE_DAYS - 1)
    current_from = max(today - timedelta(days=CURRENT_DAYS - 1), baseline_to + timedelta(days=1))
    base = [score for day, score in pain_by_day.items() if start <= day <= baseline_to]
    now = [score for day, score in pain_by_day.items() if current_from <= day <= today]
    base_mean = exact_mean_of(base, minimum=WINDOW_MINIMUM) if base else None
    now_mean = exact_mean_of(now, minimum=WINDOW_MINIMUM) if now else None
    result = None
    if base_mean is not None and now_mean is not None:
        result = percent_change(base_mean, now_mean)
    return PainChange(
        start, baseline_to, current_from, today, len(base), len(now), base_mean, now_mean, result
    )
