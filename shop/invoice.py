"""The invoice as a PDF (fpdf2): the seller, the buyer, the lines, VAT per rate, the total.

The figures are the order's own, stored when it was placed (shop/money.py), so
the PDF, the e-mail and the order page always say the same.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from pijnreset.pdf_text import latin1
from shop.models import Order


def amount(cents: int, symbol: str = "€") -> str:
    """€ 24,99 in Dutch, € 24.99 in English."""
    whole, part = divmod(cents, 100)
    separator = "," if translation.get_language() == "nl" else "."
    return f"{symbol} {whole}{separator}{part:02d}"


def _pdf_amount(cents: int) -> str:
    return amount(cents, symbol="EUR")  # the PDF's built-in fonts have no euro sign


class _Invoice(FPDF):
    def normalize_text(self, text: str) -> str:
        return super().normalize_text(latin1(text))


def invoice_pdf(order: Order) -> bytes:
    seller = settings.SHOP_SELLER
    with translation.override(order.language):
        pdf = _Invoice(format="A4")
        pdf.set_title(_("Invoice %(number)s") % {"number": order.invoice_label})
        pdf.add_page()
        pdf.set_font("helvetica", "B", 16)
        pdf.cell(
            0,
            10,
            _("Invoice %(number)s") % {"number": order.invoice_label},
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("helvetica", size=10)
        for line in (
            seller["name"], seller["address"], f"KvK {seller['kvk']}",
            _("VAT number %(number)s") % {"number": seller["vat_number"]}, seller["email"], "",
            _("Invoice date: %(date)s") % {"date": date_format(order.created_at, "DATE_FORMAT")},
            _("Invoice to:"), order.name, order.street,
            f"{order.postcode} {order.city}".strip(), order.get_country_display(), order.email, "",
        ):  # fmt: skip
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "B", 10)
        for text, width, align in ((_("Product"), 95, "L"), (_("Quantity"), 20, "R"),
                                   (_("Price"), 30, "R"), (_("Amount"), 35, "R")):  # fmt: skip
            pdf.cell(width, 7, text, border="B", align=align)
        pdf.ln()
        pdf.set_font("helvetica", size=10)
        for item in order.lines.all():
            pdf.cell(95, 6, f"{item.title} ({item.vat_percent}% {_('VAT')})")
            pdf.cell(20, 6, str(item.quantity), align="R")
            pdf.cell(30, 6, _pdf_amount(item.unit_price_cents), align="R")
            pdf.cell(35, 6, _pdf_amount(item.total_cents), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(145, 6, _("Shipping"))
        pdf.cell(35, 6, _pdf_amount(order.shipping_cents), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for percent, gross, vat in order.vat_lines:
            pdf.cell(
                145,
                6,
                _("%(percent)s%% VAT over %(net)s")
                % {"percent": percent, "net": _pdf_amount(gross - vat)},
            )
            pdf.cell(35, 6, _pdf_amount(vat), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "B", 11)
        pdf.cell(145, 8, _("Total (VAT included)"))
        pdf.cell(35, 8, _pdf_amount(order.total_cents), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", size=10)
        pdf.ln(4)
        if order.status == "awaiting_payment" and order.payment_method == "bank_transfer":
            pdf.multi_cell(0, 5, _(
                "Please transfer %(total)s to %(iban)s in the name of %(seller)s, with the "
                "reference %(reference)s."
            ) % {"total": _pdf_amount(order.total_cents), "iban": seller["iban"],
                 "seller": seller["name"], "reference": order.payment_reference})  # fmt: skip
        return bytes(pdf.output())
