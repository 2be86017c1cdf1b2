"""Check-ins over JSON with extreme dates and control characters: 422, never a 500."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from diary import actions
from diary.models import CheckIn, CheckInRevision
from diary.values import CheckInValues

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def api(anna_token):
    return Client(headers={"Authorization": f"Bearer {anna_token}"})


@pytest.mark.parametrize("query", ["to=0001-01-01", "from=0001-01-01", "to=9999-12-31",
                                   "from=1899-12-31&to=1900-01-10"])  # fmt: skip
def test_listing_check_ins_outside_1900_to_2100_answers_422(api, query):
    response = api.get(f"/api/v1/checkins?{query}")
    assert response.status_code == 422
    assert "1900-01-01 to 2100-12-31" in response.json()["detail"][0]["msg"]


def test_listing_from_the_first_day_of_1900_works(api):
    assert api.get("/api/v1/checkins?to=1900-01-10").status_code == 200


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_one_check_in_on_an_extreme_date_answers_422(api, day):
    assert api.get(f"/api/v1/checkins/{day}").status_code == 422
    response = api.put(f"/api/v1/checkins/{day}", json.dumps({"pain": 3}),
                       content_type="application/json")  # fmt: skip
    assert response.status_code == 422


@pytest.mark.parametrize("note", ["a\u0000b", "bell\u0007", "\u001b[31m"])
def test_a_check_in_note_with_control_characters_answers_422_and_saves_nothing(api, note):
    response = api.put("/api/v1/checkins/2026-03-10", json.dumps({"pain": 3, "note": note}),
                       content_type="application/json")  # fmt: skip
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "note"
    assert not CheckIn.objects.exists()


def test_a_note_keeps_its_newlines_and_tabs(api):
    response = api.put("/api/v1/checkins/2026-03-10", json.dumps({"pain": 3, "note": "a\n\tb"}),
                       content_type="application/json")  # fmt: skip
    assert response.status_code == 200
    assert CheckIn.objects.get().note == "a\n\tb"


def test_the_action_stores_a_note_without_nul_on_every_database(patient_anna):
    recorded = actions.record_check_in(
        patient=patient_anna,
        day=NOW.date(),
        values=CheckInValues(pain=4, note="moe\u0000 en\u0007 stijf\nvandaag"),
        now=timezone.now(),
        source=CheckInRevision.Source.FORM,
    )
    recorded.check_in.refresh_from_db()
    assert recorded.check_in.note == "moe en stijf\nvandaag"
