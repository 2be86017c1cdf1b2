import pytest
from django.utils import timezone

from accounts.actions import give_consent, withdraw_consent
from accounts.models import Consent
from api.actions import create_access_token
from api.models import PersonalAccessToken, hash_token

pytestmark = pytest.mark.django_db
PAGE = "/programma/api-sleutels/"


@pytest.fixture
def anna(client, patient_anna):
    client.force_login(patient_anna)
    return patient_anna


def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(client, anna):
    response = client.post(PAGE, {"name": "mijn spreadsheet"})
    html = response.content.decode()
    assert response.status_code == 200
    token = PersonalAccessToken.objects.get(user=anna)
    secret = html.split('id="new-token" type="text" readonly value="')[1].split('"')[0]
    assert secret.startswith("pr_") and len(secret) > 40
    assert token.token_hash == hash_token(secret) and secret not in token.token_hash
    assert secret not in client.get(PAGE).content.decode()
    assert response["Cache-Control"].startswith("no-store")


def test_the_token_works_for_the_api(client, anna):
    html = client.post(PAGE, {"name": "script"}).content.decode()
    secret = html.split('readonly value="')[1].split('"')[0]
    client.logout()
    response = client.get("/api/v1/checkins", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert PersonalAccessToken.objects.get().last_used_at is not None


def test_a_token_needs_a_name(client, anna):
    response = client.post(PAGE, {"name": ""})
    assert response.status_code == 422 and 'id="id_name_error"' in response.content.decode()
    assert not PersonalAccessToken.objects.exists()


def test_another_users_token_cannot_be_revoked(client, anna, patient_bram):
    from django.utils import timezone

    from api.actions import create_access_token

    theirs = create_access_token(user=patient_bram, name="bram", now=timezone.now()).token
    response = client.post(f"{PAGE}{theirs.public_id}/intrekken/")
    assert response.status_code == 404
    assert PersonalAccessToken.objects.get(pk=theirs.pk).revoked_at is None


def test_revoking_needs_post(client, anna):
    client.post(PAGE, {"name": "x"})
    token = PersonalAccessToken.objects.get()
    assert client.get(f"{PAGE}{token.public_id}/intrekken/").status_code == 405


def test_at_most_ten_active_tokens(client, anna):
    for n in range(10):
        client.post(PAGE, {"name": f"t{n}"})
    response = client.post(PAGE, {"name": "nog een"})
    assert response.status_code == 422
    assert PersonalAccessToken.objects.filter(user=anna).count() == 10


def test_using_a_token_writes_last_used_at_at_most_once_a_minute(client, anna):
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from api.actions import create_access_token

    secret = create_access_token(user=anna, name="script", now=timezone.now()).secret
    auth = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/checkins", headers=auth).status_code == 200
    first = PersonalAccessToken.objects.get().last_used_at
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/checkins", headers=auth).status_code == 200
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert PersonalAccessToken.objects.get().last_used_at == first
    PersonalAccessToken.objects.update(last_used_at=first - timedelta(seconds=61))
    assert client.get("/api/v1/checkins", headers=auth).status_code == 200
    assert PersonalAccessToken.objects.get().last_used_at > first


@pytest.fixture
def bearer(patient_anna):
    secret = create_access_token(user=patient_anna, name="script", now=timezone.now()).secret
    return {"Authorization": f"Bearer {secret}"}


def test_the_token_and_the_consent_are_one_query(client, bearer, django_assert_num_queries):
    client.get("/api/v1/checkins", headers=bearer)  # first use: records last_used_at
    with django_assert_num_queries(2):  # who asks (token, user, consent), the check-ins
        assert client.get("/api/v1/checkins", headers=bearer).status_code == 200


def test_a_withdrawn_consent_stops_the_token_at_once_and_a_new_one_lets_it_in(
    client, patient_anna, bearer
):
    assert client.get("/api/v1/checkins", headers=bearer).status_code == 200
    withdraw_consent(user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now())
    refused = client.get("/api/v1/checkins", headers=bearer)
    assert refused.status_code == 403 and refused.json()["detail"][0]["type"] == "no_consent"
    give_consent(user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now())
    assert client.get("/api/v1/checkins", headers=bearer).status_code == 200


def test_a_staff_token_still_gets_403_not_a_patient(client, therapist_eva):
    secret = create_access_token(user=therapist_eva, name="x", now=timezone.now()).secret
    answer = client.get("/api/v1/checkins", headers={"Authorization": f"Bearer {secret}"})
    assert answer.status_code == 403 and answer.json()["detail"][0]["type"] == "not_patient"
