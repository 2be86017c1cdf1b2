"""The shop's pages and the Mollie path, against a local fake of Mollie."""

import pytest
from django.core import mail
from django.urls import resolve, reverse

from shop import links
from shop.models import Order, OrderStatus, Product
from shop.tests.fake_mollie import FakeMollie

pytestmark = pytest.mark.django_db

ADDRESS = {"email": "koper@example.org", "name": "Karin Koper", "street": "Oudegracht 1",
           "postcode": "3511ab", "city": "Utrecht", "country": "NL"}  # fmt: skip


def is_link_to(location, order):
    # The token carries the second it was signed in, so two links to one order
    # may differ: compare what the link opens, not its text.
    match = resolve(location)
    return match.url_name == "order" and links.order_for(match.kwargs["token"]) == order


def add(client, product, quantity, **extra):
    url = reverse("shop:set_quantity", args=[product.public_id])
    return client.post(url, {"quantity": quantity, "add": "1", **extra})


def test_the_list_and_product_pages_show_price_and_campaign(client, book):
    page = client.get("/winkel/").content.decode()
    assert "De Oplossing voor pijn" in page and "€ 24,99" in page and "gratis verzending" in page
    english = client.get("/en/winkel/").content.decode()
    assert "The Solution for Pain" in english and "€ 24.99" in english
    assert client.get(book.get_absolute_url()).status_code == 200
    assert client.get("/winkel/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("quantity", ["0", "-1", "11", "1000", "een", ""])
def test_a_quantity_out_of_bounds_is_refused_kindly_and_kept(client, book, quantity):
    response = add(client, book, quantity)
    assert response.status_code == 422
    assert f'value="{quantity}"' in response.content.decode() or quantity == ""
    assert client.session.get("shop_cart") is None


def test_buying_the_book_by_bank_transfer(client, book, django_capture_on_commit_callbacks):
    assert add(client, book, 2).status_code == 302
    assert "€ 49,98" in client.get("/winkel/mandje/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/winkel/afrekenen/", {**ADDRESS, "method": "bank_transfer"})
    order = Order.objects.get()
    assert response.status_code == 302 and is_link_to(response["Location"], order)
    assert (order.postcode, order.total_cents, order.shipping_cents) == ("3511 AB", 4998, 0)
    assert client.session.get("shop_cart") is None
    page = client.get(response["Location"]).content.decode()
    assert order.payment_reference in page and "NL00 BANK" in page
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments
    assert order.user is None  # buying never creates or needs an account


def test_a_wrong_postcode_is_explained_and_nothing_typed_is_lost(client, book):
    add(client, book, 1)
    response = client.post(
        "/winkel/afrekenen/", {**ADDRESS, "postcode": "35111", "method": "bank_transfer"}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert "Dit is geen postcode van Nederland" in page and 'value="Oudegracht 1"' in page
    assert not Order.objects.exists()


def test_sold_out_while_in_the_cart(client, book):
    add(client, book, 3)
    Product.objects.filter(pk=book.pk).update(stock=2)
    assert "Er zijn nog maar 2" in client.get("/winkel/mandje/").content.decode()
    response = client.post("/winkel/afrekenen/", {**ADDRESS, "method": "bank_transfer"})
    assert response.status_code == 409 and "uitverkocht" in response.content.decode()
    assert not Order.objects.exists() and Product.objects.get(pk=book.pk).stock == 2


def test_a_forged_order_link_finds_nothing(client, book):
    assert client.get("/winkel/bestelling/niet-echt/").status_code == 404


@pytest.fixture
def mollie(settings):
    with FakeMollie() as fake:
        settings.MOLLIE_API_KEY = "test_loopbackfakekey000000000000000"
        settings.MOLLIE_API_URL = fake.url
        yield fake


def pay_online(client, book, django_capture_on_commit_callbacks):
    add(client, book, 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/winkel/afrekenen/", {**ADDRESS, "method": "mollie"})
    return response, Order.objects.get()


def webhook(client, payment_id):
    return client.post("/api/v1/shop/mollie-webhook", {"id": payment_id})


def test_paying_with_mollie_and_the_same_webhook_twice(
    client, book, mollie, django_capture_on_commit_callbacks
):
    response, order = pay_online(client, book, django_capture_on_commit_callbacks)
    (payment_id,) = mollie.payments
    assert (
        response.status_code == 302
        and response["Location"] == f"{mollie.url}/checkout/{payment_id}"
    )
    sent = mollie.requests[0][3]
    assert sent["amount"] == {"currency": "EUR", "value": "24.99"}
    assert sent["webhookUrl"].endswith("/api/v1/shop/mollie-webhook")
    order.refresh_from_db()
    assert order.provider_payment_id == payment_id

    assert webhook(client, payment_id).json()["status"] == "awaiting_payment"  # still open
    mollie.set_status(payment_id, "paid")
    first = webhook(client, payment_id)
    second = webhook(client, payment_id)
    assert first.status_code == second.status_code == 200
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID and second.json()["status"] == "paid"
    paid_at = order.paid_at
    order.refresh_from_db()
    assert order.paid_at == paid_at  # the repeat changed nothing


def test_an_expired_mollie_payment_cancels_and_gives_the_stock_back(
    client, book, mollie, django_capture_on_commit_callbacks
):
    _response, order = pay_online(client, book, django_capture_on_commit_callbacks)
    assert Product.objects.get(pk=book.pk).stock == 4
    mollie.set_status(order.provider_payment_id, "expired")
    assert webhook(client, order.provider_payment_id).json()["status"] == "cancelled"
    assert Product.objects.get(pk=book.pk).stock == 5


def test_webhooks_for_unknown_payments_and_while_mollie_is_down(
    client, book, mollie, django_capture_on_commit_callbacks
):
    assert webhook(client, "tr_unknown1").status_code == 404
    assert webhook(client, "not-a-payment").status_code == 422
    assert webhook(client, "").status_code == 422
    _response, order = pay_online(client, book, django_capture_on_commit_callbacks)
    mollie.down = True
    answer = webhook(client, order.provider_payment_id)
    assert answer.status_code == 503 and answer.json()["detail"][0]["type"] == "unavailable"
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_PAYMENT


def test_when_mollie_cannot_start_a_payment_the_order_falls_back_to_bank_transfer(
    client, book, mollie, django_capture_on_commit_callbacks
):
    mollie.down = True
    response, order = pay_online(client, book, django_capture_on_commit_callbacks)
    order.refresh_from_db()
    assert is_link_to(response["Location"], order)
    assert order.payment_method == "bank_transfer"
    assert "NL00 BANK" in client.get(response["Location"]).content.decode()


def test_without_a_mollie_key_only_bank_transfer_is_offered(client, book):
    add(client, book, 1)
    page = client.get("/winkel/afrekenen/").content.decode()
    assert 'value="bank_transfer"' in page and 'value="mollie"' not in page
    response = client.post("/winkel/afrekenen/", {**ADDRESS, "method": "mollie"})
    assert response.status_code == 422 and not Order.objects.exists()
