"""The slot list's JSON is built without ninja validating it again (issue 18): the same
bytes as ninja's validating path gives, and the same documented schema."""

from __future__ import annotations

import copy
import json
from datetime import timedelta

import pytest
from django.test import RequestFactory
from ninja import Status

from api.main import api
from api.practices import SlotOut, router
from bookings import availability
from practices.tests.factories import make_therapist

pytestmark = pytest.mark.django_db

SLOTS = "/practices/{practice_id}/slots"


def validated_answer(offered):
    """What ninja renders for the old handler's answer: SlotOut objects, validated."""
    [template] = router.path_operations[SLOTS].operations
    operation = copy.copy(template)
    operation.api = api  # as mounted
    request = RequestFactory().get("/")
    old = [
        SlotOut(therapist=s.therapist.public_id, therapist_name=s.therapist.name,
                start=s.start, end=s.end)
        for s in offered
    ]  # fmt: skip
    return operation._result_to_response(
        request, Status(200, old), api.create_temporal_response(request)
    )


def test_the_slot_list_is_the_same_json_as_before(client, now, practice_a, eva, follow_up):
    make_therapist("Lotte <& 'Jansen'>", practices=(practice_a,), weekdays=(0, 1))
    response = client.get(f"/api/v1/practices/{practice_a.public_id}/slots")
    offered = availability.free_slots(
        practice=practice_a, appointment_type=practice_a.appointment_types.first(),
        kind="in_person", window_start=now, window_end=now + timedelta(days=7), now=now,
    )  # fmt: skip
    assert len(offered) > 20
    before = validated_answer(offered)
    assert response.status_code == before.status_code == 200
    assert response.content == before.content
    assert response["Content-Type"] == before["Content-Type"]
    assert {row["therapist_name"] for row in json.loads(response.content)} == {
        "Eva de Vries", "Lotte <& 'Jansen'>"
    }  # fmt: skip


def test_the_documented_slot_answer_is_still_a_list_of_slot_out(client):
    schema = client.get("/api/v1/openapi.json").json()
    answer = schema["paths"]["/api/v1/practices/{practice_id}/slots"]["get"]["responses"]["200"]
    assert answer["content"]["application/json"]["schema"] == {
        "items": {"$ref": "#/components/schemas/SlotOut"},
        "title": "Response",
        "type": "array",
    }
    assert set(schema["components"]["schemas"]["SlotOut"]["properties"]) == {
        "therapist", "therapist_name", "start", "end"
    }  # fmt: skip
