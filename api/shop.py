"""Mollie's webhook for shop payments (public: Mollie sends only a payment id).

The id in the call is never trusted for what happened: the payment's status is
asked from Mollie, and the order changes at most once however often the call
comes (shop/actions.py locks the order row).
"""

from __future__ import annotations

import logging
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from ninja import Form, Router, Schema
from pydantic import StringConstraints

from api.errors import ERRORS, errors, problem
from shop import actions
from shop.errors import NotAllowedNow, PaymentUnavailable
from shop.models import Order
from shop.payments import Mollie

router = Router(tags=["shop"])
log = logging.getLogger("pijnreset.shop")

PaymentId = Annotated[str, StringConstraints(pattern=r"^tr_[A-Za-z0-9]{1,60}$")]
CLOSED = {"canceled", "expired", "failed"}


class PaymentUpdateOut(Schema):
    order: str
    status: str


@router.post(
    "/shop/mollie-webhook",
    response={200: PaymentUpdateOut, **ERRORS, **errors(503)},
    url_name="mollie_webhook",
    auth=None,
)
def mollie_webhook(request: HttpRequest, id: Form[PaymentId]):  # type: ignore[no-untyped-def]  # noqa: A002
    """Mollie calls this when a payment changes; answers 404 for a payment we never made,
    503 while Mollie cannot be asked (Mollie tries again later)."""
    order = Order.objects.filter(provider_payment_id=id).first()
    if order is None:
        return 404, problem(404, "No order has this payment.", loc=["form", "id"])
    try:
        status = Mollie().status(id)
    except PaymentUnavailable:
        return 503, problem(503, "Mollie could not be asked about this payment; try again.")
    now = timezone.now()
    try:
        if status == "paid":
            actions.mark_paid(order=order, now=now)
        elif status in CLOSED:
            actions.cancel_order(order=order, now=now)
    except NotAllowedNow:
        # Paid after it was cancelled, or cancelled after shipping: the operator decides.
        log.warning("payment update the order cannot follow",
                    extra={"order": order.invoice_label, "payment_status": status})  # fmt: skip
    order.refresh_from_db(fields=["status"])
    return 200, PaymentUpdateOut(order=order.invoice_label, status=order.status)
