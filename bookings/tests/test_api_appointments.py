"""POST /api/v1/appointments and friends: 201, 409, clear 4xx, and 404 for others' rows."""

import pytest

from bookings.models import Appointment, Status
from bookings.tests.conftest import at

pytestmark = pytest.mark.django_db

URL = "/api/v1/appointments"


def payload(therapist, start="2026-03-03T09:00:00Z", kind="in_person", type_="follow_up", **extra):
    return {
        "therapist": str(therapist.public_id),
        "start": start,
        "kind": kind,
        "type": type_,
    } | extra


def post(client, data):
    return client.post(URL, data, content_type="application/json")


def test_booking_answers_201_with_the_appointment_in_utc(
    client, now, eva, practice_a, patient_anna
):
    client.force_login(patient_anna)
    response = post(client, payload(eva, kind="video", type_="video_consult"))
    assert response.status_code == 201, response.content
    body = response.json()
    appointment = Appointment.objects.get()
    assert body["id"] == str(appointment.public_id)
    assert body["start"] == "2026-03-03T09:00:00Z" and body["end"] == "2026-03-03T09:30:00Z"
    assert (body["therapist"], body["practice"]) == (str(eva.public_id), str(practice_a.public_id))
    assert body["video_url"] == appointment.video_url and body["status"] == "confirmed"


def test_a_start_with_another_offset_means_the_same_instant(client, now, eva, patient_anna):
    client.force_login(patient_anna)
    response = post(client, payload(eva, start="2026-03-03T10:00:00+01:00"))
    assert response.status_code == 201
    assert Appointment.objects.get().start == at(3, 10)


def test_the_same_time_twice_answers_409_with_a_clear_message(
    client, now, eva, patient_anna, patient_bram
):
    client.force_login(patient_anna)
    assert post(client, payload(eva)).status_code == 201
    client.force_login(patient_bram)
    response = post(client, payload(eva, kind="video", type_="video_consult"))
    assert response.status_code == 409
    assert "net door iemand anders geboekt" in response.json()["detail"][0]["msg"]
    assert Appointment.objects.count() == 1


def test_an_overlapping_longer_appointment_answers_409(
    client, now, eva, patient_anna, patient_bram
):
    client.force_login(patient_anna)
    assert post(client, payload(eva, start="2026-03-03T09:30:00Z")).status_code == 201
    client.force_login(patient_bram)
    # An intake at 09:00 UTC lasts 60 minutes plus a 15-minute buffer.
    assert post(client, payload(eva, type_="intake")).status_code == 409


def test_blocked_time_counts_as_busy(client, now, eva, patient_anna):
    from bookings.models import BlockedTime

    BlockedTime.objects.create(therapist=eva, start=at(3, 9), end=at(3, 12), reason="Cursus")
    client.force_login(patient_anna)
    assert post(client, payload(eva)).status_code == 409


@pytest.mark.parametrize(
    "change, status",
    [
        ({"start": "2026-03-03T09:00:00"}, 422),  # no time zone
        ({"start": "tomorrow"}, 422),
        ({"start": "2026-03-01T09:00:00Z"}, 422),  # in the past
        ({"start": "2026-03-03T19:00:00Z"}, 422),  # outside working hours
        ({"kind": "fax"}, 422),
        ({"type": "massage"}, 422),
        ({"therapist": "00000000-0000-4000-8000-000000000000"}, 422),  # names the field
        ({"kind": "phone", "type": "phone_consult"}, 400),  # no number to call
    ],
)
def test_bad_input_gets_a_4xx_with_the_reason_and_saves_nothing(
    client, now, eva, patient_anna, change, status
):
    client.force_login(patient_anna)
    response = post(client, payload(eva) | change)
    assert response.status_code == status, response.content
    assert response.json()["detail"][0]["msg"]
    assert not Appointment.objects.exists()


def test_booking_needs_a_login(client, now, eva):
    assert post(client, payload(eva)).status_code == 401


def test_session_booking_needs_the_csrf_token(now, eva, patient_anna):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(patient_anna)
    assert post(client, payload(eva)).status_code == 403
    assert not Appointment.objects.exists()


def test_another_patients_appointment_answers_404_on_every_endpoint(
    client, now, eva, patient_anna, patient_bram
):
    client.force_login(patient_anna)
    appointment_id = post(client, payload(eva)).json()["id"]
    client.force_login(patient_bram)
    assert client.get(f"{URL}/{appointment_id}").status_code == 404
    assert client.post(f"{URL}/{appointment_id}/cancel").status_code == 404
    assert client.get(URL).json() == []
    assert Appointment.objects.get().status == Status.CONFIRMED


def test_a_therapist_sees_only_their_practices_appointments(
    client, now, eva, joost, patient_anna, therapist_joost
):
    client.force_login(patient_anna)
    appointment_id = post(client, payload(eva)).json()["id"]
    client.force_login(eva.user)
    assert client.get(f"{URL}/{appointment_id}").status_code == 200
    client.force_login(therapist_joost)
    assert client.get(f"{URL}/{appointment_id}").status_code == 404


def test_patient_cancels_over_the_api_until_the_deadline(client, now, eva, patient_anna):
    client.force_login(patient_anna)
    appointment_id = post(client, payload(eva)).json()["id"]
    response = client.post(f"{URL}/{appointment_id}/cancel")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert client.post(f"{URL}/{appointment_id}/cancel").status_code == 409


def test_list_shows_my_own_appointments(client, now, eva, patient_anna):
    client.force_login(patient_anna)
    post(client, payload(eva))
    assert [row["start"] for row in client.get(URL).json()] == ["2026-03-03T09:00:00Z"]


@pytest.mark.parametrize(
    "type_, kind, name",
    [
        ("video_consult", "in_person", "Videoconsult"),
        ("phone_consult", "video", "Telefonisch consult"),
        ("intake", "phone", "Intake"),
    ],
)
def test_a_kind_the_type_cannot_take_place_in_is_a_clear_422_and_saves_nothing(
    client, now, eva, patient_anna, type_, kind, name
):
    client.force_login(patient_anna)
    response = post(client, payload(eva, kind=kind, type_=type_, phone_to_call="0612345678"))
    assert response.status_code == 422, response.content
    [error] = response.json()["detail"]
    assert (error["loc"], error["type"]) == (["body", "kind"], "kind_not_for_type")
    assert error["msg"].startswith(name)  # names the type, then the ways it can take place
    assert not Appointment.objects.exists()


def test_the_slot_list_refuses_the_same_pair_the_same_way(client, now, practice_a, eva):
    response = client.get(
        f"/api/v1/practices/{practice_a.public_id}/slots",
        {"type": "video_consult", "kind": "in_person"},
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["loc"], error["type"]) == (["query", "kind"], "kind_not_for_type")
    assert "Videoconsult" in error["msg"] and error["msg"].endswith("via video.")


def test_the_types_of_a_practice_say_in_which_ways_they_can_take_place(client, practice_a):
    url = f"/api/v1/practices/{practice_a.public_id}/types"
    every = client.get(url).json()
    assert [(t["code"], t["kinds"]) for t in every] == [
        ("intake", ["in_person", "video"]),
        ("follow_up", ["in_person", "video"]),
        ("phone_consult", ["phone"]),
        ("video_consult", ["video"]),
    ]
    phone = client.get(url, {"kind": "phone"}).json()
    assert [t["code"] for t in phone] == ["phone_consult"]
    assert client.get(url, {"kind": "fax"}).status_code == 422
