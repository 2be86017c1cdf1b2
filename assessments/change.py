"""Baseline, current mean and percent change of daily scores (docs/clinical.md 3.2).

Standard library only: no Django. Exact arithmetic (``Fraction``); classify on the
exact value, display rounded half-up to one decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ChangeResult:
    """Percent change (baseline - current) / baseline x 100; positive = reduction.

    ``percent_exact`` is the exact rational value used for classification; ``percent`` is
    its Decimal (exact when the value terminates, else 50 significant digits); ``display``
    is rounded half-up to one decimal. All three are None when meaning is not_applicable.
    Meanings beyond IMMPACT (minimal up to 30 %, "worse", windows) are product rules.
    """

    baseline: Decimal
    current: Decimal
    percent: Decimal | None
    percent_exact: Fraction | None
    display: Decimal | None
    meaning: str


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


def _classify_change(percent: Fraction) -> str:
    if percent <= -10:
        return "worse"
    if percent < 10:
        return "no_important_change"
    if percent < 30:
        return "minimal"
    if percent < 50:
        return "moderate"
    return "substantial"


def percent_change(
    baseline: Decimal | Fraction | int, current: Decimal | Fraction | int
) -> ChangeResult:
    """Change from baseline to current, classified on the exact value (docs/clinical.md 3.2).

    Pass Decimals, or the exact Fractions from :func:`exact_mean_of` (a mean of 3, 7, ... days
    is not a terminating decimal, so a Decimal mean is already rounded). Floats are rejected.
    """
    base = _exact_number(baseline, "baseline")
    cur = _exact_number(current, "current")
    base_dec, cur_dec = _to_decimal(base), _to_decimal(cur)
    if base == 0:
        return ChangeResult(base_dec, cur_dec, None, None, None, "not_applicable")
    exact = (base - cur) / base * 100
    return ChangeResult(
        baseline=base_dec,
        current=cur_dec,
        percent=_to_decimal(exact),
        percent_exact=exact,
        display=round_half_up(exact),
        meaning=_classify_change(exact),
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
