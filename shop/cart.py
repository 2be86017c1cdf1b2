"""The cart: product ids and quantities in the visitor's session, nothing else.

What it costs is worked out each time from the products as they are now (a
price or stock may change while it sits there); `shop.actions.place_order`
checks everything again under lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase

from shop import money
from shop.models import Product

SESSION_KEY = "shop_cart"


@dataclass(frozen=True)
class CartLine:
    product: Product
    quantity: int

    @property
    def total_cents(self) -> int:
        return self.quantity * self.product.price_cents

    @property
    def short(self) -> bool:
        """More asked than in stock (sold out while in the cart)."""
        return self.product.stock is not None and self.product.stock < self.quantity


def quantities(session: SessionBase) -> dict[int, int]:
    raw = session.get(SESSION_KEY, {})
    return {int(k): int(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def set_quantity(session: SessionBase, product: Product, quantity: int) -> None:
    """0 removes the product; more than SHOP_MAX_QUANTITY is refused by the form first."""
    cart = quantities(session)
    if quantity <= 0:
        cart.pop(product.pk, None)
    else:
        cart[product.pk] = min(quantity, settings.SHOP_MAX_QUANTITY)
    session[SESSION_KEY] = {str(k): v for k, v in cart.items()}


def empty(session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)


def lines(session: SessionBase) -> list[CartLine]:
    cart = quantities(session)
    products = Product.objects.for_sale().filter(pk__in=cart)
    return [CartLine(product=p, quantity=cart[p.pk]) for p in products]


def needs_shipping(cart_lines: list[CartLine]) -> bool:
    return any(not line.product.digital for line in cart_lines)


def shipping_cents(cart_lines: list[CartLine], country: str) -> int:
    """Free when nothing ships or every shipped product is in the free-shipping campaign."""
    shipped = [line for line in cart_lines if not line.product.digital]
    if not shipped or all(line.product.free_shipping for line in shipped):
        return 0
    return int(settings.SHOP_SHIPPING_CENTS[country])


def totals(cart_lines: list[CartLine], country: str) -> money.Totals:
    return money.totals(
        [money.Line(x.quantity, x.product.price_cents, x.product.vat_percent) for x in cart_lines],
        shipping_cents(cart_lines, country),
    )
