"""The numbers of reviews: valid scores, the mean, the per-star buckets. Pure, no Django.

The overall score is 1 to 5 in steps of 0.5; it is held as a Decimal so 4.5
stays exactly 4.5. The mean is rounded half up to one decimal (4.65 -> 4.7),
the way a person rounds. Star buckets: bucket n holds n and n + 0.5 (5 holds
only 5.0), so the five bars add up to the count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

OVERALL_SCORES = tuple(Decimal(half) / 2 for half in range(2, 11))  # 1.0, 1.5, ... 5.0
SUB_SCORES = (1, 2, 3, 4, 5)
STARS = (5, 4, 3, 2, 1)
TEXT_MIN = 20
TEXT_MAX = 2000
INDICATIVE_BELOW = 10


def parse_overall(value: object) -> Decimal | None:
    """The overall score as an exact Decimal, or None when it is not 1-5 in steps of 0.5."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite() or number not in OVERALL_SCORES:
        return None
    return number.quantize(Decimal("0.1"))


def star_of(score: Decimal) -> int:
    """The bucket of one overall score: 4.5 -> 4, 5.0 -> 5, 1.0 -> 1."""
    return int(score)


def shown_name(first_name: str, last_name: str, *, anonymous: bool) -> str:
    """First name and initial ("Anna V."), or empty: the pages then show "Anoniem"."""
    first, last = first_name.strip(), last_name.strip()
    if anonymous or not first:
        return ""
    return f"{first} {last[0].upper()}." if last else first


@dataclass(frozen=True)
class Summary:
    """The aggregate of published reviews: count, mean (one decimal) and the per-star counts."""

    count: int = 0
    average: Decimal | None = None
    distribution: Mapping[int, int] = field(default_factory=lambda: dict.fromkeys(STARS, 0))

    @property
    def indicative(self) -> bool:
        return self.count < INDICATIVE_BELOW

    def share(self, star: int) -> int:
        """The percentage of reviews in one bucket (whole number, for a bar)."""
        if not self.count:
            return 0
        return int(
            (Decimal(self.distribution.get(star, 0) * 100) / self.count).to_integral_value(
                rounding=ROUND_HALF_UP
            )
        )


def mean(total: Decimal, count: int) -> Decimal | None:
    if count <= 0:
        return None
    return (Decimal(total) / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def summarise(scores: Iterable[Decimal]) -> Summary:
    """The summary counted in Python: the recount that the database's summary must equal."""
    distribution = dict.fromkeys(STARS, 0)
    total, count = Decimal(0), 0
    for score in scores:
        distribution[star_of(score)] += 1
        total += score
        count += 1
    return Summary(count=count, average=mean(total, count), distribution=distribution)
