"""How a buyer pays: one small interface, two providers.

- Bank transfer: nothing to start; the buyer transfers the total with the order's
  reference and the operator marks the order paid (admin).
- Mollie (iDEAL and cards) through the official `mollie-api-python` client: a
  payment is created with a redirect and a webhook address; Mollie calls the
  webhook with only the payment id, and the status is always asked from Mollie
  itself (a webhook's body is never trusted). Offered only when MOLLIE_API_KEY is
  set; MOLLIE_API_URL points the client at a local fake in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from mollie.api.client import Client
from mollie.api.error import Error as MollieError

from shop.errors import PaymentUnavailable
from shop.models import Order, PaymentMethod
from shop.money import euros


@dataclass(frozen=True)
class Started:
    payment_id: str
    checkout_url: str


class Provider(Protocol):
    method: str

    def start(self, order: Order, *, redirect_url: str, webhook_url: str) -> Started | None: ...


class BankTransfer:
    method: str = PaymentMethod.BANK_TRANSFER

    def start(self, order: Order, *, redirect_url: str, webhook_url: str) -> Started | None:
        return None  # the order page shows the account number and reference


class Mollie:
    method: str = PaymentMethod.MOLLIE

    def _client(self) -> Client:
        client = Client(timeout=(2, 10), retry=1)
        client.set_api_key(settings.MOLLIE_API_KEY)
        if settings.MOLLIE_API_URL:
            client.set_api_endpoint(settings.MOLLIE_API_URL)
        return client

    def start(self, order: Order, *, redirect_url: str, webhook_url: str) -> Started:
        try:
            payment = self._client().payments.create(
                {
                    "amount": {"currency": "EUR", "value": euros(order.total_cents)},
                    "description": f"pijnreset {order.invoice_label}",
                    "redirectUrl": redirect_url,
                    "webhookUrl": webhook_url,
                    "locale": "nl_NL" if order.language == "nl" else "en_US",
                    "metadata": {"order": str(order.public_id)},
                },
                idempotency_key=str(order.public_id),
            )
        except (MollieError, OSError) as exc:
            raise PaymentUnavailable() from exc
        return Started(payment_id=payment.id, checkout_url=payment.checkout_url)

    def status(self, payment_id: str) -> str:
        """Mollie's status word: open, pending, authorized, paid, canceled, expired, failed."""
        try:
            return str(self._client().payments.get(payment_id).status)
        except (MollieError, OSError) as exc:
            raise PaymentUnavailable() from exc


def providers() -> dict[str, Provider]:
    offered: dict[str, Provider] = {str(PaymentMethod.BANK_TRANSFER): BankTransfer()}
    if settings.MOLLIE_API_KEY:
        offered[str(PaymentMethod.MOLLIE)] = Mollie()
    return offered
