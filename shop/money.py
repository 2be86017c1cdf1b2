"""An order's money, exactly as the invoice states it. Pure: no Django.

Amounts are whole euro cents. Prices are consumer prices including VAT (as a
Dutch shop shows them). The invoice groups the goods and the shipping per VAT
rate and works out the VAT once per rate on that rate's total, rounded to the
cent half up: the Dutch rule of rounding per rate on the invoice, not per line.
Shipping carries the VAT of the goods it ships: when goods of two rates travel
together, the shipping is split over the rates in proportion to their value
(largest remainder, so the parts add up to the cent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Line:
    quantity: int
    unit_price_cents: int  # including VAT
    vat_percent: int

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_price_cents


@dataclass(frozen=True)
class VatLine:
    percent: int
    gross_cents: int  # goods and shipping at this rate, including VAT
    vat_cents: int

    @property
    def net_cents(self) -> int:
        return self.gross_cents - self.vat_cents


@dataclass(frozen=True)
class Totals:
    goods_cents: int
    shipping_cents: int
    vat: tuple[VatLine, ...]  # one per rate, lowest rate first

    @property
    def total_cents(self) -> int:
        return self.goods_cents + self.shipping_cents

    @property
    def vat_cents(self) -> int:
        return sum(v.vat_cents for v in self.vat)


def vat_in(gross_cents: int, percent: int) -> int:
    """The VAT contained in a gross amount, rounded half up to the cent."""
    exact = Decimal(gross_cents) * percent / (100 + percent)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def split(amount: int, weights: Sequence[int]) -> list[int]:
    """`amount` in whole parts proportional to `weights`, adding up exactly."""
    total = sum(weights)
    if total == 0:
        return [amount] + [0] * (len(weights) - 1) if weights else []
    shares = [amount * w // total for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for i in remainders[: amount - sum(shares)]:
        shares[i] += 1
    return shares


def totals(lines: Sequence[Line], shipping_cents: int) -> Totals:
    if shipping_cents < 0 or any(x.quantity < 1 or x.unit_price_cents < 0 for x in lines):
        raise ValueError("quantities are at least 1 and amounts never negative")
    by_rate: dict[int, int] = {}
    for line in lines:
        by_rate[line.vat_percent] = by_rate.get(line.vat_percent, 0) + line.total_cents
    rates = sorted(by_rate)
    shipping = split(shipping_cents, [by_rate[r] for r in rates])
    vat = tuple(
        VatLine(percent=r, gross_cents=by_rate[r] + s, vat_cents=vat_in(by_rate[r] + s, r))
        for r, s in zip(rates, shipping, strict=True)
    )
    return Totals(goods_cents=sum(by_rate.values()), shipping_cents=shipping_cents, vat=vat)


def euros(cents: int) -> str:
    """12345 -> "123.45" (the caller formats for the language)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
