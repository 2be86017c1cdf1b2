"""Twenty buyers at once for the last five copies: exactly five orders (SQLite and PostgreSQL)."""

import pytest
from django.utils import timezone

from shop import actions
from shop.cart import CartLine
from shop.errors import SoldOut
from shop.models import InvoiceCounter, Order, PaymentMethod, Product, VatClass
from tests.race import race


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_orders_for_the_last_five_copies_sell_exactly_five():
    book = Product.objects.create(
        slug="boek", title_nl="Boek", title_en="Book", price_cents=2499,
        vat_class=VatClass.BOOK, stock=5, free_shipping=True,
    )  # fmt: skip

    def buy(i: int) -> str:
        buyer = actions.Buyer(email=f"koper{i}@example.org", name=f"Koper {i}",
                              street="Oudegracht 1", postcode="3511 AB", city="Utrecht",
                              country="NL")  # fmt: skip
        actions.place_order(
            lines=[CartLine(product=book, quantity=1)], buyer=buyer,
            method=PaymentMethod.BANK_TRANSFER, user=None, language="nl", now=timezone.now(),
        )  # fmt: skip
        return "ordered"

    results = race(buy, 20)

    assert results.count("ordered") == 5, results
    assert sum(isinstance(r, SoldOut) for r in results) == 15, results
    assert Product.objects.get(pk=book.pk).stock == 0
    numbers = sorted(Order.objects.values_list("invoice_number", flat=True))
    assert numbers == list(range(1, 6))  # no gaps, no doubles
    assert InvoiceCounter.objects.get().last == 5
