"""Student's t distribution: the two-sided tail and the quantile (standard library only).

The tail uses the regularised incomplete beta function, by the continued fraction of
Lentz's method (as in Press et al., Numerical Recipes, section 6.4); the quantile is
found by bisection. Accurate to far better than the one decimal anything is shown with.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Final

_EPSILON: Final = 1e-14
_TINY: Final = 1e-300
_MAX_STEPS: Final = 300


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_STEPS + 1):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            result *= d * c
        if abs(d * c - 1.0) < _EPSILON:
            break
    return result


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b) for 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def two_sided_tail(t: float, df: int) -> float:
    """P(|T| >= |t|) for Student's t with `df` degrees of freedom."""
    if df < 1:
        raise ValueError("df must be 1 or more")
    return regularized_beta(df / 2.0, 0.5, df / (df + t * t))


@lru_cache(maxsize=256)
def quantile(probability: float, df: int) -> float:
    """The t with P(T <= t) = probability, for 0.5 <= probability < 1."""
    if not 0.5 <= probability < 1.0:
        raise ValueError("probability must be in [0.5, 1)")
    target = 2.0 * (1.0 - probability)  # the two-sided tail at that t
    low, high = 0.0, 1.0
    while two_sided_tail(high, df) > target:
        high *= 2.0
    for _ in range(100):
        middle = (low + high) / 2.0
        if two_sided_tail(middle, df) > target:
            low = middle
        else:
            high = middle
    return (low + high) / 2.0
