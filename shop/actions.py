"""Every change to an order: placing it, payment, shipping, cancelling, refunding.

Each action is one transaction; the order row is locked while its status changes,
so a webhook arriving twice, or an operator clicking while a webhook arrives,
changes it once. Stock is taken with one conditional UPDATE per product (never
below zero, whoever else is buying) and given back when an order is cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F

from accounts.models import User
from shop import money, tasks
from shop.cart import CartLine, shipping_cents
from shop.errors import EmptyCart, NotAllowedNow, NotForSale, SoldOut
from shop.models import InvoiceCounter, Order, OrderLine, OrderStatus, Product


@dataclass(frozen=True)
class Buyer:
    email: str
    name: str
    street: str
    postcode: str
    city: str
    country: str


def place_order(*, lines: list[CartLine], buyer: Buyer, method: str, user: User | None,
                language: str, now: datetime) -> Order:  # fmt: skip
    """Turn a cart into an order awaiting payment, with its invoice number.

    Transaction: one atomic block. Prices are read again inside it; stock is taken
    per product with `stock >= quantity` in the UPDATE, so twenty buyers of the last
    five copies get five orders and fifteen SoldOut; a refusal leaves nothing behind
    (no order, no stock taken, no invoice number used). The confirmation e-mail
    with the invoice is sent after commit.
    """
    if not lines:
        raise EmptyCart()
    wanted = {line.product.pk: line.quantity for line in lines}
    with transaction.atomic():
        products = Product.objects.for_sale().in_bulk(sorted(wanted))
        if len(products) != len(wanted):
            raise NotForSale()
        for pk in sorted(wanted):  # one lock order for everyone: no deadlocks
            product = products[pk]
            if product.stock is None:
                continue
            taken = Product.objects.filter(pk=pk, stock__gte=wanted[pk]).update(
                stock=F("stock") - wanted[pk]
            )
            if not taken:
                raise SoldOut(product.title)
        fresh = [CartLine(product=products[pk], quantity=q) for pk, q in wanted.items()]
        totals = money.totals(
            [money.Line(x.quantity, x.product.price_cents, x.product.vat_percent) for x in fresh],
            shipping_cents(fresh, buyer.country),
        )
        number = _next_invoice_number()
        order = Order.objects.create(
            invoice_number=number,
            payment_reference=f"{settings.SHOP_INVOICE_PREFIX}{number:06d}",
            user=user if user is not None and user.is_authenticated else None,
            email=buyer.email,
            name=buyer.name,
            street=buyer.street,
            postcode=buyer.postcode,
            city=buyer.city,
            country=buyer.country,
            language=language,
            payment_method=method,
            goods_cents=totals.goods_cents,
            shipping_cents=totals.shipping_cents,
            total_cents=totals.total_cents,
            vat_lines=[[v.percent, v.gross_cents, v.vat_cents] for v in totals.vat],
            created_at=now,
            pay_before=now + timedelta(days=settings.SHOP_PAYMENT_DAYS),
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                order=order, product=x.product, title=x.product.title_nl, quantity=x.quantity,
                unit_price_cents=x.product.price_cents, vat_percent=x.product.vat_percent,
            )
            for x in fresh
        )  # fmt: skip
        transaction.on_commit(lambda: tasks.send_order_confirmation.enqueue(order.pk))
    return order


def _next_invoice_number() -> int:
    counter, _created = InvoiceCounter.objects.select_for_update().get_or_create(pk=1)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def _locked(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def mark_paid(*, order: Order, now: datetime) -> bool:
    """Awaiting payment -> paid. Returns whether it changed (a repeat changes nothing).
    A payment for a cancelled order is refused: the operator refunds it."""
    with transaction.atomic():
        current = _locked(order)
        if current.status in (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.REFUNDED):
            return False
        if current.status != OrderStatus.AWAITING_PAYMENT:
            raise NotAllowedNow()
        Order.objects.filter(pk=order.pk).update(status=OrderStatus.PAID, paid_at=now)
    return True


def mark_shipped(*, order: Order, now: datetime) -> bool:
    with transaction.atomic():
        current = _locked(order)
        if current.status == OrderStatus.SHIPPED:
            return False
        if current.status != OrderStatus.PAID:
            raise NotAllowedNow()
        Order.objects.filter(pk=order.pk).update(status=OrderStatus.SHIPPED, shipped_at=now)
    transaction.on_commit(lambda: tasks.send_shipped_notice.enqueue(order.pk))
    return True


def cancel_order(*, order: Order, now: datetime) -> bool:
    """Awaiting payment (or paid, before shipping) -> cancelled; the stock comes back.
    A paid order that is cancelled must be refunded by the operator as well."""
    with transaction.atomic():
        current = _locked(order)
        if current.status == OrderStatus.CANCELLED:
            return False
        if current.status not in (OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID):
            raise NotAllowedNow()
        for line in current.lines.all():
            Product.objects.filter(pk=line.product_id, stock__isnull=False).update(
                stock=F("stock") + line.quantity
            )
        Order.objects.filter(pk=order.pk).update(status=OrderStatus.CANCELLED, cancelled_at=now)
    return True


def mark_refunded(*, order: Order, now: datetime) -> bool:
    with transaction.atomic():
        current = _locked(order)
        if current.status == OrderStatus.REFUNDED:
            return False
        if current.status not in (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.CANCELLED):
            raise NotAllowedNow()
        Order.objects.filter(pk=order.pk).update(status=OrderStatus.REFUNDED, refunded_at=now)
    return True


def expire_unpaid(*, now: datetime) -> int:
    """Cancel every order whose time to pay has passed (stock back). Idempotent."""
    expired = 0
    overdue = Order.objects.filter(status=OrderStatus.AWAITING_PAYMENT, pay_before__lt=now)
    for order in overdue.only("pk"):
        try:
            expired += cancel_order(order=order, now=now)
        except NotAllowedNow:  # paid meanwhile
            continue
    return expired
