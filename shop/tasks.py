"""Background work (django-tasks): the buyer's e-mails. Each reads the order again."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from shop.models import Order


def _order(order_id: int) -> Order | None:
    return Order.objects.prefetch_related("lines").filter(pk=order_id).first()


@task()
def send_order_confirmation(order_id: int) -> None:
    from shop import invoice, links  # the PDF library loads only for the e-mail

    order = _order(order_id)
    if order is None:
        return
    with translation.override(order.language):
        context = {"order": order, "order_url": links.order_url(order),
                   "lines": list(order.lines.all()), "seller": settings.SHOP_SELLER}  # fmt: skip
        message = EmailMessage(
            subject=_("Your order %(number)s") % {"number": order.invoice_label},
            body=render_to_string("shop/email/confirmation.txt", context),
            to=[order.email],
        )
        message.attach(f"{order.invoice_label}.pdf", invoice.invoice_pdf(order), "application/pdf")
        message.send()


@task()
def send_shipped_notice(order_id: int) -> None:
    from shop import links

    order = _order(order_id)
    if order is None:
        return
    with translation.override(order.language):
        EmailMessage(
            subject=_("Your order %(number)s is on its way") % {"number": order.invoice_label},
            body=render_to_string(
                "shop/email/shipped.txt", {"order": order, "order_url": links.order_url(order)}
            ),
            to=[order.email],
        ).send()
