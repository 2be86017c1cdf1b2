"""The shop (issue 17): a visitor buys the book with free shipping by bank transfer, gets
the confirmation with the PDF invoice, and the operator marks the order paid and shipped."""

import io

import pytest
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from accounts.models import Role, User
from care.tests.helpers import give_second_factor
from shop.models import Order, OrderStatus, Product, VatClass
from tests.browser.conftest import PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def book():
    return Product.objects.create(
        slug="de-oplossing-voor-pijn", title_nl="De Oplossing voor pijn",
        title_en="The Solution for Pain", description_nl="Het boek over de methode.",
        price_cents=2499, vat_class=VatClass.BOOK, stock=10, free_shipping=True,
    )  # fmt: skip


def test_buying_the_book_by_bank_transfer_and_the_operator_ships_it(page, browser, live_server,
                                                                    book):  # fmt: skip
    page.goto(live_server.url + "/winkel/")
    assert_accessible(page)
    page.get_by_role("link", name="De Oplossing voor pijn").click()
    assert page.get_by_text("gratis verzending").first.is_visible()
    page.get_by_role("button", name="In winkelmandje").click()
    assert_accessible(page)
    page.get_by_role("link", name="Bestellen en betalen").click()
    page.get_by_label("E-mailadres").fill("lezer@example.org")
    page.get_by_label("Naam").fill("Lotte Lezer")
    page.get_by_label("Straat en huisnummer").fill("Oudegracht 12")
    page.get_by_label("Postcode").fill("3511ab")
    page.get_by_label("Plaats").fill("Utrecht")
    assert page.get_by_label("Overschrijving").is_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Bestelling plaatsen").click()

    order = Order.objects.get()
    assert page.get_by_text("Wacht op betaling").is_visible()
    assert page.get_by_text(order.payment_reference).first.is_visible()
    assert (order.postcode, order.shipping_cents, order.total_cents) == ("3511 AB", 0, 2499)
    assert_accessible(page)

    (confirmation,) = [m for m in mail.outbox if m.to == ["lezer@example.org"]]
    name, pdf, kind = confirmation.attachments[0]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert kind == "application/pdf" and name == f"{order.invoice_label}.pdf"
    assert f"Factuur {order.invoice_label}" in text and "EUR 24,99" in text
    assert "9% btw" in text and order.payment_reference in text

    operator = User.objects.create(
        email="olaf@example.org", role=Role.NETWORK_OPERATOR, is_staff=True, is_superuser=True
    )
    give_second_factor(operator)  # the admin asks every operator for one
    client = Client()
    client.force_login(operator)
    office = browser.new_context(viewport=PHONE, locale="nl-NL")
    office.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    admin = office.new_page()
    for action in ("Markeer als betaald", "Markeer als verzonden"):
        admin.goto(live_server.url + "/beheer/shop/order/")
        admin.get_by_role("checkbox", name="Selecteer dit object voor een actie").first.check()
        admin.get_by_role("combobox", name="Actie").select_option(label=action)
        admin.get_by_role("button", name="Uitvoeren").click()
        admin.get_by_text("1 bestellingen gewijzigd.").wait_for()
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED and order.paid_at and order.shipped_at
    assert any("onderweg" in m.subject for m in mail.outbox if m.to == ["lezer@example.org"])
    office.close()

    page.goto(live_server.url + f"/winkel/bestelling/{page.url.rstrip('/').rsplit('/', 1)[-1]}/")
    assert page.get_by_text("Verzonden").first.is_visible()
    assert Product.objects.get(pk=book.pk).stock == 9
