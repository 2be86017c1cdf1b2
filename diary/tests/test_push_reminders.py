"""The check-in reminder as a notification (Web Push) on the patient's devices, with the
e-mail as the fallback; exactly once per reminder, against a fake push service on loopback."""

import json
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from diary.actions import set_checkin_reminder
from push.models import PushSubscription
from push.tests.fake_push import vapid_signer
from push.tests.fixtures import laptop, phone, push_service, vapid  # noqa: F401  (fixtures)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EVENING = datetime(2026, 3, 10, 19, 5, tzinfo=AMSTERDAM)
NEXT_EVENING = datetime(2026, 3, 11, 19, 5, tzinfo=AMSTERDAM)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def evening():
    with time_machine.travel(EVENING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def anna(client, patient_anna, vapid, phone):  # noqa: F811
    """Anna wants the 19:00 reminder and switched notifications on for her phone."""
    set_checkin_reminder(user=patient_anna, enabled=True, at=time(19, 0), during_flare=False)
    client.force_login(patient_anna)
    response = client.post(
        "/api/v1/push/subscriptions", json.dumps(phone.subscription()), "application/json"
    )
    assert response.status_code == 201
    return patient_anna


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_command():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_checkin_reminders")

    return run_command


def test_one_encrypted_notification_per_reminder_and_no_e_mail(
    anna,
    run,
    push_service,  # noqa: F811
    phone,  # noqa: F811
    vapid,  # noqa: F811
):
    run()
    run()  # the reminder is claimed once: nothing new
    [received] = push_service.to(phone)
    assert received.headers["content-encoding"] == "aes128gcm"
    assert int(received.headers["ttl"]) == 3 * 3600
    assert vapid_signer(received.headers["authorization"]) == vapid
    assert b"check-in" not in received.body  # the service cannot read it
    assert phone.read(received) == {
        "title": "Tijd voor je check-in",
        "url": "/dagboek/",
        "tag": "checkin-2026-03-10",
    }
    assert mail.outbox == []
    assert PushSubscription.objects.get().last_success_at is not None


def test_every_device_gets_it_once(
    anna,
    client,
    run,
    push_service,  # noqa: F811
    phone,  # noqa: F811
    laptop,  # noqa: F811
):
    client.post("/api/v1/push/subscriptions", json.dumps(laptop.subscription()), "application/json")
    run()
    run()
    assert (len(push_service.to(phone)), len(push_service.to(laptop))) == (1, 1)
    assert mail.outbox == []


def test_none_after_the_patient_switches_it_off(
    anna,
    client,
    run,
    evening,
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    run()
    off = client.post(
        "/api/v1/push/subscriptions/remove",
        json.dumps({"endpoint": phone.endpoint}),
        "application/json",
    )
    assert off.status_code == 204
    evening.move_to(NEXT_EVENING)
    run()
    run()
    assert len(push_service.to(phone)) == 1  # only the first evening's
    [message] = mail.outbox  # the next evening's comes by e-mail, once
    assert "check-in" in message.subject.lower()


def test_a_gone_device_is_forgotten_and_the_e_mail_comes_instead(
    anna,
    run,
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    push_service.answers[phone.path] = 410
    run()
    run()
    assert len(push_service.to(phone)) == 1
    assert not PushSubscription.objects.exists()
    assert len(mail.outbox) == 1


def test_a_push_service_that_fails_keeps_the_device_and_sends_the_e_mail(
    anna,
    run,
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    push_service.answers[phone.path] = 503
    run()
    assert len(push_service.to(phone)) == 1 and len(mail.outbox) == 1
    assert PushSubscription.objects.get().last_success_at is None


def test_one_device_gone_and_one_working_means_no_e_mail(
    anna,
    client,
    run,
    push_service,  # noqa: F811
    phone,  # noqa: F811
    laptop,  # noqa: F811
):
    client.post("/api/v1/push/subscriptions", json.dumps(laptop.subscription()), "application/json")
    push_service.answers[laptop.path] = 404
    run()
    assert (len(push_service.to(phone)), len(push_service.to(laptop))) == (1, 1)
    assert mail.outbox == []
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [phone.endpoint]


def test_an_unreachable_push_service_falls_back_to_e_mail(
    anna,
    run,
    settings,
    push_service,  # noqa: F811
):
    push_service.stop()  # nothing listens on the port any more
    run()
    assert len(mail.outbox) == 1
    assert PushSubscription.objects.count() == 1


def test_without_keys_on_the_server_the_e_mail_comes(
    anna,
    run,
    settings,
    push_service,  # noqa: F811
):
    settings.VAPID_PRIVATE_KEY = ""
    run()
    assert push_service.received == [] and len(mail.outbox) == 1


def test_the_notification_is_in_the_patients_language(
    client,
    patient_bram,
    run,
    vapid,  # noqa: F811
    push_service,  # noqa: F811
    phone,  # noqa: F811
):
    set_checkin_reminder(user=patient_bram, enabled=True, at=time(19, 0), during_flare=False)
    client.force_login(patient_bram)
    client.post("/api/v1/push/subscriptions", json.dumps(phone.subscription()), "application/json")
    run()
    [received] = push_service.to(phone)
    assert phone.read(received)["title"] == "Time for your check-in"
    assert phone.read(received)["url"] == "/en/dagboek/"
