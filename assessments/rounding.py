"""Exact-to-display number helpers for assessments.scoring (docs/clinical.md 3.2 "Rounding").

Standard library only. Classification always happens on exact values (``Fraction``);
these helpers only turn exact values into Decimals for storing and showing.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Final

# Significant digits used when a non-terminating Fraction is turned into a Decimal.
PRECISION: Final = 50


def round_half_up(value: Decimal | Fraction | int, places: int = 1) -> Decimal:
    """Round to ``places`` decimals, halves away from zero (2.25 -> 2.3, -2.25 -> -2.3).

    Never uses ``round()`` (which rounds half to even). A Fraction is rounded from its exact
    value, so 1/3 -> 0.3 and 9/4 -> 2.3. The result always has exactly ``places`` decimals.
    Floats and bools are refused (TypeError), as are NaN and infinities (ValueError).
    """
    if type(places) is not int or places < 0:
        raise ValueError("places must be a whole number of 0 or more")
    if isinstance(value, bool) or not isinstance(value, (Decimal, Fraction, int)):
        raise TypeError(f"round_half_up needs a Decimal, Fraction or int, not {type(value)}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("round_half_up needs a finite number")
        with localcontext() as ctx:
            ctx.prec = max(PRECISION, value.adjusted() + places + 2)
            return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    scaled = Fraction(value) * 10**places
    sign = -1 if scaled < 0 else 1
    magnitude = abs(scaled)
    whole = magnitude.numerator // magnitude.denominator
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return Decimal(sign * whole).scaleb(-places)


def to_decimal(value: Fraction) -> Decimal:
    """Decimal of an exact Fraction: exact when it terminates, else PRECISION digits."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return Decimal(value.numerator) / Decimal(value.denominator)
