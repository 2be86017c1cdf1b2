"""Abuse limits on booking (issue 11): the bursts of the attack run, behind a TLS proxy.

Every client here comes through one proxy (REMOTE_ADDR 10.0.0.1, TRUSTED_PROXY_COUNT=1):
the attacker is 203.0.113.9 in X-Forwarded-For, an ordinary visitor 198.51.100.7.
The limits are the defaults unless a test says otherwise.
"""

import json
import logging
from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from bookings import links
from bookings.models import Appointment, AppointmentLink, LinkPurpose, Status
from bookings.tests.conftest import at
from bookings.tests.helpers import book_url, link_in, with_proof

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.9"
VISITOR = "198.51.100.7"


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def client_at(address: str) -> Client:
    """A browser at `address`, as our proxy forwards it (it appends what it saw)."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{address}")


def guest(number: int) -> dict[str, str]:
    return {"name": "Someone", "email": f"made-up-{number}@example.nl", "phone": "06 12345678"}


def security_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "pijnreset.security"]


def security_logged(caplog) -> str:
    """All our security log lines, every attribute (request logs are the log filter's job)."""
    return "\n".join(json.dumps(r.__dict__, default=str) for r in security_lines(caplog))


# --- The 200-hold burst (guest booking form) ----------------------------------------------


def test_200_guest_holds_from_one_client_stop_after_10_and_another_visitor_still_holds(
    now, practice_a, eva, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    attacker = client_at(ATTACKER)
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(200):
            start = at(3, 10) + timedelta(minutes=30 * (number % 12))
            url = book_url(practice_a, eva, start, "follow_up", "in_person")
            answers.append(attacker.post(url, with_proof(guest(number))).status_code)
    assert answers[:10] == [302] * 10  # the default: 10 holds an hour per client address
    assert answers[10:] == [429] * 190
    assert Appointment.objects.filter(status=Status.HELD).count() == 10
    assert len(mailoutbox) == 10

    visitor = client_at(VISITOR)
    url = book_url(practice_a, eva, at(4, 10), "follow_up", "in_person")
    with django_capture_on_commit_callbacks(execute=True):
        assert visitor.post(url, with_proof(guest(999))).status_code == 302
    assert len(mailoutbox) == 11

    lines = security_lines(caplog)
    assert len(lines) == 190
    assert {(r.action, r.limit) for r in lines} == {("guest_hold", "10/3600s/ip")}
    assert all(r.who.startswith("ip:") and ATTACKER not in r.who for r in lines)
    logged = security_logged(caplog)
    assert "made-up-" not in logged and ATTACKER not in logged


def test_the_refusal_page_is_in_the_visitors_language_and_keeps_what_was_typed(
    now, practice_a, eva, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "guest_hold": "1/h/ip"}
    attacker = client_at(ATTACKER)
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    attacker.post(url, with_proof(guest(1)))
    response = attacker.post(url.replace("/afspraken/", "/en/afspraken/"), with_proof(guest(2)))
    html = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "so we cannot hold another one now" in html and "made-up-2@example.nl" in html
    dutch = attacker.post(url, with_proof(guest(3)))
    assert "kunnen we nu geen tijd meer" in dutch.content.decode()


def test_one_email_address_gets_at_most_3_hold_emails_an_hour_from_any_client(
    now, practice_a, eva, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.BOOKINGS_MAX_FUTURE_PER_PRACTICE = 10
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            client = client_at(f"198.51.100.{number + 10}")
            url = book_url(practice_a, eva, at(3, 10 + number), "follow_up", "in_person")
            answers.append(client.post(url, with_proof(guest(7))).status_code)
    assert answers == [302, 302, 302, 429, 429]
    assert len(mailoutbox) == 3


def test_one_practice_takes_at_most_its_limit_of_guest_holds_an_hour(
    now, practice_a, eva, joost, practice_b, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "guest_hold": "10/h/ip,3/h/email,2/h/practice"}
    for number in range(2):
        url = book_url(practice_a, eva, at(3, 10 + number), "follow_up", "in_person")
        answer = client_at(f"198.51.100.{number}").post(url, with_proof(guest(number)))
        assert answer.status_code == 302
    url = book_url(practice_a, eva, at(3, 14), "follow_up", "in_person")
    assert client_at("198.51.100.50").post(url, with_proof(guest(50))).status_code == 429
    other_practice = book_url(practice_b, joost, at(3, 14), "follow_up", "in_person")
    assert client_at("198.51.100.50").post(other_practice, with_proof(guest(51))).status_code == 302


# --- A person, not a script: the form proof ------------------------------------------------


def test_a_guest_form_sent_at_once_or_twice_or_without_proof_holds_nothing(
    now, practice_a, eva, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_at(VISITOR)
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    page = client.get(url).content.decode()
    assert 'name="proof"' in page
    too_fast = client.post(url, with_proof(guest(1), shown_seconds_ago=0))
    assert too_fast.status_code == 422 and "ging erg snel" in too_fast.content.decode()
    assert 'value="made-up-1@example.nl"' in too_fast.content.decode()  # nothing typed is lost
    assert client.post(url, guest(2)).status_code == 422  # no proof at all
    stale = client.post(url, with_proof(guest(3), shown_seconds_ago=61 * 60))
    assert stale.status_code == 422
    once = with_proof(guest(4))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, once).status_code == 302
    url = book_url(practice_a, eva, at(3, 11), "follow_up", "in_person")
    assert client.post(url, once).status_code == 422  # the same proof again
    assert Appointment.objects.count() == 1 and len(mailoutbox) == 1


def test_a_person_who_waits_and_sends_the_shown_form_holds_the_time(now, practice_a, eva):
    client = client_at(VISITOR)
    url = book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    page = client.get(url)
    proof = page.context["details"]["proof"].value()
    with time_machine.travel(now + timedelta(seconds=5), tick=False):
        response = client.post(url, {**guest(1), "proof": proof})
    assert response.status_code == 302


# --- The 60-booking burst (API, one patient) -----------------------------------------------


def api_post(client, therapist, start):
    body = {"therapist": str(therapist.public_id), "start": start, "kind": "in_person"}
    return client.post(
        "/api/v1/appointments", body | {"type": "follow_up"}, content_type="application/json"
    )


def test_60_api_bookings_by_one_patient_stop_at_3_upcoming_and_then_10_a_day(
    now, practice_a, eva, patient_anna, patient_bram, caplog
):
    attacker = client_at(ATTACKER)
    attacker.force_login(patient_anna)
    answers = []
    for number in range(60):
        start = at(3, 9) + timedelta(minutes=30 * (number % 16))
        answers.append(api_post(attacker, eva, start.isoformat()))
    codes = [answer.status_code for answer in answers]
    # 3 booked; then "you already have 3 upcoming here" (409) up to the 10 a day; then 429.
    assert codes == [201] * 3 + [409] * 7 + [429] * 50
    assert (
        "upcoming appointments" in answers[3].json()["detail"][0]["msg"]
        or "afspraken" in (answers[3].json()["detail"][0]["msg"])
    )
    assert answers[10].json()["detail"][0]["type"] == "rate_limited"
    assert int(answers[10]["Retry-After"]) > 0
    assert Appointment.objects.filter(patient=patient_anna).count() == 3

    bram = client_at(ATTACKER)  # the same address, another account
    bram.force_login(patient_bram)
    assert api_post(bram, eva, at(5, 10).isoformat()).status_code == 201
    lines = security_lines(caplog)
    assert len(lines) == 50 and {r.who for r in lines} == {f"user:{patient_anna.pk}"}


def test_a_patient_books_at_most_n_a_day_on_the_pages_too(
    now, practice_a, eva, patient_anna, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "booking": "2/d/user"}
    client = client_at(VISITOR)
    client.force_login(patient_anna)
    for hour in (10, 11):
        url = book_url(practice_a, eva, at(3, hour), "follow_up", "in_person")
        assert client.post(url).status_code == 302
    Appointment.objects.update(status=Status.CANCELLED)
    url = book_url(practice_a, eva, at(3, 12), "follow_up", "in_person")
    response = client.post(url)
    assert response.status_code == 429
    assert "vandaag al veel afspraken geboekt" in response.content.decode()
    with time_machine.travel(now + timedelta(days=1), tick=False):
        tomorrow = client.post(book_url(practice_a, eva, at(4, 12), "follow_up", "in_person"))
        assert tomorrow.status_code == 302


def test_a_fourth_upcoming_appointment_at_one_practice_is_refused_with_a_clear_message(
    now, practice_a, eva, patient_anna
):
    client = Client()
    client.force_login(patient_anna)
    for hour in (10, 11, 12):
        url = book_url(practice_a, eva, at(3, hour), "follow_up", "in_person")
        assert client.post(url).status_code == 302
    response = client.post(book_url(practice_a, eva, at(3, 13), "follow_up", "in_person"))
    assert response.status_code == 409
    assert "zoveel komende afspraken" in response.content.decode()
    Appointment.objects.filter(start=at(3, 10)).update(status=Status.CANCELLED)
    again = client.post(book_url(practice_a, eva, at(3, 13), "follow_up", "in_person"))
    assert again.status_code == 302


# --- The 20-bad-token burst (e-mailed links) ------------------------------------------------


@pytest.fixture
def manage_path(now, practice_a, eva, patient_anna, mailoutbox, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(patient_anna)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(book_url(practice_a, eva, at(4, 10), "follow_up", "in_person"))
    [confirmation] = [m for m in mailoutbox if m.to == [patient_anna.email]]
    return link_in(confirmation, "link")


def test_20_wrong_tokens_from_one_client_then_429_yet_every_working_link_still_works(
    manage_path, caplog
):
    attacker = client_at(ATTACKER)
    guesses = [f"guess{number:03d}-{'x' * 40}" for number in range(25)]
    codes = [attacker.get(f"/afspraken/link/{token}/").status_code for token in guesses]
    assert codes == [404] * 20 + [429] * 5
    assert attacker.get(manage_path).status_code == 200  # the attacked client's own link works
    assert attacker.get(manage_path.rstrip("/") + "/annuleren/").status_code == 200
    visitor = client_at(VISITOR)
    assert visitor.get("/afspraken/link/another-wrong-token/").status_code == 404
    assert visitor.get(manage_path).status_code == 200

    logged = security_logged(caplog)
    token = manage_path.rstrip("/").rsplit("/", 1)[-1]
    assert len(security_lines(caplog)) == 5
    assert token not in logged and not any(guess[:8] in logged for guess in guesses)


def test_guesses_at_one_token_prefix_from_many_clients_are_limited_but_the_real_link_works(
    now, manage_path, settings
):
    appointment = Appointment.objects.get()
    real = "SHAREDPR" + "r" * 40
    AppointmentLink.objects.create(
        appointment=appointment, purpose=LinkPurpose.MANAGE, token_hash=links.hash_token(real),
        created_at=now, expires_at=appointment.start,
    )  # fmt: skip
    codes = [
        client_at(f"198.51.100.{n}").get(f"/afspraken/link/SHAREDPR-wrong-{n}/").status_code
        for n in range(12)
    ]
    assert codes == [404] * 10 + [429] * 2  # the default: 10 per prefix per 10 minutes
    assert client_at("198.51.100.99").get(f"/afspraken/link/{real}/").status_code == 200


def test_the_limit_page_for_links_is_a_clear_429_in_english_too(manage_path, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "link_guess": "1/10m/ip"}
    attacker = client_at(ATTACKER)
    attacker.get("/en/afspraken/link/wrong-one/")
    response = attacker.get("/en/afspraken/link/wrong-two/")
    assert response.status_code == 429
    assert "You tried many links in a short time" in response.content.decode()
