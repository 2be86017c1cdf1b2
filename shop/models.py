"""The shop: products, orders and their lines, and the gapless invoice counter.

Orders hold no health data and belong to no patient account: a buyer is an
e-mail address and a postal address (a logged-in user is remembered only so
they can find the order in their account).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class VatClass(models.TextChoices):
    BOOK = "book", _("Book (low VAT rate)")
    STANDARD = "standard", _("Other goods (standard VAT rate)")


def vat_percent(vat_class: str) -> int:
    return int(settings.SHOP_VAT_PERCENT[vat_class])


class ProductQuerySet(models.QuerySet["Product"]):
    def for_sale(self) -> ProductQuerySet:
        return self.filter(active=True)


class Product(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("address name"), unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    image = models.ImageField(_("image"), upload_to="shop/", blank=True)
    image_alt_nl = models.CharField(_("image description (Dutch)"), max_length=200, blank=True)
    image_alt_en = models.CharField(_("image description (English)"), max_length=200, blank=True)
    price_cents = models.PositiveIntegerField(_("price in cents, VAT included"))
    vat_class = models.CharField(_("VAT"), max_length=10, choices=VatClass.choices)
    stock = models.PositiveIntegerField(
        _("in stock"), null=True, blank=True, help_text=_("Empty: unlimited (digital products).")
    )
    digital = models.BooleanField(_("digital (nothing to ship)"), default=False)
    free_shipping = models.BooleanField(
        _("free shipping campaign"),
        default=False,
        help_text=_("An order of only such products (and digital ones) ships for free."),
    )
    active = models.BooleanField(_("for sale"), default=True)
    position = models.PositiveSmallIntegerField(_("order in the list"), default=0)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["position", "title_nl"]
        constraints = [
            models.CheckConstraint(condition=Q(price_cents__gt=0), name="product_has_a_price")
        ]

    def __str__(self) -> str:
        return self.title_nl

    def get_absolute_url(self) -> str:
        return reverse("shop:product", kwargs={"slug": self.slug})

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_nl

    @property
    def description(self) -> str:
        return self.description_en if get_language() == "en" else self.description_nl

    @property
    def image_alt(self) -> str:
        return self.image_alt_en if get_language() == "en" else self.image_alt_nl

    @property
    def vat_percent(self) -> int:
        return vat_percent(self.vat_class)

    @property
    def sold_out(self) -> bool:
        return self.stock is not None and self.stock == 0


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Netherlands")
    BELGIUM = "BE", _("Belgium")


class OrderStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
    PAID = "paid", _("Paid")
    SHIPPED = "shipped", _("Shipped")
    CANCELLED = "cancelled", _("Cancelled")
    REFUNDED = "refunded", _("Refunded")


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    MOLLIE = "mollie", _("iDEAL or card (Mollie)")


class Order(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invoice_number = models.PositiveIntegerField(_("invoice number"), unique=True)
    payment_reference = models.CharField(_("payment reference"), max_length=20, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="orders",
    )  # fmt: skip
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=120)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="nl")
    status = models.CharField(
        _("status"), max_length=20, choices=OrderStatus.choices,
        default=OrderStatus.AWAITING_PAYMENT,
    )  # fmt: skip
    payment_method = models.CharField(_("payment"), max_length=20, choices=PaymentMethod.choices)
    provider_payment_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    checkout_url = models.URLField(max_length=500, blank=True)
    goods_cents = models.PositiveIntegerField()
    shipping_cents = models.PositiveIntegerField()
    total_cents = models.PositiveIntegerField()
    vat_lines = models.JSONField(help_text="[[percent, gross cents, VAT cents], ...]")
    created_at = models.DateTimeField(_("ordered at"))
    pay_before = models.DateTimeField(_("pay before"))
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("shipped at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("refunded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(total_cents=models.F("goods_cents") + models.F("shipping_cents")),
                name="order_total_adds_up",
            )
        ]

    def __str__(self) -> str:
        return self.invoice_label

    @property
    def invoice_label(self) -> str:
        return f"{settings.SHOP_INVOICE_PREFIX}{self.invoice_number:06d}"


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=120)
    quantity = models.PositiveSmallIntegerField()
    unit_price_cents = models.PositiveIntegerField()
    vat_percent = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1), name="line_quantity")]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.title}"

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_price_cents


class InvoiceCounter(models.Model):
    """One row: the last invoice number given. Taken under a row lock in the same
    transaction as the order, so a failed order gives its number back: no gaps."""

    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.last)
