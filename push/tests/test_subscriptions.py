"""Switching notifications on and off per device: the API and the reminder page."""

import json

import pytest
from django.core.management import call_command
from django.test import Client
from py_vapid import Vapid

from push.endpoints import endpoint_digest
from push.models import PushSubscription
from push.tests.fake_push import b64url, vapid_signer

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/api/v1/push/subscriptions"
REMOVE = "/api/v1/push/subscriptions/remove"
FIREFOX = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"


def post(client, url, body, **extra):
    return client.post(url, json.dumps(body), content_type="application/json", **extra)


def test_switching_on_stores_the_device_once(client, patient_anna, vapid, phone):
    client.force_login(patient_anna)
    first = post(client, SUBSCRIBE, phone.subscription(), HTTP_USER_AGENT=FIREFOX)
    again = post(client, SUBSCRIBE, phone.subscription(), HTTP_USER_AGENT=FIREFOX)
    assert (first.status_code, again.status_code) == (201, 200)
    [row] = PushSubscription.objects.all()
    assert (row.user, row.endpoint, row.label) == (
        patient_anna,
        phone.endpoint,
        "Firefox · Android",
    )
    assert first.json() == {"id": str(row.public_id), "label": "Firefox · Android"}


def test_a_shared_browser_moves_to_whoever_switched_it_on_last(
    client, patient_anna, patient_bram, vapid, phone
):
    client.force_login(patient_anna)
    post(client, SUBSCRIBE, phone.subscription())
    client.force_login(patient_bram)
    assert post(client, SUBSCRIBE, phone.subscription()).status_code == 200
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [patient_bram.pk]


def test_switching_off_removes_only_your_own_device(
    client, patient_anna, patient_bram, vapid, phone, laptop
):
    client.force_login(patient_bram)
    post(client, SUBSCRIBE, laptop.subscription())
    client.force_login(patient_anna)
    post(client, SUBSCRIBE, phone.subscription())
    assert post(client, REMOVE, {"endpoint": laptop.endpoint}).status_code == 204
    assert post(client, REMOVE, {"endpoint": phone.endpoint}).status_code == 204
    assert post(client, REMOVE, {"endpoint": phone.endpoint}).status_code == 204  # already off
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [patient_bram.pk]


def test_a_push_service_we_do_not_trust_is_refused_by_name(client, patient_anna, vapid, phone):
    client.force_login(patient_anna)
    body = {**phone.subscription(), "endpoint": "https://169.254.169.254/latest/meta-data"}
    response = post(client, SUBSCRIBE, body)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "endpoint"] and "e-mail" in error["msg"]
    bad_keys = {**phone.subscription(), "keys": {"p256dh": "AAAA", "auth": b64url(bytes(16))}}
    assert post(client, SUBSCRIBE, bad_keys).json()["detail"][0]["loc"] == ["body", "keys"]
    assert post(client, SUBSCRIBE, {**phone.subscription(), "extra": 1}).status_code == 422
    assert not PushSubscription.objects.exists()


def test_without_vapid_keys_nothing_is_stored(client, patient_anna, settings, phone):
    settings.VAPID_PRIVATE_KEY = ""
    settings.WEB_PUSH_SERVICES = [phone.endpoint.rsplit("/", 1)[0]]
    client.force_login(patient_anna)
    response = post(client, SUBSCRIBE, phone.subscription())
    assert response.status_code == 503 and response.json()["detail"][0]["type"] == "unavailable"
    assert not PushSubscription.objects.exists()


def test_only_a_patient_with_consent_in_a_session_with_csrf(
    client, patient_anna, therapist_eva, anna_token, vapid, phone
):
    assert post(client, SUBSCRIBE, phone.subscription()).status_code == 401
    client.force_login(therapist_eva)
    assert post(client, SUBSCRIBE, phone.subscription()).status_code == 403
    token = Client()  # a personal access token cannot switch a device on
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {anna_token}"}
    assert post(token, SUBSCRIBE, phone.subscription(), **bearer).status_code == 401
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(patient_anna)
    assert post(browser, SUBSCRIBE, phone.subscription()).status_code == 403
    browser.get("/dagboek/herinnering/")
    csrf = {"HTTP_X_CSRFTOKEN": browser.cookies["csrftoken"].value}
    assert post(browser, SUBSCRIBE, phone.subscription(), **csrf).status_code == 201


def test_switching_on_and_off_is_rate_limited(client, patient_anna, settings, vapid, phone):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "push": "3/h/user"}
    client.force_login(patient_anna)
    answers = [post(client, SUBSCRIBE, phone.subscription()).status_code for _ in range(3)]
    refused = post(client, REMOVE, {"endpoint": phone.endpoint})
    assert answers == [201, 200, 200] and refused.status_code == 429
    assert refused["Retry-After"] and PushSubscription.objects.count() == 1


# --- The reminder page ---


def test_without_keys_the_page_says_reminders_come_by_e_mail(client, patient_anna):
    client.force_login(patient_anna)
    html = client.get("/dagboek/herinnering/").content.decode()
    assert "Meldingen op dit apparaat" in html
    assert "Deze site stuurt geen meldingen. Je herinneringen komen per e-mail." in html
    assert "js/push.js" not in html and 'role="switch"' not in html


def test_with_keys_the_switch_waits_for_javascript(client, patient_anna, vapid):
    client.force_login(patient_anna)
    html = client.get("/dagboek/herinnering/").content.decode()
    # Without JavaScript the switch stays hidden and the page explains the e-mail.
    assert "data-push-toggle hidden" in html and 'role="switch"' in html
    assert "Zonder die komen je herinneringen per e-mail." in html
    assert f'data-key="{vapid}"' in html and 'src="/static/js/push.js"' in html
    assert 'data-subscribe="/api/v1/push/subscriptions"' in html


def test_the_page_lists_devices_and_switches_one_off_without_javascript(
    client, patient_anna, patient_bram, vapid, phone
):
    client.force_login(patient_anna)
    post(client, SUBSCRIBE, phone.subscription(), HTTP_USER_AGENT=FIREFOX)
    device = PushSubscription.objects.get()
    html = client.get("/dagboek/herinnering/").content.decode()
    assert "Firefox · Android" in html and f"/apparaat/{device.public_id}/uit/" in html
    # The browser learns which devices are on by digest, not by their addresses.
    assert f'data-devices="{endpoint_digest(phone.endpoint)}"' in html
    assert phone.endpoint not in html
    url = f"/dagboek/herinnering/apparaat/{device.public_id}/uit/"
    client.force_login(patient_bram)
    assert client.post(url).status_code == 404
    client.force_login(patient_anna)
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "Meldingen staan uit op dat apparaat." in response.content.decode()
    assert not PushSubscription.objects.exists()


# --- Keys and the worker ---


def test_the_key_command_prints_a_pair_that_signs(capsys):
    call_command("generate_vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    vapid = Vapid.from_string(private_key=lines["VAPID_PRIVATE_KEY"])
    headers = vapid.sign({"sub": "mailto:a@example.nl", "aud": "https://fcm.googleapis.com"})
    assert headers["Authorization"].startswith("vapid t=")
    assert vapid_signer(headers["Authorization"]) == lines["VAPID_PUBLIC_KEY"]
    assert lines["VAPID_SUBJECT"].startswith("mailto:")


def test_the_worker_imports_the_push_handlers_by_their_static_url(client):
    source = client.get("/sw.js").content.decode()
    assert source.splitlines()[0].startswith('importScripts("/static/js/sw-push.js");')
    handlers = client.get("/static/js/sw-push.js")
    assert handlers.status_code == 200
    text = b"".join(handlers.streaming_content).decode()
    assert 'addEventListener("push"' in text and 'addEventListener("notificationclick"' in text


def test_the_privacy_page_says_what_a_device_row_holds(client):
    dutch = client.get("/privacy/").content.decode()
    assert "<h2>Meldingen</h2>" in dutch and "twee sleutels om de berichten" in dutch
    english = client.get("/en/privacy/").content.decode()
    assert "two keys to encrypt the messages" in english
