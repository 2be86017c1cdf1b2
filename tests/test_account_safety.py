"""Account safety (issue 11): the password again before changing e-mail or password,
sessions as long as the person chose (staff: 30 minutes idle), __Host- cookies."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from tests.test_operations import run_manage

pytestmark = pytest.mark.django_db

REAUTHENTICATE = "/account/reauthenticate/"


def _log_in(client, user, password, *, remember: bool) -> None:
    data = {"login": user.email, "password": password}
    if remember:
        data["remember"] = "on"
    response = client.post("/account/login/", data)
    assert response.status_code == 302, response.content.decode()[:500]


def _reauthenticate(client, password, next_path: str):
    return client.post(f"{REAUTHENTICATE}?next={next_path}", {"password": password})


# -- re-authentication ------------------------------------------------------


def test_adding_an_e_mail_address_without_recent_password_goes_to_reauthenticate(
    client, patient_anna, password
):
    _log_in(client, patient_anna, password, remember=False)
    response = client.post("/account/email/", {"action_add": "", "email": "thief@example.org"})
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE)
    assert not EmailAddress.objects.filter(email="thief@example.org").exists()


def test_with_the_password_the_e_mail_change_goes_ahead(client, patient_anna, password, mailoutbox):
    _log_in(client, patient_anna, password, remember=False)
    client.post("/account/email/", {"action_add": "", "email": "anna.nieuw@example.nl"})
    response = _reauthenticate(client, password, "/account/email/")
    assert response.status_code == 302
    added = EmailAddress.objects.get(email="anna.nieuw@example.nl")
    assert added.user == patient_anna and not added.verified
    assert any(m.to == ["anna.nieuw@example.nl"] for m in mailoutbox)


def test_a_wrong_password_changes_nothing_and_says_why(client, patient_anna, password):
    _log_in(client, patient_anna, password, remember=False)
    client.post("/account/email/", {"action_add": "", "email": "thief@example.org"})
    response = _reauthenticate(client, "not-her-password", "/account/email/")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not EmailAddress.objects.filter(email="thief@example.org").exists()


def test_changing_the_password_asks_for_the_current_one_first(client, patient_anna, password):
    _log_in(client, patient_anna, password, remember=False)
    new = "een-heel-ander-lang-wachtwoord"
    for response in (
        client.get("/account/password/change/"),
        client.post("/account/password/change/", {"password1": new, "password2": new}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(REAUTHENTICATE)
    patient_anna.refresh_from_db()
    assert patient_anna.check_password(password)


def test_after_reauthentication_a_new_password_needs_no_third_typing(
    client, patient_anna, password
):
    _log_in(client, patient_anna, password, remember=False)
    _reauthenticate(client, password, "/account/password/change/")
    page = client.get("/account/password/change/")
    assert page.status_code == 200
    assert 'name="oldpassword"' not in page.content.decode()
    new = "een-heel-ander-lang-wachtwoord"
    response = client.post("/account/password/change/", {"password1": new, "password2": new})
    assert response.status_code == 302
    patient_anna.refresh_from_db()
    assert patient_anna.check_password(new)


def test_reauthentication_lapses_after_its_timeout(client, patient_anna, password):
    _log_in(client, patient_anna, password, remember=False)
    _reauthenticate(client, password, "/account/password/change/")
    later = timezone.now() + timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        response = client.get("/account/password/change/")
    assert response["Location"].startswith(REAUTHENTICATE)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (REAUTHENTICATE, "Bevestig dat jij het bent"),
        ("/en" + REAUTHENTICATE, "Confirm that it is you"),
    ],
)
def test_the_reauthenticate_page_speaks_the_language(client, patient_anna, path, text):
    client.force_login(patient_anna)
    html = client.get(path).content.decode()
    assert text in html
    assert 'autocomplete="current-password"' in html


# -- session length -----------------------------------------------------------


def test_the_log_in_form_offers_to_stay_logged_in(client):
    assert "Ingelogd blijven" in client.get("/account/login/").content.decode()
    assert "Stay logged in" in client.get("/en/account/login/").content.decode()


def test_without_stay_logged_in_the_session_ends_with_the_browser(client, patient_anna, password):
    _log_in(client, patient_anna, password, remember=False)
    assert client.session.get_expire_at_browser_close()


def test_with_stay_logged_in_a_patient_stays_for_weeks(client, patient_anna, password):
    _log_in(client, patient_anna, password, remember=True)
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    with time_machine.travel(timezone.now() + timedelta(days=7), tick=False):
        assert client.get("/account/profiel/").status_code == 200


def _idle(minutes: int):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=False)


def test_a_therapist_is_logged_out_after_31_idle_minutes_a_patient_is_not(
    client, therapist_eva, patient_anna, password
):
    from django.test import Client

    patient = Client()
    _log_in(client, therapist_eva, password, remember=True)
    _log_in(patient, patient_anna, password, remember=True)
    assert client.session.get_expiry_age() == settings.STAFF_IDLE_TIMEOUT == 30 * 60
    with _idle(31):
        therapist_page = client.get("/account/profiel/")
        patient_page = patient.get("/account/profiel/")
    assert therapist_page.status_code == 302
    assert "/account/login/" in therapist_page["Location"]
    assert patient_page.status_code == 200


def test_activity_keeps_a_staff_session_open(client, manager_mila, password):
    _log_in(client, manager_mila, password, remember=False)
    start = timezone.now()
    for minutes in (20, 40, 60):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert client.get("/account/profiel/").status_code == 200, minutes
    with time_machine.travel(start + timedelta(minutes=91), tick=False):
        assert client.get("/account/profiel/").status_code == 302


# -- cookies ------------------------------------------------------------------


def test_production_cookies_carry_the_host_prefix():
    script = (
        "from django.conf import settings as s; import json; print(json.dumps({"
        "n: getattr(s, n) for n in ('SESSION_COOKIE_NAME', 'CSRF_COOKIE_NAME', "
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_DOMAIN', "
        "'CSRF_COOKIE_DOMAIN', 'SESSION_COOKIE_PATH', 'CSRF_COOKIE_PATH')}))"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        env={
            "DEBUG": "false",
            "SECRET_KEY": "x7" * 40 + "-a-long-random-production-secret-for-the-cookie-check",
            "ALLOWED_HOSTS": "pijnreset.example.nl",
            "ADMIN_URL": "beheer-8d1f/",
        },
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_DOMAIN": None,
        "CSRF_COOKIE_DOMAIN": None,
        "SESSION_COOKIE_PATH": "/",
        "CSRF_COOKIE_PATH": "/",
    }


def test_without_https_the_cookies_keep_their_plain_names():
    # Browsers refuse a __Host- cookie that is not Secure (tests and local work run on http).
    assert not settings.SESSION_COOKIE_SECURE
    assert settings.SESSION_COOKIE_NAME == "sessionid"
    assert settings.CSRF_COOKIE_NAME == "csrftoken"
