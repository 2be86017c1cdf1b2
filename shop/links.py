"""The buyer's own link to their order: signed, so nobody can guess another's."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from shop.models import Order

SALT = "shop.order"


def order_token(order: Order) -> str:
    return signing.dumps(str(order.public_id), salt=SALT)


def order_for(token: str) -> Order | None:
    try:
        public_id = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Order.objects.filter(public_id=public_id).first()


def order_path(order: Order) -> str:
    return reverse("shop:order", kwargs={"token": order_token(order)})


def order_url(order: Order) -> str:
    return settings.SITE_URL.rstrip("/") + order_path(order)
