"""Account e-mails in our own words, with our name and address (issue 13, point 3)."""

import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.core import mail

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
