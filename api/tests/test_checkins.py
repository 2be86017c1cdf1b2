import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from diary.models import CheckIn, CheckInRevision

NOW = datetime(2026, 3, 10, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = NOW.date()

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def api(anna_token):
    return Client(headers={"Authorization": f"Bearer {anna_token}"})


def put(client, day, body, **extra):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.put(f"/api/v1/checkins/{day}", data, content_type="application/json", **extra)


def locs(response):
    return [tuple(error["loc"]) for error in response.json()["detail"]]


def test_put_twice_with_the_same_body_gives_one_row_and_the_same_answer(api, patient_anna):
    body = {"pain": 5, "mood": 6, "note": "rustige dag", "pain_areas": ["neck", "jaw_left"]}
    first, second = put(api, TODAY, body), put(api, TODAY, body)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert first.json()["pain_areas"] == ["jaw_left", "neck"]
    assert CheckIn.objects.filter(patient=patient_anna, date=TODAY).count() == 1
    assert not CheckInRevision.objects.exists()


def test_put_replaces_the_whole_day_and_keeps_the_history(api, patient_anna):
    put(api, TODAY, {"pain": 5, "mood": 6})
    response = put(api, TODAY, {"pain": 7})
    assert response.json()["mood"] is None and response.json()["pain"] == 7
    revision = CheckInRevision.objects.get()
    assert (revision.source, revision.previous["mood"]) == ("api", 6)


def test_get_one_day_and_a_period(api):
    for offset in range(3):
        put(api, TODAY - timedelta(days=offset), {"pain": offset})
    assert api.get(f"/api/v1/checkins/{TODAY}").json()["pain"] == 0
    days = api.get(f"/api/v1/checkins?from={TODAY - timedelta(days=1)}&to={TODAY}").json()
    assert [d["date"] for d in days] == [str(TODAY - timedelta(days=1)), str(TODAY)]
    assert len(api.get("/api/v1/checkins").json()) == 3


def test_a_day_without_check_in_is_404(api):
    assert api.get(f"/api/v1/checkins/{TODAY}").status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [({"pain": 11}, "pain"), ({"pain": -1}, "pain"), ({"pain": 3, "mood": 12}, "mood"),
     ({"mood": 3}, "pain"), ({"pain": "5"}, "pain"), ({"pain": 5.5}, "pain"),
     ({"pain": 3, "pain_areas": ["elbow"]}, "pain_areas"), ({"pain": 3, "colour": "red"}, "colour"),
     ({"pain": 3, "note": "x" * 2001}, "note")],
)  # fmt: skip
def test_bad_values_answer_422_naming_the_field_and_save_nothing(api, body, field):
    response = put(api, TODAY, body)
    assert response.status_code == 422
    assert any(loc[-1] == field or field in loc for loc in locs(response)), response.json()
    assert not CheckIn.objects.exists()


def test_the_same_pain_area_twice_is_refused(api):
    response = put(api, TODAY, {"pain": 3, "pain_areas": ["neck", "neck"]})
    assert response.status_code == 422 and locs(response) == [("body", "pain_areas")]


@pytest.mark.parametrize("offset", [-1, 8])
def test_a_future_date_or_more_than_seven_days_back_is_422_naming_the_date(api, offset):
    response = put(api, TODAY - timedelta(days=offset), {"pain": 3})
    assert response.status_code == 422
    assert locs(response) == [("path", "date")]
    assert not CheckIn.objects.exists()


def test_seven_days_back_is_fine(api):
    assert put(api, TODAY - timedelta(days=7), {"pain": 3}).status_code == 200


def test_malformed_json_is_422_naming_the_body(api):
    response = put(api, TODAY, "{pain: 5")
    assert response.status_code == 422 and locs(response) == [("body",)]
    assert response.json()["detail"][0]["type"] == "json_invalid"
    assert not CheckIn.objects.exists()


def test_a_nonsense_date_is_422(api):
    assert put(api, "2026-02-30", {"pain": 3}).status_code == 422
    assert api.get("/api/v1/checkins?from=gisteren").status_code == 422


def test_a_period_the_wrong_way_round_or_too_long_is_422(api):
    wrong = api.get(f"/api/v1/checkins?from={TODAY}&to={TODAY - timedelta(days=1)}")
    assert wrong.status_code == 422 and locs(wrong) == [("query", "from")]
    long = api.get(f"/api/v1/checkins?from={TODAY - timedelta(days=400)}&to={TODAY}")
    assert long.status_code == 422 and locs(long) == [("query", "to")]


def test_another_patients_day_is_404_and_never_in_a_period(client, api, patient_bram):
    put(api, TODAY, {"pain": 5, "note": "van Anna"})
    client.force_login(patient_bram)
    assert client.get(f"/api/v1/checkins/{TODAY}").status_code == 404
    assert client.get("/api/v1/checkins").json() == []


def test_without_credentials_the_answer_is_401(client):
    assert client.get(f"/api/v1/checkins/{TODAY}").status_code == 401
    assert put(client, TODAY, {"pain": 3}).status_code == 401
    bad = Client(headers={"Authorization": "Bearer pr_not-a-real-token"})
    assert bad.get("/api/v1/checkins").status_code == 401


def test_a_session_needs_the_csrf_token_for_a_put(patient_anna):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(patient_anna)
    assert browser.get("/api/v1/checkins").status_code == 200
    refused = put(browser, TODAY, {"pain": 3})
    assert refused.status_code == 403 and not CheckIn.objects.exists()
    browser.get("/dagboek/")  # any page with a form sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    accepted = put(browser, TODAY, {"pain": 3}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200


def test_a_revoked_token_stops_working(client, api, patient_anna, anna_token):
    from api.models import PersonalAccessToken

    token = PersonalAccessToken.objects.get(user=patient_anna)
    client.force_login(patient_anna)
    client.post(f"/programma/api-sleutels/{token.public_id}/intrekken/")
    assert api.get("/api/v1/checkins").status_code == 401


def test_a_note_about_wanting_to_die_answers_with_the_help_page(api):
    response = put(api, TODAY, {"pain": 8, "note": "I want to die"})
    assert response.json()["help_url"] == "/hulp/"
    assert put(api, TODAY, {"pain": 8, "note": "moe"}).json()["help_url"] is None


def test_a_flare_put_for_today_is_stored_and_switches_nothing_on(api, patient_anna):
    # The Today page offers flare mode; only the patient switches it on (docs/clinical.md 6.3).
    assert put(api, TODAY, {"pain": 8, "flare": True}).json()["flare"] is True
    assert not patient_anna.flares.exists()


def test_the_openapi_document_describes_the_check_in_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/checkins/{date}", "/api/v1/checkins"} <= set(schema["paths"])
    put_op = schema["paths"]["/api/v1/checkins/{date}"]["put"]
    assert {"200", "401", "404", "422"} <= set(put_op["responses"])


def test_the_area_keys_of_the_api_are_the_body_map_keys():
    from typing import get_args

    from api.checkins import Area
    from assessments.scoring import AREAS

    assert set(get_args(Area)) == set(AREAS)
