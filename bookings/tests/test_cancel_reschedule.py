"""Cancel and move: the practice's policy, the invite's life, the freed time."""

import re

import pytest
import time_machine

from bookings import actions
from bookings.errors import ChangeTooLate, SlotTaken, TooManyReschedules
from bookings.models import Appointment, Status
from bookings.tests.conftest import at
from bookings.tests.helpers import calendar_parts, unfold

pytestmark = pytest.mark.django_db


def book(practice, therapist, appointment_type, patient, start, now, kind="in_person", **extra):
    return actions.book_slot(
        practice=practice, therapist=therapist, appointment_type=appointment_type,
        kind=kind, start=start, now=now, patient=patient, **extra,
    )  # fmt: skip


def invite(message) -> dict[str, str]:
    [(method, ics)] = calendar_parts(message)
    text = unfold(ics)
    fields = dict(
        re.findall(r"^(UID|SEQUENCE|METHOD|STATUS|SUMMARY|DESCRIPTION):(.*)$", text, re.M)
    )
    return fields | {"part_method": method, "text": text}


def test_the_invite_keeps_its_uid_and_counts_up_through_move_and_cancel(
    client,
    now,
    practice_a,
    eva,
    video_consult,
    patient_anna,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book(
            practice_a, eva, video_consult, patient_anna, at(4, 10), now, kind="video"
        )
    client.force_login(patient_anna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/afspraken/{appointment.public_id}/verzetten/",
            {"start": "2026-03-05T10:00:00Z", "kind": "video"},
        )
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/afspraken/{appointment.public_id}/annuleren/")

    booked, moved, cancelled = (invite(m) for m in mailoutbox if m.to == [patient_anna.email])
    assert booked["UID"] == moved["UID"] == cancelled["UID"] == f"{appointment.public_id}@pijnreset"
    assert [booked["SEQUENCE"], moved["SEQUENCE"], cancelled["SEQUENCE"]] == ["0", "1", "2"]
    assert (booked["METHOD"], moved["METHOD"], cancelled["METHOD"]) == (
        "REQUEST",
        "REQUEST",
        "CANCEL",
    )
    assert cancelled["STATUS"] == "CANCELLED" and booked["STATUS"] == "CONFIRMED"
    for message in (booked, moved, cancelled):
        assert message["part_method"] == message["METHOD"]
        assert "BEGIN:VTIMEZONE" in message["text"] and "TZID:Europe/Amsterdam" in message["text"]
    assert (
        "DTSTART;TZID=Europe/Amsterdam:20260305T110000" in moved["text"]
    )  # 10:00 UTC is 11:00 CET
    therapist_notices = [m.subject for m in mailoutbox if m.to == [eva.notice_email]]
    assert len(therapist_notices) == 3


def test_summary_and_description_hold_no_health_detail(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    fields = invite(next(m for m in mailoutbox if m.to == [patient_anna.email]))
    for text in (fields["SUMMARY"], fields["DESCRIPTION"]):
        for word in ("fibromyalg", "pijn", "pain", "klacht", "complaint", "diagnos"):
            assert word not in text.lower()
    assert "Praktijk Rustpunt" in fields["SUMMARY"]


def test_patient_cancels_for_free_until_24_hours_before(
    client, now, practice_a, eva, follow_up, patient_anna
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    client.force_login(patient_anna)
    with time_machine.travel(at(3, 10, 1), tick=False):  # 23h59m before
        page = client.get(f"/afspraken/{appointment.public_id}/annuleren/").content.decode()
        assert practice_a.phone in page
        response = client.post(f"/afspraken/{appointment.public_id}/annuleren/")
    assert response.status_code == 409
    appointment.refresh_from_db()
    assert appointment.status == Status.CONFIRMED
    with time_machine.travel(at(3, 9, 59), tick=False):
        assert client.post(f"/afspraken/{appointment.public_id}/annuleren/").status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED and not appointment.cancelled_by_practice


def test_the_practice_may_cancel_at_any_time(client, now, practice_a, eva, follow_up, patient_anna):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(2, 10), now)
    client.force_login(eva.user)
    assert client.post(f"/afspraken/{appointment.public_id}/annuleren/").status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED and appointment.cancelled_by_practice


def test_a_move_keeps_kind_number_and_video_room_and_frees_the_old_time(
    now, practice_a, eva, follow_up, video_consult, patient_anna, patient_bram
):
    video = book(practice_a, eva, video_consult, patient_anna, at(4, 10), now, kind="video")
    room = video.video_room
    moved = actions.reschedule_appointment(
        appointment=video, start=at(4, 14), now=now, actor=video.patient
    )
    assert (moved.kind, moved.video_room, moved.start, moved.reschedule_count) == (
        "video",
        room,
        at(4, 14),
        1,
    )
    # The old time is free at once.
    book(practice_a, eva, follow_up, patient_bram, at(4, 10), now)

    phone_type = practice_a.appointment_types.get(slug="phone_consult")
    phone = book(
        practice_a,
        eva,
        phone_type,
        patient_bram,
        at(5, 10),
        now,
        kind="phone",
        phone_to_call="06 11111111",
    )
    moved = actions.reschedule_appointment(
        appointment=phone, start=at(5, 11), now=now, actor=phone.patient
    )
    assert moved.phone_to_call == "06 11111111"
    moved = actions.reschedule_appointment(
        appointment=moved,
        start=at(5, 12),
        now=now,
        actor=moved.patient,
        phone_to_call="06 22222222",
    )
    assert moved.phone_to_call == "06 22222222"


def test_the_patient_may_change_the_kind_when_moving(
    client, now, practice_a, eva, follow_up, patient_anna
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    client.force_login(patient_anna)
    client.post(
        f"/afspraken/{appointment.public_id}/verzetten/",
        {"start": "2026-03-04T13:00:00Z", "kind": "video"},
    )
    appointment.refresh_from_db()
    assert appointment.kind == "video" and appointment.video_room


def test_at_most_two_moves_by_the_patient(now, practice_a, eva, follow_up, patient_anna):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    appointment = actions.reschedule_appointment(
        appointment=appointment, start=at(4, 11), now=now, actor=appointment.patient
    )
    appointment = actions.reschedule_appointment(
        appointment=appointment, start=at(4, 12), now=now, actor=appointment.patient
    )
    with pytest.raises(TooManyReschedules):
        actions.reschedule_appointment(
            appointment=appointment, start=at(4, 13), now=now, actor=appointment.patient
        )
    # The practice itself can still move it.
    moved = actions.reschedule_appointment(
        appointment=appointment, start=at(4, 13), now=now, actor=appointment.therapist.user
    )
    assert moved.reschedule_count == 2 and moved.start == at(4, 13)


def test_moving_onto_a_taken_time_is_refused_and_changes_nothing(
    now, practice_a, eva, follow_up, patient_anna, patient_bram
):
    mine = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    book(practice_a, eva, follow_up, patient_bram, at(4, 11), now)
    with pytest.raises(SlotTaken):
        actions.reschedule_appointment(
            appointment=mine, start=at(4, 11), now=now, actor=mine.patient
        )
    mine.refresh_from_db()
    assert (mine.start, mine.sequence, mine.reschedule_count) == (at(4, 10), 0, 0)


def test_moving_after_the_deadline_is_refused(now, practice_a, eva, follow_up, patient_anna):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(2, 16), now)
    with pytest.raises(ChangeTooLate):
        actions.reschedule_appointment(
            appointment=appointment, start=at(4, 12), now=now, actor=appointment.patient
        )


def test_the_reschedule_page_offers_free_times_of_the_same_therapist(
    client, now, practice_a, eva, follow_up, patient_anna
):
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    client.force_login(patient_anna)
    html = client.get(f"/afspraken/{appointment.public_id}/verzetten/").content.decode()
    assert 'value="2026-03-04T09:30:00Z"' in html
    assert 'value="2026-03-04T09:00:00Z"' not in html  # its own current time
    response = client.post(
        f"/afspraken/{appointment.public_id}/verzetten/",
        {"start": "2026-03-04T08:10:00Z", "kind": "in_person"},
    )
    assert response.status_code == 422  # not one of the times offered
    assert Appointment.objects.get().start == at(4, 10)


def test_patient_with_no_moves_left_sees_the_policy(
    client, now, practice_a, eva, follow_up, patient_anna
):
    practice_a.max_reschedules = 0
    practice_a.save()
    appointment = book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)
    client.force_login(patient_anna)
    html = client.get(f"/afspraken/{appointment.public_id}/verzetten/").content.decode()
    assert practice_a.phone in html and 'name="start"' not in html
