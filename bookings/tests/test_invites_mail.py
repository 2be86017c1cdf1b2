"""The invites the booking e-mails carry: read alike by two libraries, no live token.

A calendar can be shared with others; the manage link's token cancels the
appointment, so it stays in the e-mail and never goes into the .ics.
"""

from datetime import UTC, datetime

import pytest
import time_machine
import vobject
import vobject.icalendar
from icalendar import Calendar

from bookings import actions
from bookings.models import Appointment, Status
from bookings.tests.conftest import at
from bookings.tests.helpers import calendar_parts, link_in

pytestmark = pytest.mark.django_db


def instants(ics: str) -> set[tuple[datetime, datetime]]:
    """(start, end) in UTC as read by icalendar and by vobject (from the VTIMEZONE)."""
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    by_icalendar = (event["DTSTART"].dt.astimezone(UTC), event["DTEND"].dt.astimezone(UTC))
    vars(vobject.icalendar)["__tzidMap"].pop("Europe/Amsterdam", None)
    vevent = vobject.readOne(ics).vevent
    by_vobject = (vevent.dtstart.value.astimezone(UTC), vevent.dtend.value.astimezone(UTC))
    return {by_icalendar, by_vobject}


def token_of(path: str) -> str:
    return path.rstrip("/").split("/")[-1]


def test_booked_moved_into_summer_time_and_cancelled_read_alike_and_carry_no_token(
    client,
    settings,
    now,
    practice_a,
    eva,
    follow_up,
    patient_anna,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = actions.book_slot(
            practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
            start=at(27, 10), now=now, patient=patient_anna,
        )  # fmt: skip
    client.force_login(patient_anna)
    # Friday 27 March (winter time) to Monday 30 March, 10:00 (summer time: 08:00 UTC).
    moved_to = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/afspraken/{appointment.public_id}/verzetten/?week=2026-03-30",
            {"start": "2026-03-30T08:00:00Z", "kind": "in_person"},
        )
    assert response.status_code == 200
    appointment.refresh_from_db()
    assert appointment.start == moved_to
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/afspraken/{appointment.public_id}/annuleren/")
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED

    booked, moved, cancelled = (m for m in mailoutbox if m.to == [patient_anna.email])
    expected = [
        (at(27, 10), at(27, 10, 30)),
        (moved_to, datetime(2026, 3, 30, 8, 30, tzinfo=UTC)),
        (moved_to, datetime(2026, 3, 30, 8, 30, tzinfo=UTC)),
    ]
    page = f"{settings.SITE_URL.rstrip('/')}/afspraken/{appointment.public_id}/"
    for message, (start, end), method in zip(
        (booked, moved, cancelled), expected, ("REQUEST", "REQUEST", "CANCEL"), strict=True
    ):
        [(part_method, ics)] = calendar_parts(message)
        assert part_method == method
        assert instants(ics) == {(start, end)}
        [event] = Calendar.from_ical(ics).walk("VEVENT")
        assert "/afspraken/link/" not in ics.replace("\r\n ", "")
        if method == "REQUEST":
            token = token_of(link_in(message, "link"))
            assert token not in ics.replace("\r\n ", "")
            assert str(event["URL"]) == page
            assert str(event["URL"]) in str(event["DESCRIPTION"])


def test_a_guests_invite_points_to_the_e_mail_and_carries_no_token(
    client, now, practice_a, eva, follow_up, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        held = actions.book_slot(
            practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
            start=at(4, 10), now=now,
            guest=actions.Guest(name="Lotte", email="lotte@example.nl", phone="0612345678"),
        )  # fmt: skip
    [hold_mail] = mailoutbox
    with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert client.post(link_in(hold_mail, "bevestigen")).status_code == 200
    held.refresh_from_db()
    assert held.status == Status.CONFIRMED
    [confirmation] = [m for m in mailoutbox if calendar_parts(m)]
    token = token_of(link_in(confirmation, "link"))
    [(_method, ics)] = calendar_parts(confirmation)
    unfolded = ics.replace("\r\n ", "")
    assert token not in unfolded and "/afspraken/" not in unfolded
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert "URL" not in event
    assert "link in je e-mail" in str(event["DESCRIPTION"])
    assert instants(ics) == {(at(4, 10), at(4, 10, 30))}
    assert Appointment.objects.get().pk == held.pk
