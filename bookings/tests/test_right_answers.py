"""Answers that match the appointment as it is now: no stale video link, the real
reason a move or a booking is refused."""

from datetime import date

import pytest

from bookings import actions
from bookings.models import Appointment, BlockedTime, Status
from bookings.tests.conftest import at
from bookings.tests.helpers import book_url
from practices.models import Closure

pytestmark = pytest.mark.django_db


def book(practice, therapist, appointment_type, patient, start, now, kind="in_person", **extra):
    return actions.book_slot(
        practice=practice, therapist=therapist, appointment_type=appointment_type,
        kind=kind, start=start, now=now, patient=patient, **extra,
    )  # fmt: skip


@pytest.mark.parametrize(
    "new_kind, extra",
    [("phone", {"phone_to_call": "06 12345678"}), ("in_person", {})],
)
def test_moving_a_video_appointment_to_another_kind_drops_the_video_link(
    client, now, practice_a, eva, intake, patient_anna, new_kind, extra
):
    appointment = book(practice_a, eva, intake, patient_anna, at(4, 10), now, kind="video")
    old_url = appointment.video_url
    assert old_url
    if new_kind == "phone":  # an intake is never by phone; the phone consult is its own type
        intake.kinds = ["in_person", "video", "phone"]
        intake.save()
    client.force_login(patient_anna)
    response = client.post(
        f"/afspraken/{appointment.public_id}/verzetten/",
        {"start": "2026-03-05T10:00:00Z", "kind": new_kind, **extra},
    )
    assert response.status_code == 200
    appointment.refresh_from_db()
    assert (appointment.kind, appointment.video_room, appointment.video_url) == (new_kind, "", "")
    answer = client.get(f"/api/v1/appointments/{appointment.public_id}").json()
    assert answer["kind"] == new_kind and answer["video_url"] == ""
    assert answer["phone_to_call"] == extra.get("phone_to_call", "")
    page = client.get(f"/afspraken/{appointment.public_id}/").content.decode()
    assert old_url not in page


def test_the_api_shows_a_video_url_only_for_a_video_appointment(
    client, now, practice_a, eva, intake, patient_anna
):
    video = book(practice_a, eva, intake, patient_anna, at(4, 10), now, kind="video")
    in_person = book(practice_a, eva, intake, patient_anna, at(5, 10), now)
    # An old row that still has a room from before it became an in-person appointment.
    Appointment.objects.filter(pk=in_person.pk).update(video_room="left-over-room")
    client.force_login(patient_anna)
    answers = {a["id"]: a for a in client.get("/api/v1/appointments").json()}
    assert answers[str(video.public_id)]["video_url"].endswith(video.video_room)
    assert answers[str(in_person.public_id)]["video_url"] == ""


def test_after_the_last_allowed_move_the_page_says_so_and_a_post_answers_409(
    client, now, practice_a, eva, follow_up, patient_anna
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    client.force_login(patient_anna)
    url = f"/afspraken/{appointment.public_id}/verzetten/"
    for start in ("2026-03-04T10:00:00Z", "2026-03-04T11:00:00Z"):  # the two moves allowed
        assert client.post(url, {"start": start, "kind": "in_person"}).status_code == 200
    html = client.get(url).content.decode()
    assert "al zo vaak verzet als de praktijk toestaat" in html
    assert "tot 24 uur voor het begin" not in html and 'name="start"' not in html
    # A stale form still posted (a time of another week): the reason, with 409, not a
    # complaint about the form, and nothing moves.
    response = client.post(url, {"start": "2026-03-11T13:00:00Z", "kind": "in_person"})
    assert response.status_code == 409
    assert "al zo vaak verzet als de praktijk toestaat" in response.content.decode()
    appointment.refresh_from_db()
    assert (appointment.start, appointment.reschedule_count) == (at(4, 12), 2)


def test_moving_after_the_deadline_still_shows_the_deadline(
    client, now, practice_a, eva, follow_up, patient_anna
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(2, 16), now)
    client.force_login(patient_anna)
    url = f"/afspraken/{appointment.public_id}/verzetten/"
    assert "tot 24 uur voor het begin" in client.get(url).content.decode()
    response = client.post(url, {"start": "2026-03-04T13:00:00Z", "kind": "in_person"})
    assert response.status_code == 409
    assert Appointment.objects.get().start == at(2, 16)


def test_booking_in_blocked_time_says_the_time_is_not_available(
    client, now, practice_a, eva, patient_bram
):
    BlockedTime.objects.create(therapist=eva, start=at(3, 9), end=at(3, 12), reason="Cursus")
    client.force_login(patient_bram)
    response = client.post(book_url(practice_a, eva, at(3, 10), "follow_up", "in_person"))
    html = response.content.decode()
    assert response.status_code == 409
    assert "Deze tijd is niet beschikbaar" in html and "door iemand anders" not in html
    assert not Appointment.objects.exists()


def test_booking_on_a_closed_day_says_the_time_is_not_available(
    client, now, practice_a, eva, patient_bram
):
    Closure.objects.create(
        practice=practice_a, first_day=date(2026, 3, 3), last_day=date(2026, 3, 3)
    )
    client.force_login(patient_bram)
    response = client.post(book_url(practice_a, eva, at(3, 10), "follow_up", "in_person"))
    assert response.status_code == 409
    assert "Deze tijd is niet beschikbaar" in response.content.decode()
    assert not Appointment.objects.exists()


def test_the_api_gives_the_same_reason_for_blocked_time(client, now, practice_a, eva, patient_bram):
    BlockedTime.objects.create(therapist=eva, start=at(3, 9), end=at(3, 12), reason="Cursus")
    client.force_login(patient_bram)
    response = client.post(
        "/api/v1/appointments",
        {"therapist": str(eva.public_id), "start": "2026-03-03T09:00:00Z", "kind": "in_person",
         "type": "follow_up"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 409
    assert response.json()["detail"][0]["msg"] == (
        "Deze tijd is niet beschikbaar. Kies een andere tijd."
    )
    assert not Appointment.objects.filter(status=Status.CONFIRMED).exists()


def test_a_time_taken_by_someone_else_still_says_so(client, now, practice_a, eva, follow_up,
                                                   patient_anna, patient_bram):  # fmt: skip
    book(practice_a, eva, follow_up, patient_anna, at(3, 10), now)
    client.force_login(patient_bram)
    response = client.post(book_url(practice_a, eva, at(3, 10), "follow_up", "in_person"))
    assert response.status_code == 409
    assert "door iemand anders" in response.content.decode()


def test_the_api_move_answers_409_with_the_reason_after_the_last_allowed_move(
    client, now, practice_a, eva, follow_up, patient_anna
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    client.force_login(patient_anna)
    url = f"/api/v1/appointments/{appointment.public_id}/reschedule"
    for start in ("2026-03-04T10:00:00Z", "2026-03-04T11:00:00Z"):
        response = client.post(url, {"start": start}, content_type="application/json")
        assert response.status_code == 200 and response.json()["start"] == start
    response = client.post(url, {"start": "2026-03-04T13:00:00Z"}, content_type="application/json")
    assert response.status_code == 409
    assert "al zo vaak verzet als de praktijk toestaat" in response.json()["detail"][0]["msg"]
    appointment.refresh_from_db()
    assert (appointment.start, appointment.reschedule_count) == (at(4, 12), 2)


def test_the_api_move_to_in_person_drops_the_video_link(
    client, now, practice_a, eva, intake, patient_anna
):
    appointment = book(practice_a, eva, intake, patient_anna, at(4, 10), now, kind="video")
    client.force_login(patient_anna)
    response = client.post(
        f"/api/v1/appointments/{appointment.public_id}/reschedule",
        {"start": "2026-03-05T10:00:00Z", "kind": "in_person"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert (response.json()["kind"], response.json()["video_url"]) == ("in_person", "")
    appointment.refresh_from_db()
    assert (appointment.kind, appointment.video_room) == ("in_person", "")


def test_another_patients_appointment_cannot_be_moved_by_the_api(
    client, now, practice_a, eva, follow_up, patient_anna, patient_bram
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    client.force_login(patient_bram)
    response = client.post(
        f"/api/v1/appointments/{appointment.public_id}/reschedule",
        {"start": "2026-03-04T13:00:00Z"},
        content_type="application/json",
    )
    assert response.status_code == 404
    appointment.refresh_from_db()
    assert appointment.start == at(4, 10)
