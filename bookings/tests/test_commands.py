"""The periodic commands: expire_holds and send_appointment_reminders (idempotent)."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from bookings import actions
from bookings.models import Appointment, Status
from bookings.tests.conftest import at

pytestmark = pytest.mark.django_db


def test_expire_holds_releases_only_lapsed_holds(now, practice_a, eva, follow_up):
    guest = actions.Guest(name="Lotte", email="lotte@example.nl", phone="0612345678")
    for start in (at(3, 10), at(3, 11)):
        actions.book_slot(
            practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
            start=start, now=now, guest=guest,
        )  # fmt: skip
    Appointment.objects.filter(start=at(3, 11)).update(hold_expires_at=now + timedelta(hours=1))
    out = StringIO()
    with time_machine.travel(now + timedelta(minutes=31), tick=False):
        call_command("expire_holds", stdout=out)
        call_command("expire_holds", stdout=out)
    assert "1 holds released" in out.getvalue() and "0 holds released" in out.getvalue()
    assert dict(Appointment.objects.values_list("start", "status")) == {
        at(3, 10): Status.EXPIRED,
        at(3, 11): Status.HELD,
    }


def test_reminder_command_reports_what_it_claimed(now, practice_a, eva, follow_up, patient_anna):
    actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(5, 10), now=now, patient=patient_anna,
    )  # fmt: skip
    out = StringIO()
    with time_machine.travel(at(4, 12), tick=False):
        call_command("send_appointment_reminders", stdout=out)
        call_command("send_appointment_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["1 reminders enqueued.", "0 reminders enqueued."]
