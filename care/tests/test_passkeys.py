"""Passkeys (WebAuthn) as the staff's second factor (issue 15 point 5): allauth's pages
answer (never 500 under our CSP and templates), a passkey opens the care pages, and
logging in asks for it after the password. A software passkey stands in for the phone."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from care.access import has_second_factor
from care.tests.passkeys import HOST, SoftwarePasskey

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_client() -> Client:
    return Client(HTTP_HOST=HOST)


def log_in_with_password(client: Client, user, password: str) -> str:
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    return response["Location"]


def add_passkey(client: Client, user, password: str, passkey: SoftwarePasskey) -> None:
    log_in_with_password(client, user, password)
    client.post(reverse("account_reauthenticate"), {"password": password})
    page = client.get(reverse("mfa_add_webauthn"))
    assert page.status_code == 200
    credential = passkey.create(page.context["js_data"]["creation_options"])
    added = client.post(
        reverse("mfa_add_webauthn"), {"name": "Laptop van Eva", "credential": credential}
    )
    assert added.status_code == 302, added.content.decode()[:2000]


@pytest.fixture
def eva_without_factor(therapist_eva, practice_a):
    from practices.tests.factories import make_therapist

    make_therapist("Eva de Vries", practices=(practice_a,), user=therapist_eva)
    return therapist_eva


def test_the_two_factor_pages_answer_with_passkeys_on(local_client, eva_without_factor, password):
    log_in_with_password(local_client, eva_without_factor, password)
    for name in ("mfa_index", "mfa_list_webauthn", "care_staff:second_factor"):
        assert local_client.get(reverse(name)).status_code == 200, name
    gate = local_client.get(reverse("care_staff:second_factor")).content.decode()
    assert reverse("mfa_add_webauthn") in gate
    assert "Toegangssleutel toevoegen" in gate
    local_client.post(reverse("account_reauthenticate"), {"password": password})
    add_page = local_client.get(reverse("mfa_add_webauthn"))
    assert add_page.status_code == 200
    assert "Naam van deze toegangssleutel" in add_page.content.decode()
    assert "'unsafe-inline'" not in add_page["Content-Security-Policy"]


def test_a_passkey_is_a_second_factor_that_opens_the_care_pages(
    local_client, eva_without_factor, password
):
    assert local_client.get(reverse("care_staff:dashboard")).status_code == 302
    add_passkey(local_client, eva_without_factor, password, SoftwarePasskey())
    key = Authenticator.objects.get(user=eva_without_factor, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Laptop van Eva"
    eva_without_factor.refresh_from_db()
    assert has_second_factor(eva_without_factor)
    assert local_client.get(reverse("care_staff:dashboard")).status_code == 200
    listed = local_client.get(reverse("mfa_list_webauthn"))
    assert listed.status_code == 200
    assert "Laptop van Eva" in listed.content.decode()
    # Every page around a passkey answers, also the ones that ask for it again.
    for name, args in (
        ("mfa_index", []),
        ("mfa_view_recovery_codes", []),
        ("mfa_reauthenticate", []),
        ("mfa_reauthenticate_webauthn", []),
        ("mfa_edit_webauthn", [key.pk]),
        ("mfa_remove_webauthn", [key.pk]),
    ):
        assert local_client.get(reverse(name, args=args)).status_code == 200, name


def test_log_in_asks_for_the_passkey_after_the_password(eva_without_factor, password):
    passkey = SoftwarePasskey()
    add_passkey(Client(HTTP_HOST=HOST), eva_without_factor, password, passkey)

    client = Client(HTTP_HOST=HOST)
    stage = log_in_with_password(client, eva_without_factor, password)
    assert "/2fa/authenticate/" in stage
    assert client.get(reverse("care_staff:dashboard")).status_code == 302  # not in yet
    page = client.get(stage)
    assert page.status_code == 200
    assert "Gebruik een beveiligingssleutel" in page.content.decode()

    # A key she never added, or something that is no key at all: the form again, not in,
    # never 500.
    stranger = SoftwarePasskey()
    stranger.credential_id = passkey.credential_id  # same id, another private key
    options = client.get(stage).context["js_data"]["request_options"]
    for wrong in (stranger.get(options), "{}", "not json"):
        refused = client.post(stage, {"credential": wrong})
        assert refused.status_code == 200
        assert client.get(reverse("care_staff:dashboard")).status_code == 302

    request_options = client.get(stage).context["js_data"]["request_options"]
    done = client.post(stage, {"credential": passkey.get(request_options)})
    assert done.status_code == 302
    assert client.get(reverse("care_staff:dashboard")).status_code == 200
