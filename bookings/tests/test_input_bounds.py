"""Extreme dates and clock changes on the booking pages: a clear answer, never a 500.

Each test is one crash path from issue 11 (year 0001 or 9999 in a URL or form,
offsets of +14:00, local times that do not exist or happen twice).
"""

from datetime import timedelta

import pytest

from bookings import actions
from bookings.models import Appointment, BlockedTime
from bookings.tests.conftest import at
from bookings.tests.helpers import book_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_on_tuesday(now, practice_a, eva, follow_up, patient_anna):
    return actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(3, 10), now=now, patient=patient_anna,
    )  # fmt: skip


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01"])
def test_the_slot_list_shows_a_week_inside_the_window_for_an_extreme_week(
    client, now, practice_a, eva, week
):
    response = client.get(
        f"/afspraken/boeken/{practice_a.public_id}/?type=follow_up&kind=in_person&week={week}"
    )
    assert response.status_code == 200
    assert response.context["times"].first.year in (2026, 2028)


def test_the_reschedule_page_shows_a_week_inside_the_window_for_week_9999(
    client, now, anna_on_tuesday, patient_anna
):
    client.force_login(patient_anna)
    response = client.get(f"/afspraken/{anna_on_tuesday.public_id}/verzetten/?week=9999-12-31")
    assert response.status_code == 200
    assert response.context["first"].year == 2028


@pytest.mark.parametrize(
    "start", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00%2B14:00", "2029-01-01T09:00:00Z"]
)
def test_a_booking_page_with_a_start_outside_the_window_says_the_time_is_not_valid(
    client, now, practice_a, eva, start
):
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    response = client.get(url.replace("start=2026-03-03T09:00:00Z", f"start={start}"))
    assert response.status_code == 422


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_the_agenda_with_an_extreme_date_shows_this_week_and_the_error(
    client, now, practice_a, eva, day
):
    client.force_login(eva.user)
    response = client.get(f"/en/afspraken/agenda/{practice_a.public_id}/?date={day}")
    assert response.status_code == 200
    assert "Choose a date between 1900 and 2100." in response.content.decode()


def block(client, practice, therapist, first_day, from_time, last_day, until_time):
    return client.post(
        f"/en/afspraken/agenda/{practice.public_id}/blokkeren/",
        {"therapist": str(therapist.public_id), "first_day": first_day, "from_time": from_time,
         "last_day": last_day, "until_time": until_time},
    )  # fmt: skip


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_a_block_in_an_impossible_year_is_refused(client, now, practice_a, eva, year):
    client.force_login(eva.user)
    response = block(client, practice_a, eva, f"{year}-03-03", "09:00", f"{year}-03-03", "12:00")
    assert response.status_code == 422
    assert "Choose a date between" in response.content.decode()
    assert not BlockedTime.objects.exists()


def test_a_block_starting_in_the_spring_forward_gap_is_refused(client, now, practice_a, eva):
    client.force_login(eva.user)
    response = block(client, practice_a, eva, "2027-03-28", "02:30", "2027-03-28", "12:00")
    assert response.status_code == 422
    html = response.content.decode()
    assert "id_from_time_error" in html and "the clocks go forward an hour" in html
    assert not BlockedTime.objects.exists()


def test_a_block_ending_in_the_autumn_double_hour_is_refused(client, now, practice_a, eva):
    client.force_login(eva.user)
    response = block(client, practice_a, eva, "2026-10-25", "00:30", "2026-10-25", "02:30")
    assert response.status_code == 422
    html = response.content.decode()
    assert "id_until_time_error" in html and "the clocks go back an hour" in html


def test_a_block_around_the_clock_change_is_saved_with_the_right_instants(
    client, now, practice_a, eva
):
    client.force_login(eva.user)
    response = block(client, practice_a, eva, "2027-03-28", "01:00", "2027-03-28", "04:00")
    assert response.status_code == 302
    saved = BlockedTime.objects.get()
    assert saved.end - saved.start == timedelta(hours=2)  # 01:00 CET to 04:00 CEST


# -- the same over JSON -----------------------------------------------------------


@pytest.mark.parametrize(
    "start", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "9999-12-31T10:00:00Z"]
)
def test_an_api_booking_in_year_0001_or_9999_answers_422_naming_start(
    client, now, eva, practice_a, patient_anna, start
):
    client.force_login(patient_anna)
    body = {"therapist": str(eva.public_id), "start": start, "kind": "in_person",
            "type": "follow_up"}  # fmt: skip
    response = client.post("/api/v1/appointments", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "start"


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00Z", "9999-12-31T00:00:00%2B14:00"])
@pytest.mark.parametrize("name", ["from", "to"])
def test_api_slots_from_or_to_in_year_0001_or_9999_answer_422(
    client, now, eva, practice_a, moment, name
):
    response = client.get(f"/api/v1/practices/{practice_a.public_id}/slots?{name}={moment}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == name


def test_api_text_with_a_nul_character_answers_422(client, now, eva, practice_a, patient_anna):
    client.force_login(patient_anna)
    body = {"therapist": str(eva.public_id), "start": "2026-03-03T09:00:00Z", "kind": "phone",
            "type": "follow_up", "phone_to_call": "06\u00001234567"}  # fmt: skip
    response = client.post("/api/v1/appointments", body, content_type="application/json")
    assert response.status_code == 422
    assert client.get("/api/v1/practices?q=Utrecht%00").status_code == 422


def test_the_clock_change_message_is_dutch_on_the_dutch_page(client, now, practice_a, eva):
    client.force_login(eva.user)
    response = client.post(
        f"/afspraken/agenda/{practice_a.public_id}/blokkeren/",
        {"therapist": str(eva.public_id), "first_day": "2027-03-28", "from_time": "02:30",
         "last_day": "9999-03-28", "until_time": "12:00"},
    )  # fmt: skip
    html = response.content.decode()
    assert "de klok gaat dan een uur vooruit" in html
    assert "Kies een datum tussen 1 maart 2026 en 2 maart 2028." in html


def test_a_guest_name_with_control_characters_is_refused_and_nothing_is_held(
    client, now, practice_a, eva
):
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    response = client.post(
        url, {"name": "Anna\u0007\u001b[2J", "email": "anna@example.nl", "phone": "06 12345678"}
    )
    assert response.status_code == 422
    assert "Haal de speciale tekens weg" in response.content.decode()
    assert not Appointment.objects.exists()


@pytest.mark.parametrize("week", ["0000-00-00", "2026-13-45", "next", "2026-03-09T00:00:00"])
def test_a_week_that_is_no_date_shows_this_week(client, now, practice_a, eva, week):
    response = client.get(
        f"/afspraken/boeken/{practice_a.public_id}/?type=follow_up&kind=in_person&week={week}"
    )
    assert response.status_code == 200
    assert response.context["times"].first == now.date()
