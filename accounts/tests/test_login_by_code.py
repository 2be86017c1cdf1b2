"""Log-in without a password: a code by e-mail (issue 13, point 3)."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

REQUEST = "/account/login/code/"
CONFIRM = "/account/login/code/confirm/"

pytestmark = pytest.mark.django_db


def code_from(message) -> str:
    return re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)


def test_the_log_in_page_offers_a_code_by_e_mail(client):
    html = client.get("/account/login/").content.decode()
    assert f'href="{REQUEST}"' in html
    assert "Log in met een code per e-mail" in html


def test_a_patient_logs_in_with_the_e_mailed_code_and_lands_on_today(client, patient_anna):
    page = client.get(REQUEST).content.decode()
    assert "Inloggen met een code" in page and "E-mailadres" in page
    response = client.post(REQUEST, {"email": "anna@example.nl"})
    assert response.status_code == 302 and response["Location"] == CONFIRM
    (message,) = mail.outbox
    assert message.to == ["anna@example.nl"]
    assert "Je inlogcode" in message.subject
    text = f"{message.subject}\n{message.body}"
    assert "example.com" not in text and settings.SITE_URL in text
    assert "zonder wachtwoord" in message.body

    confirm = client.get(CONFIRM).content.decode()
    assert "Typ de code uit de e-mail" in confirm and "anna@example.nl" in confirm
    response = client.post(CONFIRM, {"code": code_from(message), "remember": "on"})
    assert response.status_code == 302 and response["Location"] == "/vandaag/"
    assert client.session["_auth_user_id"] == str(patient_anna.pk)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE  # stays logged in
    assert not client.session.get_expire_at_browser_close()


def test_without_stay_logged_in_the_session_ends_with_the_browser(client, patient_anna):
    client.post(REQUEST, {"email": "anna@example.nl"})
    response = client.post(CONFIRM, {"code": code_from(mail.outbox[0])})
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()


def test_three_wrong_codes_end_the_code(client, patient_anna):
    client.post(REQUEST, {"email": "anna@example.nl"})
    right = code_from(mail.outbox[0])
    for _ in range(2):
        response = client.post(CONFIRM, {"code": "AAAAAA" if right != "AAAAAA" else "BBBBBB"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    response = client.post(CONFIRM, {"code": "ZZZZZZ" if right != "ZZZZZZ" else "YYYYYY"})
    assert response.status_code == 302 and response["Location"] == REQUEST
    response = client.post(CONFIRM, {"code": right})
    assert "_auth_user_id" not in client.session


def test_asking_for_codes_is_rate_limited_per_address(patient_anna):
    """Three codes per 10 minutes per address, from however many browsers."""
    for _ in range(3):
        Client().post(REQUEST, {"email": "anna@example.nl"})
    response = Client().post(REQUEST, {"email": "anna@example.nl"})
    assert response.status_code == 200
    assert "te veel" in response.content.decode().lower()
    assert len(mail.outbox) == 3


def test_an_unknown_address_gets_the_same_page(client):
    """No account enumeration: the next page looks the same whether or not the address is
    known; the mail to an unknown address says there is no account, in our words."""
    response = client.post(REQUEST, {"email": "niemand@example.nl"})
    assert response.status_code == 302 and response["Location"] == CONFIRM
    for message in mail.outbox:
        assert "example.com" not in f"{message.subject}\n{message.body}"


def test_the_pages_speak_english_under_en(client, patient_anna):
    html = client.get("/en" + REQUEST).content.decode()
    assert "Log in with a code" in html and "E-mail me a code" in html
    client.post("/en" + REQUEST, {"email": "anna@example.nl"})
    assert "Your log-in code" in mail.outbox[0].subject


def test_the_code_page_without_a_request_sends_back_to_asking(client):
    response = client.get(CONFIRM)
    assert response.status_code == 302 and response["Location"] == REQUEST


def test_stopping_goes_back_to_the_password_log_in(client, patient_anna):
    client.post(REQUEST, {"email": "anna@example.nl"})
    response = client.post("/account/logout/", {"next": "/account/login/"})
    assert response.status_code == 302 and response["Location"] == "/account/login/"
    assert client.get(CONFIRM)["Location"] == REQUEST  # the code is given up
