"""The 24-hour appointment reminder as a notification on the patient's devices, with the
e-mail as the fallback: once per reminder, no health detail, a click opens the appointment."""

import json

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from bookings import actions
from bookings.tests.conftest import at
from push.models import PushSubscription
from push.tests.fixtures import phone, push_service, vapid  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def reminders(mailoutbox: list) -> list:
    return [m for m in mailoutbox if "Herinnering" in m.subject]


@pytest.fixture
def booked(now, practice_a, eva, follow_up, patient_anna, vapid, phone, mailoutbox):  # noqa: F811
    """Anna's appointment on Thursday 5 March at 10:00, and notifications on for her phone."""
    appointment = actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(5, 10), now=now, patient=patient_anna,
    )  # fmt: skip
    browser = Client()
    browser.force_login(patient_anna)
    response = browser.post(
        "/api/v1/push/subscriptions", json.dumps(phone.subscription()), "application/json"
    )
    assert response.status_code == 201
    mailoutbox.clear()
    return appointment


def run_at(moment) -> None:
    with time_machine.travel(moment, tick=False):
        call_command("send_appointment_reminders")


def test_one_notification_however_often_the_command_runs(
    booked,
    mailoutbox,
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    for moment in (at(4, 10), at(4, 10, 5), at(5, 9)):
        run_at(moment)
    [received] = push_service.to(phone)
    assert received.headers["content-encoding"] == "aes128gcm"
    message = phone.read(received)
    assert message == {
        "title": "Herinnering: afspraak morgen om 10:00",
        "url": f"/afspraken/{booked.public_id}/",
        "tag": f"appointment-{booked.public_id}",
    }
    assert reminders(mailoutbox) == []
    assert 0 < int(received.headers["ttl"]) <= 24 * 3600


def test_after_switching_off_the_e_mail_comes_instead(
    booked,
    patient_anna,
    mailoutbox,
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    browser = Client()
    browser.force_login(patient_anna)
    off = browser.post(
        "/api/v1/push/subscriptions/remove",
        json.dumps({"endpoint": phone.endpoint}),
        "application/json",
    )
    assert off.status_code == 204
    run_at(at(4, 10))
    run_at(at(4, 11))
    assert push_service.received == []
    assert len(reminders(mailoutbox)) == 1


def test_a_gone_device_is_forgotten_and_the_e_mail_comes(
    booked,
    mailoutbox,
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    push_service.answers[phone.path] = 410
    run_at(at(4, 10))
    run_at(at(4, 11))
    assert len(push_service.to(phone)) == 1
    assert not PushSubscription.objects.exists()
    assert len(reminders(mailoutbox)) == 1


def test_a_late_run_says_today(
    booked,
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    run_at(at(5, 8))
    [received] = push_service.to(phone)
    assert phone.read(received)["title"] == "Herinnering: afspraak vandaag om 10:00"
