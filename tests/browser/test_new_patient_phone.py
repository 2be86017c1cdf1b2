"""Issue 13 acceptance on a 390x844 phone, in Dutch: a new patient signs up, verifies by
the e-mailed link, lands on Today and starts the programme, and is still logged in after
closing the browser; a patient logs in with an e-mailed code; "3511 AB" finds practices."""

import re

import pytest
from django.core import mail

from practices.tests.factories import make_practice
from tests.browser.conftest import PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "rustig ademen bij de zee"  # noqa: S105


def _path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def _reopen(browser, page):
    """A new browser context from the old one's state, without the cookies a real
    browser forgets when it closes (those without an expiry date)."""
    state = page.context.storage_state()
    state["cookies"] = [c for c in state["cookies"] if c["expires"] > 0]
    return browser.new_context(storage_state=state, locale="nl-NL", viewport=PHONE)


def test_a_new_patient_signs_up_verifies_starts_and_stays_logged_in(browser, page, live_server):
    assert page.viewport_size == PHONE
    page.goto(live_server.url + "/account/signup/")
    page.get_by_label("E-mailadres").fill("noor@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Hoe mogen we je noemen?").fill("Noor")
    page.get_by_label("Ik geef pijnreset uitdrukkelijk toestemming").check()
    page.get_by_label("Ik heb de privacyverklaring gelezen").check()
    page.get_by_role("button", name="Maak mijn account").click()
    page.get_by_role("heading", name="Kijk in je e-mail").wait_for()

    (verification,) = mail.outbox
    assert "example.com" not in verification.body and "example.com" not in verification.subject
    link = re.search(r"https?://\S+", verification.body).group(0)
    page.goto(live_server.url + _path_of(link))
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", name="Vandaag", level=1).wait_for()
    assert page.url.endswith("/vandaag/")
    start = page.get_by_role("button", name="Begin het programma")
    start.scroll_into_view_if_needed()
    start.click()
    page.get_by_text("Welkom in het programma").wait_for()
    assert page.get_by_role("button", name="Begin het programma").count() == 0
    assert_accessible(page)

    reopened_context = _reopen(browser, page)
    try:
        reopened = reopened_context.new_page()
        reopened.goto(live_server.url + "/vandaag/")
        reopened.get_by_role("heading", name="Vandaag", level=1).wait_for()
        assert reopened.url.endswith("/vandaag/")
        assert reopened.get_by_role("button", name="Begin het programma").count() == 0
    finally:
        reopened_context.close()


def test_a_patient_logs_in_with_a_code_from_the_e_mail(page, live_server, patient_anna):
    page.goto(live_server.url + "/account/login/")
    page.get_by_role("link", name="Log in met een code per e-mail").click()
    page.get_by_role("heading", name="Inloggen met een code", level=1).wait_for()
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("anna@example.nl")
    page.get_by_role("button", name="E-mail mij een code").click()
    page.get_by_role("heading", name="Typ de code uit de e-mail", level=1).wait_for()
    assert_accessible(page)

    (message,) = mail.outbox
    assert "example.com" not in f"{message.subject}\n{message.body}"
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)
    assert page.get_by_label("Ingelogd blijven").is_checked()
    page.get_by_label("Code uit de e-mail").fill(code)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.get_by_role("heading", name="Vandaag", level=1).wait_for()
    assert page.url.endswith("/vandaag/")


def test_3511_ab_finds_the_practices_nearby(page, live_server):
    make_practice("Praktijk Domplein", place="Utrecht", at=(52.0907, 5.1214), postcode="3512 JE")
    make_practice("Fysio Noord", place="Groningen", at=(53.2194, 6.5665), postcode="9711 AA")
    page.goto(live_server.url + "/praktijken/")
    page.get_by_label("Plaats of postcode").fill("3511 AB")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.get_by_role("link", name="Praktijk Domplein", exact=True).wait_for()
    assert page.get_by_role("link", name="Fysio Noord", exact=True).count() == 0
    assert_accessible(page)

    page.get_by_label("Plaats of postcode").fill("35")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.get_by_text("Typ alle 4 cijfers").wait_for()
    assert page.get_by_label("Plaats of postcode").input_value() == "35"


def test_a_manager_enters_an_address_and_never_coordinates(
    page, live_server, manager_mila, password
):
    practice = make_practice("Praktijk Rustpunt", managers=(manager_mila,))
    page.goto(live_server.url + "/account/login/")
    page.get_by_label("E-mailadres").fill("mila@example.nl")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(re.compile(r"/praktijken/beheer/$"))
    page.goto(f"{live_server.url}/praktijken/{practice.public_id}/bewerken/")
    assert page.locator('input[name="latitude"], input[name="longitude"]').count() == 0

    page.get_by_label("Straat en huisnummer").fill("Damrak 1")
    page.get_by_label("Postcode").fill("1000 AA")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("We vinden deze postcode niet op de kaart").wait_for()
    assert page.get_by_label("Straat en huisnummer").input_value() == "Damrak 1"
    assert_accessible(page)

    page.get_by_label("Postcode").fill("1012 JS")
    page.get_by_label("Plaats", exact=True).fill("Amsterdam")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Op de kaart: postcodegebied 1012 (Amsterdam)").wait_for()
    practice.refresh_from_db()
    assert round(practice.latitude, 1) == 52.4 and round(practice.longitude, 1) == 4.9
