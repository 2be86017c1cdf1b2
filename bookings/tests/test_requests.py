"""One booking request (bookings/requests.py): the booking page, the API and rescheduling
give the same answer for the same request, naming the same field with the same words."""

from html import unescape
from urllib.parse import urlencode

import pytest

from bookings import actions
from bookings.forms import RescheduleForm, SlotForm
from bookings.models import Appointment, Kind
from bookings.requests import resolve_booking_request
from bookings.tests.conftest import at

pytestmark = pytest.mark.django_db

API = "/api/v1/appointments"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def _request(eva, **change):
    return {
        "therapist": str(eva.public_id),
        "start": "2026-03-03T09:00:00Z",
        "type": "follow_up",
        "kind": "in_person",
    } | change


def _api_answer(response):
    """(status, field, message) of a 422; (status, None, None) otherwise."""
    if response.status_code != 422:
        return response.status_code, None, None
    (error,) = response.json()["detail"]
    return 422, error["loc"][-1], error["msg"]


# (change to the request, the field named, whether the words come from the one resolver;
#  a value the API's schema cannot even parse is refused by the schema, in its own words)
BOOKING_CASES = [
    ({"start": "2026-03-03T10:00:00"}, "start", True),  # no time zone
    ({"start": "2031-03-03T09:00:00Z"}, "start", False),  # beyond two years
    ({"start": "morgen"}, "start", False),
    ({"therapist": UNKNOWN}, "therapist", True),
    ({"type": "massage"}, "type", True),
    ({"type": "phone_consult", "kind": "video"}, "kind", True),  # the type does not allow it
    ({"kind": "fax"}, "kind", False),
]


@pytest.mark.parametrize("change, field, same_words", BOOKING_CASES)
def test_the_form_and_the_api_refuse_a_booking_request_alike(
    client, now, practice_a, eva, patient_anna, change, field, same_words
):
    asked = _request(eva, **change)
    form = SlotForm(asked, practice=practice_a)
    assert not form.is_valid()
    assert list(form.errors) == [field]

    client.force_login(patient_anna)
    page = client.get(f"/afspraken/boeken/{practice_a.public_id}/tijd/?{urlencode(asked)}")
    assert page.status_code == 422

    status, api_field, message = _api_answer(
        client.post(API, asked, content_type="application/json")
    )
    assert (status, api_field) == (422, field)
    if same_words:
        assert form.errors[field] == [message]
        assert message in unescape(page.content.decode())
    assert not Appointment.objects.exists()


def test_a_kind_the_practice_does_not_offer_is_named_alike(
    client, now, practice_a, eva, patient_anna
):
    practice_a.services = ["in_person"]
    practice_a.save()
    asked = _request(eva, kind="video")
    form = SlotForm(asked, practice=practice_a)
    assert not form.is_valid()
    client.force_login(patient_anna)
    status, field, message = _api_answer(client.post(API, asked, content_type="application/json"))
    assert (status, field) == (422, "kind")
    assert form.errors["kind"] == [message]
    assert "biedt dit soort afspraak niet aan" in message


@pytest.mark.parametrize(
    "type_slug, default_kind",
    [("follow_up", Kind.IN_PERSON), ("phone_consult", Kind.PHONE), ("video_consult", Kind.VIDEO)],
)
def test_without_a_kind_every_entry_point_picks_the_same_default(
    client, now, practice_a, eva, patient_anna, type_slug, default_kind
):
    asked = {key: value for key, value in _request(eva, type=type_slug).items() if key != "kind"}
    form = SlotForm(asked, practice=practice_a)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["kind"] == default_kind

    slots = client.get(f"/afspraken/boeken/{practice_a.public_id}/", {"type": type_slug})
    assert slots.status_code == 200 and slots.context["menu"].kind == default_kind
    api_slots = client.get(f"/api/v1/practices/{practice_a.public_id}/slots", {"type": type_slug})
    assert api_slots.status_code == 200 and api_slots.json()

    client.force_login(patient_anna)
    body = asked | {"phone_to_call": "0612345678"}
    response = client.post(API, body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == default_kind


def test_without_a_kind_the_first_way_the_therapist_offers_is_taken(now, practice_a, eva):
    eva.kinds = ["video"]
    eva.save()
    asked = resolve_booking_request(
        start="2026-03-03T09:00:00Z",
        kind=None,
        now=now,
        therapist=eva.public_id,
        appointment_type="follow_up",  # in person or by video
        practice=practice_a,
    )
    assert asked.kind == Kind.VIDEO


@pytest.fixture
def booked(now, practice_a, eva, patient_anna, follow_up):
    return actions.book_slot(
        practice=practice_a,
        therapist=eva,
        appointment_type=follow_up,
        kind=Kind.IN_PERSON,
        start=at(3, 10),
        now=now,
        patient=patient_anna,
    )


# (change, the field named, whether the words come from the one resolver)
MOVE_CASES = [
    ({"start": "2026-03-04T10:00:00"}, "start", True),  # no time zone
    ({"kind": "phone"}, "kind", True),  # a follow-up is in person or by video
    ({"kind": "fax"}, "kind", False),
    ({"start": "2031-03-03T09:00:00Z"}, "start", False),
]


@pytest.mark.parametrize("change, field, same_words", MOVE_CASES)
def test_the_reschedule_page_form_and_api_refuse_a_move_alike(
    client, now, booked, patient_anna, change, field, same_words
):
    asked = {"start": "2026-03-04T09:00:00Z", "kind": "in_person"} | change
    form = RescheduleForm(asked, appointment=booked, times=[], kinds=[])
    assert not form.is_valid()
    assert list(form.errors) == [field]

    client.force_login(patient_anna)
    page = client.post(f"/afspraken/{booked.public_id}/verzetten/", asked)
    assert page.status_code == 422

    response = client.post(f"{API}/{booked.public_id}/reschedule", asked, "application/json")
    status, api_field, message = _api_answer(response)
    assert (status, api_field) == (422, field)
    if same_words:
        assert form.errors[field] == [message]
        assert message in unescape(page.content.decode())
    booked.refresh_from_db()
    assert (booked.start, booked.kind, booked.sequence) == (at(3, 10), Kind.IN_PERSON, 0)


def test_a_new_booking_and_a_move_judge_the_same_start_alike(now, booked, eva):
    """The one check for an instant: the same text means the same UTC start either way."""
    text = "2026-03-04T10:00:00+01:00"
    new = resolve_booking_request(
        start=text, kind=None, now=now, therapist=eva.public_id, appointment_type="follow_up"
    )
    moved = resolve_booking_request(start=text, kind=None, now=now, moving=booked)
    assert new.start == moved.start == at(4, 10)
    assert (new.practice, new.therapist, new.appointment_type) == (
        moved.practice,
        moved.therapist,
        moved.appointment_type,
    )


def test_moving_without_a_kind_keeps_the_appointments_kind(client, now, booked, patient_anna):
    client.force_login(patient_anna)
    body = {"start": "2026-03-04T09:00:00Z"}
    response = client.post(f"{API}/{booked.public_id}/reschedule", body, "application/json")
    assert response.status_code == 200, response.content
    assert response.json()["kind"] == Kind.IN_PERSON
