"""PUT /api/v1/checkins/{date} with `edited_at`: check-ins queued offline, newest wins."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from diary.models import CheckIn, CheckInRevision

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=AMSTERDAM)
TODAY = NOW.date()
PHONE = {"pain": 6, "mood": 4, "note": "op de bank", "edited_at": "2026-03-10T08:15:02.123+01:00"}
TABLET = {"pain": 3, "mood": 7, "pain_areas": ["neck"], "edited_at": "2026-03-10T07:55:00Z"}
TABLET_AT = datetime(2026, 3, 10, 8, 55, tzinfo=AMSTERDAM)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def api(anna_token):
    return Client(headers={"Authorization": f"Bearer {anna_token}"})


def put(client, body, day=TODAY):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.put(f"/api/v1/checkins/{day}", data, content_type="application/json")


@pytest.mark.parametrize(
    "order", [(PHONE, TABLET), (TABLET, PHONE)], ids=["older-first", "newer-first"]
)
def test_both_arrival_orders_end_with_the_newest_values_and_one_offline_revision(
    api, patient_anna, order
):
    answers = [put(api, body) for body in order]
    assert [answer.status_code for answer in answers] == [200, 200]
    # Whatever arrived last, the answer is the stored, newest check-in.
    assert answers[-1].json()["pain"] == 3
    assert datetime.fromisoformat(answers[-1].json()["edited_at"]) == TABLET_AT
    check_in = CheckIn.objects.get(patient=patient_anna)
    assert (check_in.pain, check_in.mood, check_in.note) == (3, 7, "")
    [revision] = CheckInRevision.objects.all()
    assert (revision.source, revision.previous["note"]) == ("offline", "op de bank")


def test_the_queue_sent_twice_changes_nothing(api, patient_anna):
    first = [put(api, body).json() for body in (TABLET, PHONE)]
    second = [put(api, body).json() for body in (TABLET, PHONE)]
    assert first == second
    assert CheckIn.objects.count() == 1 and CheckInRevision.objects.count() == 1


def test_without_edited_at_the_put_replaces_and_the_revision_says_api(api, patient_anna):
    put(api, TABLET)
    answer = put(api, {"pain": 8})
    assert answer.status_code == 200 and answer.json()["pain"] == 8
    assert datetime.fromisoformat(answer.json()["edited_at"]) == NOW
    [revision] = CheckInRevision.objects.all()
    assert (revision.source, revision.previous["pain"]) == ("api", 3)
    assert put(api, {"pain": 8, "edited_at": None}).json() == answer.json()


def test_an_edited_at_ahead_of_the_server_counts_as_now(api, patient_anna):
    answer = put(api, {"pain": 5, "edited_at": "2026-03-10T15:00:00+01:00"})
    assert answer.status_code == 200
    assert datetime.fromisoformat(answer.json()["edited_at"]) == NOW
    assert CheckIn.objects.get().edited_at == NOW


def test_an_older_note_about_wanting_to_die_still_answers_with_the_help_page(api):
    put(api, TABLET)
    answer = put(api, {**PHONE, "note": "ik wil dood"})
    assert answer.json()["help_url"] == "/hulp/" and answer.json()["note"] == ""


@pytest.mark.parametrize(
    "edited_at",
    [
        "2026-03-10T08:15:00",  # no offset
        "2101-01-01T00:00:00+00:00",  # after the window of pijnreset/bounds.py
        "1899-12-31T12:00:00+00:00",  # before it
        "0001-01-01T00:00:00+14:00",  # before year 1 in UTC
        "9999-12-31T23:59:59-14:00",  # after year 9999 in UTC
        "2026-03-10T08:15:00+25:00",
        "gisteren",
        "",
        True,
        [],
        1773126902,  # a Unix time: the API takes ISO 8601 text
    ],
)
def test_a_bad_edited_at_is_422_naming_it_and_saves_nothing(api, edited_at):
    response = put(api, {"pain": 5, "edited_at": edited_at})
    assert response.status_code == 422, response.content
    assert [tuple(e["loc"]) for e in response.json()["detail"]][0][:2] == ("body", "edited_at")
    assert not CheckIn.objects.exists()


def test_the_openapi_document_describes_edited_at(client):
    schema = client.get("/api/v1/openapi.json").json()
    body = schema["components"]["schemas"]["CheckInIn"]["properties"]["edited_at"]
    assert "Newest wins" in body["description"]
