import re

import pytest
from django.core import mail

from accounts.models import Consent, User
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "rustig ademen bij de zee"  # noqa: S105


def test_sign_up_confirm_log_in_switch_language_and_open_help(page, live_server):
    page.goto(live_server.url + "/")
    assert_accessible(page)
    page.get_by_role("link", name="Maak een gratis account").click()

    page.get_by_label("E-mailadres").fill("lotte@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Hoe mogen we je noemen?").fill("Lotte")
    page.get_by_label("Ik heb de privacyverklaring gelezen").check()
    # Forgetting the health-data consent is refused, and nothing typed is lost.
    page.get_by_role("button", name="Maak mijn account").click()
    assert page.locator("#id_consent_health_data_error").is_visible()
    assert page.get_by_label("E-mailadres").input_value() == "lotte@example.nl"
    assert page.get_by_label("Hoe mogen we je noemen?").input_value() == "Lotte"
    assert_accessible(page)

    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Ik geef pijnreset uitdrukkelijk toestemming").check()
    page.get_by_label("Ik heb de privacyverklaring gelezen").check()
    page.get_by_role("button", name="Maak mijn account").click()
    page.get_by_role("heading", name="Kijk in je e-mail").wait_for()
    assert_accessible(page)

    user = User.objects.get(email="lotte@example.nl")
    assert Consent.objects.filter(user=user, purpose="health_data").exists()
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
    assert_accessible(page)
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", name="Vandaag", level=1).wait_for()
    assert page.get_by_role("button", name="Begin het programma").is_visible()
    assert_accessible(page)

    # Log-out and the language live under "Meer" (the More tab) for a signed-in patient.
    page.get_by_role("link", name="Meer", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("link", name="Inloggen").first.click()
    page.get_by_label("E-mailadres").fill("lotte@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    assert_accessible(page)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Vandaag", level=1).wait_for()

    page.get_by_role("link", name="Meer", exact=True).click()
    page.get_by_role("link", name="English").click()
    page.get_by_role("heading", name="More", level=1).wait_for()
    page.get_by_role("link", name="Today", exact=True).click()
    page.get_by_role("heading", name="Today", level=1).wait_for()
    assert page.url.endswith("/en/vandaag/")
    assert_accessible(page)

    page.get_by_role("link", name="Need help?").click()
    page.get_by_role("heading", name="Need help?", level=1).wait_for()
    assert page.url.endswith("/en/hulp/")
    assert page.locator('a[href="tel:113"]').is_visible()
    assert page.locator('a[href="tel:08000113"]').is_visible()
    assert_accessible(page)
