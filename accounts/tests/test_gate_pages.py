"""How the clinical gate answers people: pages, API, landing page, menu, withdrawal."""

import pytest
from django.utils import timezone

from accounts import actions
from accounts.models import Consent
from diary.models import CheckIn
from practices.tests.factories import make_practice, make_therapist

LOGIN = "/account/login/"


def _withdraw(user):
    actions.withdraw_consent(user=user, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now())


@pytest.mark.django_db
def test_a_patient_without_consent_gets_a_dutch_page_that_links_to_the_consent(
    client, patient_anna
):
    _withdraw(patient_anna)
    client.force_login(patient_anna)
    response = client.get("/vandaag/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "toestemming" in html
    assert 'href="/account/profiel/#consents-title"' in html


@pytest.mark.django_db
def test_a_therapist_is_told_this_part_is_for_patients_and_nothing_is_saved(client, therapist_eva):
    client.force_login(therapist_eva)
    response = client.post("/dagboek/", {"pain": "5"})
    assert response.status_code == 403
    assert "patiënten" in response.content.decode()
    assert 'href="/account/profiel/">Naar mijn eigen startpagina' in response.content.decode()
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_the_refusal_page_speaks_english_under_en(client, therapist_eva):
    client.force_login(therapist_eva)
    response = client.get("/en/vandaag/")
    assert response.status_code == 403
    assert "staff account" in response.content.decode()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_login_as_before(client):
    response = client.get("/dagboek/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN + "?next=/dagboek/")


@pytest.mark.django_db
def test_the_api_answers_403_with_the_message(client, therapist_eva, patient_anna):
    client.force_login(therapist_eva)
    response = client.get("/api/v1/checkins")
    assert response.status_code == 403
    (error,) = response.json()["detail"]  # the API's one error format
    assert "voor patiënten" in error["msg"]  # Eva's own language
    assert error["type"] == "not_patient"

    _withdraw(patient_anna)
    client.force_login(patient_anna)
    day = patient_anna.local_date().isoformat()
    response = client.put(f"/api/v1/checkins/{day}", {"pain": 4}, content_type="application/json")
    assert response.status_code == 403
    assert "toestemming" in response.json()["detail"][0]["msg"]
    assert response.json()["detail"][0]["type"] == "no_consent"
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_an_api_token_of_a_patient_without_consent_reads_nothing(client, patient_anna):
    from api.actions import create_access_token

    secret = create_access_token(user=patient_anna, name="t", now=timezone.now()).secret
    _withdraw(patient_anna)
    response = client.get("/api/v1/checkins", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_openapi_document_describes_the_403(client):
    schema = client.get("/api/v1/openapi.json").json()
    for method in ("get", "put"):
        assert "403" in schema["paths"]["/api/v1/checkins/{date}"][method]["responses"]


@pytest.mark.django_db
def test_a_therapist_lands_on_the_agenda_and_has_no_programme_in_the_menu(
    client, therapist_eva, password
):
    make_therapist("Eva", practices=(make_practice("Praktijk Rustpunt"),), user=therapist_eva)
    response = client.post(LOGIN, {"login": "eva@example.nl", "password": password})
    assert response["Location"] == "/afspraken/agenda/"
    html = client.get("/account/profiel/").content.decode()
    assert 'href="/vandaag/"' not in html
    assert 'href="/afspraken/agenda/"' in html
    assert "Programma-instellingen" not in html


@pytest.mark.django_db
def test_a_manager_lands_on_practice_management(client, manager_mila, password):
    response = client.post(LOGIN, {"login": "mila@example.nl", "password": password})
    assert response["Location"] == "/praktijken/beheer/"


@pytest.mark.django_db
def test_a_therapist_without_a_practice_yet_lands_on_the_account(client, therapist_eva, password):
    response = client.post(LOGIN, {"login": "eva@example.nl", "password": password})
    assert response["Location"] == "/account/profiel/"


@pytest.mark.django_db
def test_a_patient_keeps_today_in_the_menu(client, patient_anna):
    client.force_login(patient_anna)
    assert 'href="/vandaag/"' in client.get("/account/profiel/").content.decode()


@pytest.mark.django_db
def test_withdrawing_shows_what_stopped_with_deletion_and_consent_again(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post("/account/toestemming/health_data/intrekken/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/account/toestemming/ingetrokken/"
    assert 'href="/account/verwijderen/"' in html
    assert "nog niet" in html  # export does not exist yet, said plainly
    assert 'action="/account/toestemming/geven/"' in html
    assert client.get("/vandaag/").status_code == 403


@pytest.mark.django_db
def test_giving_consent_again_needs_the_tick_and_then_the_programme_works(client, patient_anna):
    _withdraw(patient_anna)
    client.force_login(patient_anna)
    assert (
        'action="/account/toestemming/geven/"' in client.get("/account/profiel/").content.decode()
    )

    refused = client.post("/account/toestemming/geven/", {})
    assert refused.status_code == 422
    assert not Consent.objects.active().filter(user=patient_anna, purpose="health_data").exists()

    response = client.post("/account/toestemming/geven/", {"consent_health_data": "on"})
    assert response.status_code == 302
    consent = Consent.objects.active().get(user=patient_anna, purpose="health_data")
    assert consent.text_version
    assert client.get("/vandaag/").status_code == 200


@pytest.mark.django_db
def test_staff_cannot_give_themselves_a_programme(client, therapist_eva):
    client.force_login(therapist_eva)
    response = client.post("/account/toestemming/geven/", {"consent_health_data": "on"})
    assert response.status_code == 404
    assert not Consent.objects.filter(user=therapist_eva, purpose="health_data").exists()
