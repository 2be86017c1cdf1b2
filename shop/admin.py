"""The operator runs the shop here: products, and orders with their status actions and CSV."""

from __future__ import annotations

import csv

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop import actions
from shop.errors import NotAllowedNow
from shop.models import Order, OrderLine, Product


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin[Product]):
    list_display = ("title_nl", "price_cents", "vat_class", "stock", "free_shipping", "active")
    list_filter = ("active", "vat_class", "free_shipping", "digital")
    prepopulated_fields = {"slug": ("title_nl",)}


class OrderLineInline(admin.TabularInline[OrderLine, Order]):
    model = OrderLine
    extra = 0
    can_delete = False
    readonly_fields = ("product", "title", "quantity", "unit_price_cents", "vat_percent")

    def has_add_permission(self, request: HttpRequest, obj: Order | None = None) -> bool:
        return False


def _apply(action_name: str, change, label):  # type: ignore[no-untyped-def]
    def run(modeladmin: OrderAdmin, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        done = refused = 0
        for order in queryset:
            try:
                done += change(order=order, now=timezone.now())
            except NotAllowedNow:
                refused += 1
        modeladmin.message_user(request, _("%(done)d orders changed.") % {"done": done})
        if refused:
            modeladmin.message_user(
                request,
                _("%(refused)d orders could not change that way (see their status).")
                % {"refused": refused},
                level=messages.WARNING,
            )

    run.__name__ = action_name
    return admin.action(description=label)(run)


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin[Order]):
    list_display = ("invoice_number", "created_at", "name", "email", "total_cents", "status",
                    "payment_method")  # fmt: skip
    list_filter = ("status", "payment_method", "country", ("created_at", admin.DateFieldListFilter))
    search_fields = ("email", "name", "payment_reference", "postcode")
    date_hierarchy = "created_at"
    inlines = [OrderLineInline]
    readonly_fields = [f.name for f in Order._meta.fields]
    actions = [
        _apply("mark_paid", actions.mark_paid, _("Mark paid")),
        _apply("mark_shipped", actions.mark_shipped, _("Mark shipped")),
        _apply("cancel", actions.cancel_order, _("Cancel (stock goes back)")),
        _apply("mark_refunded", actions.mark_refunded, _("Mark refunded")),
        "export_csv",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # orders come from the shop only

    def has_delete_permission(self, request: HttpRequest, obj: Order | None = None) -> bool:
        return False  # an invoice is never deleted (no gaps)

    @admin.action(description=_("Download as CSV"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Order]) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="bestellingen.csv"'
        writer = csv.writer(response)
        writer.writerow(["invoice", "created_at", "status", "payment", "name", "email",
                         "country", "goods_cents", "shipping_cents", "total_cents",
                         "vat_lines", "paid_at", "shipped_at"])  # fmt: skip
        for o in queryset.order_by("invoice_number"):
            writer.writerow([o.invoice_label, o.created_at.isoformat(), o.status,
                             o.payment_method, _csv_safe(o.name), o.email, o.country,
                             o.goods_cents, o.shipping_cents, o.total_cents,
                             ";".join(f"{p}%:{g}:{v}" for p, g, v in o.vat_lines),
                             o.paid_at.isoformat() if o.paid_at else "",
                             o.shipped_at.isoformat() if o.shipped_at else ""])  # fmt: skip
        return response


def _csv_safe(text: str) -> str:
    """No spreadsheet formulas from a buyer's typed name (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
