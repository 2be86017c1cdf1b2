import re

import pytest
from django.core import mail

from accounts.consent_texts import HEALTH_DATA, TERMS
from accounts.models import Consent, User

SIGNUP = "/account/signup/"


def signup_data(**overrides):
    data = {
        "email": "nieuw@example.nl",
        "password1": "rustig ademen bij de zee",
        "display_name": "Nina",
        "preferred_language": "nl",
        "consent_health_data": "on",
        "accept_terms": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
def test_signup_creates_user_records_both_consents_and_sends_verification(client):
    response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.nl")
    assert (user.display_name, user.preferred_language, user.role) == ("Nina", "nl", "patient")
    assert user.time_zone == "Europe/Amsterdam"
    consents = {c.purpose: c for c in Consent.objects.filter(user=user)}
    assert consents[Consent.Purpose.HEALTH_DATA].text_version == HEALTH_DATA.version
    assert consents[Consent.Purpose.TERMS].text_version == TERMS.version
    assert all(c.withdrawn_at is None for c in consents.values())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@example.nl"]


@pytest.mark.django_db
def test_signup_without_health_consent_is_refused_and_keeps_what_was_typed(client):
    response = client.post(SIGNUP, signup_data(consent_health_data=None))
    assert response.status_code == 200
    html = response.content.decode()
    assert "toestemming geeft om je gezondheidsgegevens te verwerken" in html
    assert 'value="nieuw@example.nl"' in html
    assert 'value="Nina"' in html
    assert not User.objects.filter(email="nieuw@example.nl").exists()
    assert Consent.objects.count() == 0


@pytest.mark.django_db
def test_health_consent_is_a_separate_question_from_the_terms(client):
    html = client.get(SIGNUP).content.decode()
    assert html.count('type="checkbox"') == 2
    assert 'name="consent_health_data"' in html and 'name="accept_terms"' in html
    assert "checked" not in html
    response = client.post(SIGNUP, signup_data(accept_terms=None))
    assert "Ga akkoord met de gebruiksvoorwaarden" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_errors_are_shown_in_english_under_en(client):
    response = client.post("/en" + SIGNUP, signup_data(consent_health_data=None))
    assert "permission to process your health data" in response.content.decode()


@pytest.mark.django_db
def test_duplicate_email_gets_a_clear_page_without_revealing_the_account(client, patient_anna):
    response = client.post(SIGNUP, signup_data(email="anna@example.nl"), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Als je al een account hebt met dit adres" in html
    # The page is the one a brand-new address gets: it does not confirm the account exists.
    fresh = client.post(
        SIGNUP, signup_data(email="nieuw2@example.nl"), follow=True
    ).content.decode()
    assert html.replace("anna@example.nl", "X") == fresh.replace("nieuw2@example.nl", "X")
    # The owner of the address is told by e-mail; the form does not confirm the account exists.
    assert mail.outbox[0].to == ["anna@example.nl"]
    assert User.objects.filter(email="anna@example.nl").count() == 1


@pytest.mark.django_db
def test_verification_link_confirms_the_address_and_logs_in(client):
    client.post(SIGNUP, signup_data())
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.nl")
    assert user.emailaddress_set.get().verified
    assert client.get("/account/profiel/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kort1", "Dit wachtwoord is te kort"),
        ("welkom01", "Dit wachtwoord is te algemeen"),
        ("wachtwoord1", "Dit wachtwoord is te algemeen"),
        ("password123", "Dit wachtwoord is te algemeen"),
        ("84736251947", "Dit wachtwoord bevat alleen cijfers"),
    ],
)
def test_weak_passwords_are_refused_with_a_dutch_message(client, password, message):
    response = client.post(SIGNUP, signup_data(password1=password))
    assert message in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_long_pasted_passwords_are_accepted(client):
    long_password = "een heel lange zin " * 5  # 95 characters
    response = client.post(SIGNUP, signup_data(password1=long_password))
    assert response.status_code == 302
    assert User.objects.get().check_password(long_password)
    assert "onpaste" not in client.get(SIGNUP).content.decode()
