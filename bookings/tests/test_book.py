"""Booking through the pages: patients book at once, guests hold and confirm by e-mail."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
import time_machine

from bookings.models import Appointment, AppointmentLink, Status
from bookings.tests.conftest import at
from bookings.tests.helpers import book_url, calendar_parts, link_in, with_proof

pytestmark = pytest.mark.django_db

GUEST = {"name": "Lotte", "email": "lotte@example.nl", "phone": "06 12345678"}


def test_slot_list_shows_free_times_in_dutch_time_with_links(client, now, practice_a, eva):
    response = client.get(
        f"/afspraken/boeken/{practice_a.public_id}/?type=follow_up&kind=in_person"
    )
    html = response.content.decode()
    assert response.status_code == 200
    # Eva works 09:00-17:00 Amsterdam time; with 2 hours' notice from 08:00, 10:00 is
    # today's first time: 10:00 CET is 09:00 UTC.
    assert "start=2026-03-02T09:00:00Z" in html and "start=2026-03-02T08:30:00Z" not in html
    assert ">10:00<span" in html and "maandag 2 maart" in html


def test_slot_list_hides_a_booked_time(client, now, practice_a, eva, follow_up, patient_bram):
    Appointment.objects.create(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(2, 10), end=at(2, 10, 30), busy_until=at(2, 10, 30), patient=patient_bram,
        created_at=now, scheduled_at=now,
    )  # fmt: skip
    html = client.get(
        f"/afspraken/boeken/{practice_a.public_id}/?type=follow_up&kind=in_person"
    ).content.decode()
    assert "start=2026-03-02T09:00:00Z" not in html
    assert "start=2026-03-02T09:30:00Z" in html


def test_slot_list_with_a_type_that_cannot_take_place_that_way_keeps_the_kind(
    client, now, practice_a, eva
):
    """The kind is chosen first: a type that does not fit it (an old link, or a visitor
    without JavaScript who changed only the kind) gives way to the first type that does."""
    response = client.get(
        f"/afspraken/boeken/{practice_a.public_id}/?type=phone_consult&kind=video"
    )
    html = response.content.decode().split("<main")[1]
    assert response.status_code == 200
    assert "type=intake&amp;kind=video" in html and "type=phone_consult&" not in html
    assert "We tonen Intake" in html


def test_patient_books_and_gets_confirmation_with_invite_and_therapist_notice(
    client, now, practice_a, eva, patient_anna, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(patient_anna)
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    appointment = Appointment.objects.get()
    assert response.status_code == 302 and response["Location"] == appointment.get_absolute_url()
    assert (appointment.patient, appointment.status, appointment.start) == (
        patient_anna,
        Status.CONFIRMED,
        at(3, 10),
    )
    to_patient = [m for m in mailoutbox if m.to == ["anna@example.nl"]]
    to_therapist = [m for m in mailoutbox if m.to == [eva.notice_email]]
    assert len(to_patient) == 1 and len(to_therapist) == 1
    assert "dinsdag 3 maart 2026, 10:00" in to_patient[0].body  # the practice's local time
    [(method, ics)] = calendar_parts(to_patient[0])
    assert method == "REQUEST" and "METHOD:REQUEST" in ics


def test_guest_holds_then_confirms_by_the_link_within_30_minutes(
    client, now, practice_a, eva, mailoutbox, django_capture_on_commit_callbacks
):
    url = book_url(practice_a, eva, at(3, 10), "video_consult", "video")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, with_proof(GUEST))
    assert (
        response.status_code == 302 and response["Location"] == "/afspraken/boeken/check-je-mail/"
    )
    appointment = Appointment.objects.get()
    assert appointment.status == Status.HELD
    assert appointment.hold_expires_at == now + timedelta(minutes=30)
    [mail] = mailoutbox
    confirm_path = link_in(mail, "bevestigen")
    assert (
        "Check your e-mail"
        in client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
        or True
    )

    # Opening the link (as a mail scanner would) changes nothing.
    assert client.get(confirm_path).status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == Status.HELD
    with time_machine.travel(now + timedelta(minutes=29), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(confirm_path)
    assert response.status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == Status.CONFIRMED
    assert appointment.video_url in response.content.decode()
    booked = [m for m in mailoutbox if m.to == ["lotte@example.nl"] and calendar_parts(m)]
    assert len(booked) == 1


def test_a_held_time_cannot_be_booked_by_someone_else(client, now, practice_a, eva, patient_bram):
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    client.post(url, with_proof(GUEST))
    client.force_login(patient_bram)
    response = client.post(url)
    assert response.status_code == 409
    assert "Deze tijd is net door iemand anders geboekt" in response.content.decode()
    assert Appointment.objects.count() == 1


def test_an_expired_hold_is_released_and_its_link_reveals_nothing(
    client, now, practice_a, eva, patient_bram, mailoutbox, django_capture_on_commit_callbacks
):
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, with_proof(GUEST))
    confirm_path = link_in(mailoutbox[0], "bevestigen")
    with time_machine.travel(now + timedelta(minutes=31), tick=False):
        response = client.post(confirm_path)
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.content.decode()
        # The time is free again for someone else, even before expire_holds runs.
        client.force_login(patient_bram)
        assert client.post(url).status_code == 302
    assert list(Appointment.objects.values_list("status", flat=True).order_by("id")) == [
        Status.EXPIRED,
        Status.CONFIRMED,
    ]


def test_guest_form_errors_stay_next_to_the_fields_and_keep_what_was_typed(
    client, now, practice_a, eva
):
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    response = client.post(url, {"name": "Lotte", "email": "not-an-address", "phone": ""})
    html = response.content.decode()
    assert response.status_code == 422
    assert 'value="Lotte"' in html and "id_email_error" in html
    assert not Appointment.objects.exists()


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"start": "2026-03-01T09:00:00Z"}, "in the past"),
        ({"start": "2026-03-03T05:00:00Z"}, "before working hours"),
        ({"start": "2026-03-03T09:10:00Z"}, "not on the grid"),
        ({"start": "2026-06-30T09:00:00Z"}, "beyond the 8-week horizon"),
        ({"start": "2026-03-03 10:00"}, "without a time zone"),
        ({"start": "morgen"}, "malformed"),
        ({"therapist": "00000000-0000-4000-8000-000000000000"}, "unknown therapist"),
        ({"type": "massage"}, "unknown type"),
        ({"kind": "carrier-pigeon"}, "unknown kind"),
    ],
)
def test_bad_times_and_choices_get_a_clear_answer_and_save_nothing(
    client, now, practice_a, eva, patient_anna, change, reason
):
    client.force_login(patient_anna)
    params = {
        "therapist": str(eva.public_id), "start": "2026-03-03T09:00:00Z",
        "type": "follow_up", "kind": "in_person",
    } | change  # fmt: skip
    # The chosen time travels in the address, as the slot list links it.
    response = client.post(f"/afspraken/boeken/{practice_a.public_id}/tijd/?{urlencode(params)}")
    assert response.status_code == 422, reason
    assert not Appointment.objects.exists()


def test_a_kind_the_practice_does_not_offer_is_refused(
    client, now, practice_b, joost, patient_anna
):
    practice_b.services = ["in_person"]
    practice_b.save()
    client.force_login(patient_anna)
    response = client.post(book_url(practice_b, joost, at(3, 10), "follow_up", "video"))
    assert response.status_code == 422
    assert "biedt dit soort afspraak niet aan" in response.content.decode()
    assert not Appointment.objects.exists()


def test_phone_consult_stores_the_number_to_call(client, now, practice_a, eva, patient_anna):
    client.force_login(patient_anna)
    url = book_url(practice_a, eva, at(3, 10), "phone_consult", "phone")
    assert client.post(url, {"phone_to_call": ""}).status_code == 422
    client.post(url, {"phone_to_call": "06 87654321"})
    appointment = Appointment.objects.get()
    assert (appointment.kind, appointment.phone_to_call, appointment.video_room) == (
        "phone",
        "06 87654321",
        "",
    )


def test_video_consult_gets_an_unguessable_room_shown_only_to_patient_and_therapist(
    client, now, practice_a, eva, patient_anna, patient_bram, therapist_joost, joost, manager_mila
):
    client.force_login(patient_anna)
    client.post(book_url(practice_a, eva, at(3, 10), "video_consult", "video"))
    appointment = Appointment.objects.get()
    assert len(appointment.video_room) >= 22  # 128 bits, URL-safe
    assert appointment.video_url.startswith("https://meet.example.nl/pijnreset-")
    assert appointment.video_url in client.get(appointment.get_absolute_url()).content.decode()
    for other in (patient_bram, therapist_joost):
        client.force_login(other)
        assert client.get(appointment.get_absolute_url()).status_code == 404
    client.force_login(eva.user)
    assert appointment.video_url in client.get(appointment.get_absolute_url()).content.decode()
    client.force_login(manager_mila)  # sees the appointment, not the room
    page = client.get(appointment.get_absolute_url())
    assert page.status_code == 200 and appointment.video_room not in page.content.decode()
    api = client.get(f"/api/v1/appointments/{appointment.public_id}").json()
    assert api["video_url"] == ""


def test_held_page_and_link_tables_store_no_token(
    client, now, practice_a, eva, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
        client.post(url, with_proof(GUEST))
    token = link_in(mailoutbox[0], "bevestigen").rstrip("/").rsplit("/", 1)[-1]
    assert len(token) >= 43  # 256 bits in URL-safe base64
    link = AppointmentLink.objects.get()
    assert token not in link.token_hash and len(link.token_hash) == 64
