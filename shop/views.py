"""The shop's pages: list, product, cart, checkout, the buyer's order page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pijnreset import ratelimit
from shop import actions, cart, links, payments
from shop.errors import PaymentUnavailable, ShopError
from shop.forms import CheckoutForm, QuantityForm
from shop.models import Order, PaymentMethod, Product


def product_list(request: HttpRequest) -> HttpResponse:
    products = Product.objects.for_sale()
    return render(request, "shop/list.html", {"products": products})


def product_page(request: HttpRequest, slug: str) -> HttpResponse:
    product = get_object_or_404(Product.objects.for_sale(), slug=slug)
    return render(request, "shop/product.html", {"product": product, "form": QuantityForm(
        initial={"quantity": 1})})  # fmt: skip


def cart_page(request: HttpRequest, form: QuantityForm | None = None, status: int = 200,
              bad_product: int | None = None) -> HttpResponse:  # fmt: skip
    lines = cart.lines(request.session)
    rows = [
        (line, form if form is not None and line.product.pk == bad_product
         else QuantityForm(initial={"quantity": line.quantity}, prefix=str(line.product.pk)))
        for line in lines
    ]  # fmt: skip
    context = {"rows": rows, "totals": cart.totals(lines, "NL") if lines else None,
               "short": [x for x in lines if x.short]}  # fmt: skip
    return render(request, "shop/cart.html", context, status=status)


@require_POST
def set_quantity(request: HttpRequest, product_id: str) -> HttpResponse:
    product = get_object_or_404(Product.objects.for_sale(), public_id=product_id)
    prefix = request.POST.get("prefix") or None
    form = QuantityForm(request.POST, prefix=prefix)
    if not form.is_valid():
        if prefix is None:  # from the product page
            return render(request, "shop/product.html", {"product": product, "form": form},
                          status=422)  # fmt: skip
        return cart_page(request, form=form, status=422, bad_product=product.pk)
    quantity = form.cleaned_data["quantity"]
    if request.POST.get("add"):
        if quantity < 1:
            form.add_error("quantity", _("Choose at least 1."))
        quantity += cart.quantities(request.session).get(product.pk, 0)
        if quantity > settings.SHOP_MAX_QUANTITY:
            form.add_error(
                "quantity",
                _("You can order at most %(limit)s of one product at a time.")
                % {"limit": settings.SHOP_MAX_QUANTITY},
            )
        if form.errors:
            return render(request, "shop/product.html", {"product": product, "form": form},
                          status=422)  # fmt: skip
    cart.set_quantity(request.session, product, quantity)
    messages.success(request, _("Your cart has been updated."))
    return redirect("shop:cart")


def checkout(request: HttpRequest) -> HttpResponse:
    lines = cart.lines(request.session)
    if not lines:
        messages.info(request, _("Your cart is empty."))
        return redirect("shop:list")
    offered = payments.providers()
    form = CheckoutForm(
        request.POST or None, needs_address=cart.needs_shipping(lines), methods=list(offered)
    )
    country = form.data.get("country") if form.is_bound else "NL"
    totals = cart.totals(lines, country if country in ("NL", "BE") else "NL")
    context = {"form": form, "lines": lines, "totals": totals}
    if request.method != "POST" or not form.is_valid():
        return render(request, "shop/checkout.html", context, status=422 if form.is_bound else 200)
    data = form.cleaned_data
    refusal = ratelimit.hit(request, "shop_order", subjects={"email": data["email"].lower()})
    if refusal is not None:
        return ratelimit.refuse_page(request, refusal, "shop/checkout.html", context)
    buyer = actions.Buyer(
        email=data["email"], name=data["name"], street=data.get("street", ""),
        postcode=data.get("postcode", ""), city=data.get("city", ""), country=data["country"],
    )  # fmt: skip
    try:
        order = actions.place_order(
            lines=lines, buyer=buyer, method=data["method"],
            user=request.user if request.user.is_authenticated else None,
            language=get_language() or "nl", now=timezone.now(),
        )  # fmt: skip
    except ShopError as exc:
        form.add_error(None, str(exc) if str(exc) else exc.message)
        context["lines"] = cart.lines(request.session)
        return render(request, "shop/checkout.html", context, status=409)
    cart.empty(request.session)
    return _start_payment(request, order, offered[order.payment_method])


def _start_payment(request: HttpRequest, order: Order, provider: payments.Provider
                   ) -> HttpResponse:  # fmt: skip
    order_path = links.order_path(order)
    try:
        started = provider.start(
            order, redirect_url=request.build_absolute_uri(order_path),
            webhook_url=request.build_absolute_uri(reverse("api:mollie_webhook")),
        )  # fmt: skip
    except PaymentUnavailable as exc:
        Order.objects.filter(pk=order.pk).update(payment_method=PaymentMethod.BANK_TRANSFER)
        messages.warning(request, exc.message)
        return redirect(order_path)
    if started is None:
        return redirect(order_path)
    Order.objects.filter(pk=order.pk).update(
        provider_payment_id=started.payment_id, checkout_url=started.checkout_url
    )
    return HttpResponseRedirect(started.checkout_url)


def order_page(request: HttpRequest, token: str) -> HttpResponse:
    order = links.order_for(token)
    if order is None:
        return render(request, "shop/order_unknown.html", status=404)
    context = {"order": order, "lines": order.lines.all(), "seller": settings.SHOP_SELLER}
    return render(request, "shop/order.html", context)


def my_orders(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    orders = [(o, links.order_path(o)) for o in Order.objects.filter(user=request.user)]
    return render(request, "shop/my_orders.html", {"orders": orders})
