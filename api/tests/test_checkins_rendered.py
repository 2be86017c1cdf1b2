"""The check-in answers built without ninja's second validation (api/rendered.py) are the
bytes ninja would send after validating the same rows against `CheckInOut`, and the
documented schema is unchanged."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from ninja.operation import ResponseObject
from ninja.responses import NinjaJSONEncoder

from api.checkins import CheckInOut, router
from diary.models import CheckIn

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def api(anna_token):
    return Client(headers={"Authorization": f"Bearer {anna_token}"})


def edge_rows(patient) -> list[CheckIn]:
    """Empty and edge values: every optional score empty, 0 and 10, empty and odd notes,
    no areas and many, whole seconds and microseconds, an offline edit time, a crisis note."""
    at = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    rows = [
        dict(pain=0, note="", pain_areas=[], updated_at=at),
        dict(
            pain=10, fatigue=0, sleep_quality=10, stress=5, mood=0, gut=10, flare=True,
            note='Regel één\n\t"aanhalingstekens" \\ en emoji 🌧️ ✓ <b>&amp;</b>',
            pain_areas=["neck", "jaw_left", "lower_back"],
            updated_at=at.replace(microsecond=123456),
        ),
        dict(pain=3, note="ik denk aan zelfmoord", updated_at=at.replace(microsecond=999)),
        dict(
            pain=4, mood=7, updated_at=at.replace(microsecond=500000),
            edited_at=at - timedelta(days=2, microseconds=1),
        ),
        dict(pain=6, note=" ", pain_areas=["neck"], updated_at=at, edited_at=at),
    ]  # fmt: skip
    return [
        CheckIn.objects.create(
            patient=patient,
            date=TODAY - timedelta(days=len(rows) - index),
            created_at=at,
            **values,
        )
        for index, values in enumerate(rows)
    ]


def as_ninja_answers(check_ins: list[CheckIn], *, path: str, method: str, request) -> bytes:
    """What ninja sends for these rows: built as `CheckInOut` and validated by the
    operation's own response model, then rendered by the API's renderer."""
    operation = next(op for op in router.path_operations[path].operations if method in op.methods)
    models = [
        CheckInOut(
            date=row.date,
            pain=row.pain, fatigue=row.fatigue, sleep_quality=row.sleep_quality,
            stress=row.stress, mood=row.mood, gut=row.gut, flare=row.flare, note=row.note,
            pain_areas=list(row.pain_areas), updated_at=row.updated_at,
            edited_at=row.last_edited_at,
            help_url=reverse("help") if row.note_mentions_crisis else None,
        )
        for row in check_ins
    ]  # fmt: skip
    result = models if path == "/checkins" else models[0]
    validated = operation.response_models[200].model_validate(
        ResponseObject(result), context={"request": request, "response_status": 200}
    )
    data = validated.model_dump(**operation._model_dump_kwargs(request, 200))["response"]
    return json.dumps(data, cls=NinjaJSONEncoder).encode()


def test_the_period_is_the_bytes_ninja_would_send_for_the_same_rows(api, patient_anna, rf):
    rows = edge_rows(patient_anna)
    stored = list(CheckIn.objects.filter(pk__in=[r.pk for r in rows]).order_by("date"))
    response = api.get(f"/api/v1/checkins?from={TODAY - timedelta(days=30)}&to={TODAY}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    expected = as_ninja_answers(stored, path="/checkins", method="GET", request=rf.get("/"))
    assert response.content == expected
    assert b"123Z" in expected and b"zelfmoord" in expected and b'"help_url": null' in expected


def test_an_empty_period_is_an_empty_list(api, patient_anna):
    response = api.get(f"/api/v1/checkins?from={TODAY}&to={TODAY}")
    assert (response.status_code, response.content) == (200, b"[]")


def test_one_day_is_the_bytes_ninja_would_send(api, patient_anna, rf):
    for row in edge_rows(patient_anna):
        stored = CheckIn.objects.get(pk=row.pk)
        response = api.get(f"/api/v1/checkins/{row.date}")
        expected = as_ninja_answers(
            [stored], path="/checkins/{date}", method="GET", request=rf.get("/")
        )
        assert response.content == expected


def test_a_put_answers_the_bytes_ninja_would_send_for_the_stored_row(api, patient_anna, rf):
    body = {"pain": 2, "note": "ik wil dood willen", "pain_areas": ["neck"], "flare": True}
    response = api.put(
        f"/api/v1/checkins/{TODAY}", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200
    stored = CheckIn.objects.get(patient=patient_anna, date=TODAY)
    expected = as_ninja_answers(
        [stored], path="/checkins/{date}", method="PUT", request=rf.put("/")
    )
    assert response.content == expected and response.json()["help_url"] == reverse("help")


def test_the_documented_schema_of_the_check_in_answers_is_unchanged(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    listed = paths["/api/v1/checkins"]["get"]["responses"]["200"]["content"]["application/json"]
    assert listed["schema"] == {
        "items": {"$ref": "#/components/schemas/CheckInOut"},
        "title": "Response",
        "type": "array",
    }
    one = {"$ref": "#/components/schemas/CheckInOut"}
    for method in ("get", "put"):
        answer = paths["/api/v1/checkins/{date}"][method]["responses"]["200"]
        assert answer["content"]["application/json"]["schema"] == one
    assert schema["components"]["schemas"]["CheckInOut"] == DOCUMENTED_CHECK_IN


def _nullable_integer(title: str) -> dict[str, object]:
    return {"anyOf": [{"type": "integer"}, {"type": "null"}], "title": title}


# As documented before the answers were built without ninja's validation.
DOCUMENTED_CHECK_IN = {
    "properties": {
        "date": {"format": "date", "title": "Date", "type": "string"},
        "edited_at": {
            "description": "When the stored values were edited",
            "format": "date-time",
            "title": "Edited At",
            "type": "string",
        },
        "fatigue": _nullable_integer("Fatigue"),
        "flare": {"title": "Flare", "type": "boolean"},
        "gut": _nullable_integer("Gut"),
        "help_url": {
            "anyOf": [{"type": "string"}, {"type": "null"}],
            "description": "Set when the note mentions wanting to die: the crisis help page.",
            "title": "Help Url",
        },
        "mood": _nullable_integer("Mood"),
        "note": {"title": "Note", "type": "string"},
        "pain": {"title": "Pain", "type": "integer"},
        "pain_areas": {"items": {"type": "string"}, "title": "Pain Areas", "type": "array"},
        "sleep_quality": _nullable_integer("Sleep Quality"),
        "stress": _nullable_integer("Stress"),
        "updated_at": {"format": "date-time", "title": "Updated At", "type": "string"},
    },
    "required": [
        "date", "pain", "fatigue", "sleep_quality", "stress", "mood", "gut", "flare", "note",
        "pain_areas", "updated_at", "edited_at",
    ],
    "title": "CheckInOut",
    "type": "object",
}  # fmt: skip
