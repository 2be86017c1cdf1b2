"""In a real browser: a new password only after the current one is typed again."""

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_patient_confirms_her_password_and_then_sets_a_new_one(
    page, live_server, patient_anna, password
):
    client = Client()
    client.force_login(patient_anna)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.goto(live_server.url + "/account/profiel/")
    page.get_by_role("link", name="Mijn wachtwoord wijzigen").click()
    page.get_by_role("heading", name="Bevestig dat jij het bent", level=1).wait_for()
    assert_accessible(page, viewports=(PHONE, DESKTOP))

    page.get_by_label("Wachtwoord", exact=True).fill("niet-het-goede-wachtwoord")
    page.get_by_role("button", name="Bevestigen en doorgaan").click()
    page.wait_for_selector(".errorlist")
    assert_accessible(page)

    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Bevestigen en doorgaan").click()
    page.wait_for_url("**/account/password/change/")
    assert_accessible(page)
    new = "een-heel-ander-lang-wachtwoord"
    page.locator("#id_password1").fill(new)
    page.locator("#id_password2").fill(new)
    with page.expect_navigation():
        page.get_by_role("button", name="Wachtwoord wijzigen").click()
    patient_anna.refresh_from_db()
    assert patient_anna.check_password(new)
