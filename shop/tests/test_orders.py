"""Placing orders (shop/actions.py): stock, invoice numbers, status changes, e-mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from shop import actions
from shop.cart import CartLine
from shop.errors import EmptyCart, NotAllowedNow, NotForSale, SoldOut
from shop.models import InvoiceCounter, Order, OrderStatus, PaymentMethod, Product

pytestmark = pytest.mark.django_db

BUYER = actions.Buyer(
    email="koper@example.org", name="Karin Koper", street="Oudegracht 1",
    postcode="3511 AB", city="Utrecht", country="NL",
)  # fmt: skip


def place(*lines, method=PaymentMethod.BANK_TRANSFER, buyer=BUYER, now=None):
    return actions.place_order(
        lines=[CartLine(product=p, quantity=q) for p, q in lines], buyer=buyer, method=method,
        user=None, language="nl", now=now or timezone.now(),
    )  # fmt: skip


def test_the_book_ships_free_and_its_vat_is_the_low_rate(book, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order = place((book, 2))
    assert (order.goods_cents, order.shipping_cents, order.total_cents) == (4998, 0, 4998)
    assert order.vat_lines == [[9, 4998, 413]]  # 4998 x 9/109 = 412.68
    assert order.status == OrderStatus.AWAITING_PAYMENT
    assert Product.objects.get(pk=book.pk).stock == 3
    (message,) = mail.outbox
    assert message.to == ["koper@example.org"] and order.invoice_label in message.subject
    assert "NL00 BANK" in message.body and order.payment_reference in message.body
    (name, pdf, kind) = message.attachments[0]
    assert kind == "application/pdf" and pdf.startswith(b"%PDF") and name.endswith(".pdf")


def test_other_goods_pay_shipping_and_a_digital_product_ships_nothing(book, mug, course):
    assert place((mug, 1)).shipping_cents == 495
    assert place((book, 1), (mug, 1)).shipping_cents == 495  # not all in the campaign
    assert place((course, 1)).shipping_cents == 0
    assert place((book, 1), (course, 1)).shipping_cents == 0
    belgian = actions.Buyer(**{**BUYER.__dict__, "postcode": "1000", "country": "BE"})
    assert place((mug, 1), buyer=belgian).shipping_cents == 895


def test_invoice_numbers_follow_each_other_without_gaps(book, mug):
    first = place((book, 1))
    with pytest.raises(SoldOut):
        place((mug, 4))  # refused: must not use up a number
    second = place((mug, 3))
    assert second.invoice_number == first.invoice_number + 1
    assert InvoiceCounter.objects.get().last == second.invoice_number


def test_a_refused_order_leaves_nothing_behind(book, mug):
    with pytest.raises(SoldOut):
        place((book, 1), (mug, 4))
    assert Product.objects.get(pk=book.pk).stock == 5  # the book's copy came back too
    assert not Order.objects.exists()


def test_an_empty_cart_and_a_withdrawn_product_are_refused(book):
    with pytest.raises(EmptyCart):
        place()
    Product.objects.filter(pk=book.pk).update(active=False)
    with pytest.raises(NotForSale):
        place((book, 1))


def test_the_status_flow_and_stock_coming_back(book):
    order = place((book, 2))
    now = timezone.now()
    with pytest.raises(NotAllowedNow):
        actions.mark_shipped(order=order, now=now)  # not paid yet
    assert actions.mark_paid(order=order, now=now) is True
    assert actions.mark_paid(order=order, now=now) is False  # the same payment twice
    assert actions.mark_shipped(order=order, now=now) is True
    with pytest.raises(NotAllowedNow):
        actions.cancel_order(order=order, now=now)  # it left the building
    assert actions.mark_refunded(order=order, now=now) is True
    other = place((book, 1))
    assert Product.objects.get(pk=book.pk).stock == 2
    assert actions.cancel_order(order=other, now=now) is True
    assert actions.cancel_order(order=other, now=now) is False
    assert Product.objects.get(pk=book.pk).stock == 3
    with pytest.raises(NotAllowedNow):
        actions.mark_paid(order=other, now=now)  # paid after cancelling: the operator refunds


def test_unpaid_orders_expire_and_give_their_stock_back(book):
    now = timezone.now()
    late = place((book, 2), now=now - timedelta(days=8))
    fresh = place((book, 1), now=now)
    assert actions.expire_unpaid(now=now) == 1
    assert actions.expire_unpaid(now=now) == 0
    late.refresh_from_db()
    fresh.refresh_from_db()
    assert (late.status, fresh.status) == (OrderStatus.CANCELLED, OrderStatus.AWAITING_PAYMENT)
    assert Product.objects.get(pk=book.pk).stock == 4
