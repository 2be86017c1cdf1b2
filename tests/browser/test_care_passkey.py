"""Staff passkeys (issue 15 point 5): a therapist without a second factor adds a passkey
instead of an authenticator app, logs out, logs in with the password and the passkey,
and sees their patients.

Chromium's virtual authenticator (DevTools protocol, WebAuthn domain) plays the phone or
laptop that holds the passkey; it says yes to user verification, as a fingerprint would.
WebAuthn needs a secure context: the live server answers on http://localhost."""

import re

import pytest
from allauth.mfa.models import Authenticator

from practices.tests.factories import make_practice, make_therapist
from tests.browser.conftest import assert_accessible
from tests.browser.test_care import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_virtual_authenticator(page) -> tuple[object, str]:
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    added = session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return session, added["authenticatorId"]


def test_a_therapist_sets_up_a_passkey_and_logs_in_with_it(
    page, live_server, password, therapist_eva
):
    url = live_server.url
    assert url.startswith("http://localhost"), url
    make_therapist(
        "Eva de Vries", practices=(make_practice("Praktijk Rustpunt"),), user=therapist_eva
    )
    session, authenticator_id = add_virtual_authenticator(page)

    # No second factor yet: the password alone lets her in, but not to patient data.
    log_in(page, url, therapist_eva.email, password)
    page.wait_for_load_state()
    page.goto(url + "/zorg/")
    page.wait_for_url("**/zorg/tweestaps/")
    assert_accessible(page)
    page.get_by_role("link", name="Toegangssleutel toevoegen").click()
    # Adding a second factor asks for the password once more.
    page.wait_for_url("**/account/reauthenticate/**")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Bevestigen en doorgaan").click()
    page.wait_for_url("**/2fa/webauthn/add/")
    assert_accessible(page)
    page.get_by_role("button", name="Toevoegen").click()
    # The first second factor comes with recovery codes, shown once.
    page.wait_for_url("**/2fa/recovery-codes/**")
    assert Authenticator.objects.filter(
        user=therapist_eva, type=Authenticator.Type.WEBAUTHN
    ).exists()
    credentials = session.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert len(credentials["credentials"]) == 1

    page.goto(url + "/zorg/")
    page.get_by_role("heading", level=1).first.wait_for()
    assert "/zorg/tweestaps/" not in page.url

    # Log out, and in again: the password, then the passkey as the second step.
    page.get_by_role("link", name="Meer", exact=True).click()
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("link", name="Inloggen").first.wait_for()
    log_in(page, url, therapist_eva.email, password)
    page.wait_for_url(re.compile(r".*/2fa/authenticate/.*"))
    assert_accessible(page)
    page.get_by_role("button", name="Gebruik een beveiligingssleutel").click()
    page.wait_for_url(lambda address: "/2fa/authenticate/" not in address)
    page.goto(url + "/zorg/")
    assert page.url == url + "/zorg/"
    page.get_by_role("heading", level=1).first.wait_for()
    used = Authenticator.objects.get(user=therapist_eva, type=Authenticator.Type.WEBAUTHN)
    assert used.last_used_at is not None
