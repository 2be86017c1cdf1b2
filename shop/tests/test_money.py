"""The invoice's money (shop/money.py): exact, and rounded per rate."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shop.money import Line, split, totals, vat_in

BOOK = 9
STANDARD = 21


def test_a_book_with_free_shipping():
    result = totals([Line(quantity=1, unit_price_cents=2499, vat_percent=BOOK)], 0)
    assert result.total_cents == 2499
    assert [(v.percent, v.gross_cents, v.vat_cents, v.net_cents) for v in result.vat] == [
        (9, 2499, 206, 2293)  # 2499 x 9/109 = 206.33
    ]


def test_vat_is_rounded_once_per_rate_not_per_line():
    # Three lines of 1.00 at 21 %: per line 17.36 ct -> 17 each = 51; per rate 52.07 -> 52.
    lines = [Line(1, 100, STANDARD)] * 3
    assert totals(lines, 0).vat[0].vat_cents == 52


def test_shipping_follows_the_goods_it_ships_in_proportion():
    lines = [Line(1, 3000, BOOK), Line(1, 1000, STANDARD)]
    result = totals(lines, 495)
    assert [(v.percent, v.gross_cents) for v in result.vat] == [(9, 3000 + 371), (21, 1000 + 124)]
    assert result.total_cents == 4495


def test_half_a_cent_rounds_up():
    assert vat_in(109, BOOK) == 9  # exactly 9
    assert vat_in(6, 20) == 1  # 6 x 20/120 = 1.0
    assert vat_in(3, 20) == 1  # 0.5 -> 1 (half up)


def test_nonsense_is_refused():
    with pytest.raises(ValueError):
        totals([Line(0, 100, BOOK)], 0)
    with pytest.raises(ValueError):
        totals([Line(1, 100, BOOK)], -1)


lines = st.lists(
    st.builds(
        Line,
        quantity=st.integers(1, 20),
        unit_price_cents=st.integers(0, 50_000),
        vat_percent=st.sampled_from([0, BOOK, STANDARD]),
    ),
    min_size=1,
    max_size=8,
)


@settings(deadline=None)  # a loaded CI machine is slow, not wrong
@given(lines, st.integers(0, 2_000))
def test_the_invoice_adds_up_to_the_cent(order_lines, shipping):
    result = totals(order_lines, shipping)
    assert result.total_cents == sum(x.total_cents for x in order_lines) + shipping
    assert sum(v.gross_cents for v in result.vat) == result.total_cents
    for v in result.vat:
        assert v.vat_cents == vat_in(v.gross_cents, v.percent)
        assert v.net_cents + v.vat_cents == v.gross_cents
    assert [v.percent for v in result.vat] == sorted({x.vat_percent for x in order_lines})


@settings(deadline=None)
@given(st.integers(0, 10_000), st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
def test_a_split_adds_up_and_stays_proportional(amount, weights):
    parts = split(amount, weights)
    assert sum(parts) == amount and len(parts) == len(weights)
    if sum(weights):
        for part, weight in zip(parts, weights, strict=True):
            assert abs(part - amount * weight / sum(weights)) < 1
