"""Account e-mails in our own words, with our name and address (issue 13, point 3)."""

from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

PREFIXES = {"nl": "", "en": "/en"}


def sign_up(client, prefix: str, email: str) -> None:
    client.post(
        f"{prefix}/account/signup/",
        {
            "email": email,
            "password1": "rustig ademen bij de zee",
            "display_name": "Nina",
            "preferred_language": "nl",
            "consent_health_data": "on",
            "accept_terms": "on",
        },
    )


def all_mail_text() -> list[str]:
    return [f"{m.subject}\n{m.body}" for m in mail.outbox]


@pytest.mark.django_db
def test_the_sites_record_has_our_name_and_address():
    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.name == "pijnreset"
    assert site.domain == settings.SITE_URL.split("://", 1)[1].rstrip("/")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_account_e_mail_mentions_example_com(client, patient_anna, language):
    prefix = PREFIXES[language]
    sign_up(client, prefix, "nieuw@example.nl")  # verification
    sign_up(client, prefix, "anna@example.nl")  # duplicate sign-up
    client.post(f"{prefix}/account/password/reset/", {"email": "anna@example.nl"})
    client.post(f"{prefix}/account/password/reset/", {"email": "niemand@example.nl"})
    assert len(mail.outbox) == 4
    for text in all_mail_text():
        assert "example.com" not in text
        assert "pijnreset" in text
        assert settings.SITE_URL in text


@pytest.mark.django_db
def test_account_e_mails_speak_dutch_on_the_dutch_site(client, patient_anna):
    sign_up(client, "", "nieuw@example.nl")
    client.post("/account/password/reset/", {"email": "anna@example.nl"})
    confirm, reset = mail.outbox
    assert "Bevestig je e-mailadres" in confirm.subject
    assert "Hallo," in confirm.body and "Open deze link om te bevestigen" in confirm.body
    assert "Kies een nieuw wachtwoord" in reset.subject


@pytest.mark.django_db
def test_account_e_mails_speak_english_on_the_english_site(client, patient_anna):
    sign_up(client, "/en", "nieuw@example.nl")
    client.post("/en/account/password/reset/", {"email": "anna@example.nl"})
    confirm, reset = mail.outbox
    assert "Confirm your e-mail address" in confirm.subject
    assert "Open this link to confirm" in confirm.body
    assert "Choose a new password" in reset.subject


# Every account e-mail allauth can send, in our words, and never "example.com".

ALLAUTH_MAIL = Path(allauth.__file__).resolve().parent / "templates" / "account" / "email"
OURS = Path(settings.BASE_DIR) / "pijnreset" / "templates" / "account" / "email"
# allauth's own file only includes ours (email_confirmation_message/subject).
INCLUDES_OURS = {"email_confirmation_signup_message.txt", "email_confirmation_signup_subject.txt"}


def test_every_account_e_mail_template_is_our_own():
    theirs = {path.name for path in ALLAUTH_MAIL.glob("*.txt")}
    assert theirs - INCLUDES_OURS <= {path.name for path in OURS.glob("*.txt")}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_account_e_mail_template_renders_without_example_com(patient_anna, language):
    context = {
        "user": patient_anna,
        "email": "anna@example.nl",
        "current_site": Site.objects.get_current(),
        "product_name": "pijnreset",
        "site_url": settings.SITE_URL,
        "code": "ABCD-EFGH",
        "activate_url": f"{settings.SITE_URL}/account/confirm-email/key/",
        "password_reset_url": f"{settings.SITE_URL}/account/password/reset/key/x/",
        "signup_url": f"{settings.SITE_URL}/account/signup/",
        "from_email": "anna@example.nl",
        "to_email": "anna.nieuw@example.nl",
        "deleted_email": "oud@example.nl",
        "ip": "127.0.0.1",
        "user_agent": "Firefox",
        "timestamp": "2026-12-06",
    }
    names = sorted(path.name for path in ALLAUTH_MAIL.glob("*.txt"))
    assert len(names) >= 20
    with translation.override(language):
        for name in names:
            text = render_to_string(f"account/email/{name}", context)
            assert "example.com" not in text, name
            if name.endswith("_message.txt") and not name.startswith("base_"):
                assert "pijnreset" in text and settings.SITE_URL in text, name
                assert ("Hallo," if language == "nl" else "Hello,") in text, name


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_code_e_mail_change_and_password_change_mails_say_no_example_com(
    client, patient_anna, password, language
):
    prefix = PREFIXES[language]
    client.post(f"{prefix}/account/login/code/", {"email": "anna@example.nl"})  # log-in code
    Client().post(f"{prefix}/account/login/code/", {"email": "niemand@example.nl"})  # unknown
    client.force_login(patient_anna)
    client.post(f"{prefix}/account/reauthenticate/", {"password": password})
    client.post(f"{prefix}/account/email/", {"action_add": "", "email": "anna.nieuw@example.nl"})
    new = "een nieuwe lange zin voor anna"
    client.post(f"{prefix}/account/password/change/", {"password1": new, "password2": new})
    subjects = [m.subject for m in mail.outbox]
    assert len(mail.outbox) == 4, subjects  # code, unknown account, confirm new address, changed
    for text in all_mail_text():
        assert "example.com" not in text
        assert "pijnreset" in text and settings.SITE_URL in text
    if language == "nl":
        assert subjects[0].endswith("Je inlogcode") and subjects[-1].endswith(
            "Je wachtwoord is gewijzigd"
        )


PUBLIC_PAGES = [
    "/", "/hulp/", "/over/", "/privacy/", "/account/signup/", "/account/login/",
    "/account/login/code/", "/account/password/reset/", "/praktijken/",
    "/praktijken/?q=3511+AB", "/praktijken/therapeuten/",
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_public_page_mentions_example_com(client, prefix):
    for path in PUBLIC_PAGES:
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        assert "example.com" not in response.content.decode(), path
