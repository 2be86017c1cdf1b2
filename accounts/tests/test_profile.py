import re

import pytest

from accounts.models import Consent, User


@pytest.mark.django_db
def test_profile_saves_settings_and_redirects_in_the_new_language(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post(
        "/account/profiel/",
        {"display_name": "Anna B.", "preferred_language": "en", "time_zone": "Europe/Brussels"},
    )
    assert response["Location"] == "/en/account/profiel/"
    patient_anna.refresh_from_db()
    assert (patient_anna.display_name, patient_anna.time_zone) == ("Anna B.", "Europe/Brussels")


@pytest.mark.django_db
def test_unknown_time_zone_is_refused_next_to_the_field(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post(
        "/account/profiel/",
        {"display_name": "Anna nieuw", "preferred_language": "nl", "time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_time_zone_error"' in html
    assert 'value="Anna nieuw"' in html


@pytest.mark.django_db
def test_withdrawing_health_consent_keeps_the_record_with_its_time(client, patient_anna):
    client.force_login(patient_anna)
    client.post("/account/toestemming/health_data/intrekken/")
    consent = Consent.objects.get(user=patient_anna, purpose="health_data")
    assert consent.withdrawn_at is not None and consent.withdrawn_at >= consent.given_at


@pytest.mark.django_db
def test_withdraw_needs_post(client, patient_anna):
    client.force_login(patient_anna)
    assert client.get("/account/toestemming/health_data/intrekken/").status_code == 405
    assert Consent.objects.active().filter(user=patient_anna, purpose="health_data").exists()


@pytest.mark.django_db
def test_delete_account_needs_the_password_and_then_deletes_for_real(
    client, patient_anna, patient_bram, password
):
    client.force_login(patient_anna)
    wrong = client.post("/account/verwijderen/", {"password": "fout", "confirm": "on"})
    assert wrong.status_code == 422
    assert User.objects.filter(pk=patient_anna.pk).exists()

    response = client.post("/account/verwijderen/", {"password": password, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(email="anna@example.nl").exists()
    assert not Consent.objects.filter(user_id=patient_anna.pk).exists()
    assert User.objects.filter(pk=patient_bram.pk).exists()
    assert client.get("/account/profiel/").status_code == 302


@pytest.mark.django_db
def test_change_email_page_works(client, patient_anna, password):
    client.force_login(patient_anna)
    client.post("/account/reauthenticate/", {"password": password})  # asked first (issue 11)
    response = client.post("/account/email/", {"action_add": "", "email": "anna.nieuw@example.nl"})
    assert response.status_code in (200, 302)
    assert patient_anna.emailaddress_set.filter(email="anna.nieuw@example.nl").exists()


@pytest.mark.django_db
def test_research_consent_is_asked_unticked_and_given_only_with_a_tick(client, patient_anna):
    client.force_login(patient_anna)
    page = client.get("/account/profiel/").content.decode()
    assert "Help onderzoek (jij kiest)" in page
    (box,) = re.findall(r'<input[^>]*name="consent_research"[^>]*>', page)
    assert 'type="checkbox"' in box and "checked" not in box
    refused = client.post("/account/toestemming/onderzoek/geven/", {})
    assert refused.status_code == 422
    assert "Zo niet, dan verandert er niets." in refused.content.decode()
    assert not Consent.objects.filter(user=patient_anna, purpose="research").exists()

    assert client.post("/account/toestemming/onderzoek/geven/", {"consent_research": "on"})[
        "Location"
    ].endswith("/account/profiel/")
    given = Consent.objects.get(user=patient_anna, purpose="research")
    assert given.withdrawn_at is None and given.text_version == "2026-12-07"
    assert "Help onderzoek (jij kiest)" not in client.get("/account/profiel/").content.decode()

    client.post("/account/toestemming/research/intrekken/")
    given.refresh_from_db()
    assert given.withdrawn_at is not None
    assert "Help onderzoek (jij kiest)" in client.get("/account/profiel/").content.decode()


@pytest.mark.django_db
def test_staff_are_not_asked_for_research_consent(client, therapist_eva):
    client.force_login(therapist_eva)
    assert "Help onderzoek" not in client.get("/account/profiel/").content.decode()
    assert (
        client.post("/account/toestemming/onderzoek/geven/", {"consent_research": "on"}).status_code
        == 404
    )
