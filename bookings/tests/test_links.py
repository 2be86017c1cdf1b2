"""Links in e-mails: GET shows a page, only a POST with CSRF changes anything;
tokens are random, rate-limited, and a wrong or used one reveals nothing."""

import re

import pytest
from django.test import Client

from bookings import actions
from bookings.models import Status
from bookings.tests.conftest import at
from bookings.tests.helpers import link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = actions.book_slot(
            practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
            start=at(4, 10), now=now, patient=patient_anna,
        )  # fmt: skip
    [confirmation] = [m for m in mailoutbox if m.to == [patient_anna.email]]
    return appointment, link_in(confirmation, "link")


def test_opening_the_link_changes_nothing(client, booked):
    appointment, path = booked
    for page in (path, path + "annuleren/", path + "verzetten/"):
        assert client.get(page).status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == Status.CONFIRMED and appointment.sequence == 0


def test_cancel_by_link_needs_a_post_with_csrf(booked):
    appointment, path = booked
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(path + "annuleren/").status_code == 403
    appointment.refresh_from_db()
    assert appointment.status == Status.CONFIRMED
    page = strict.get(path + "annuleren/")
    token = page.cookies["csrftoken"].value
    response = strict.post(path + "annuleren/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED


def test_a_used_link_reveals_nothing(client, booked):
    appointment, path = booked
    client.post(path + "annuleren/")
    used = client.get(path)
    wrong = client.get("/afspraken/link/" + "A" * 43 + "/")
    assert used.status_code == wrong.status_code == 404
    assert _without_links(used.content.decode()) == _without_links(wrong.content.decode())
    assert appointment.patient.email not in used.content.decode()


def _without_links(html: str) -> str:
    return re.sub(r"/afspraken/link/[^/\"]+/", "/afspraken/link/X/", html)


def test_a_link_stops_working_once_the_appointment_has_started(client, booked, now):
    import time_machine

    appointment, path = booked
    with time_machine.travel(appointment.start, tick=False):
        assert client.get(path).status_code == 404


def test_tokens_are_random_and_not_derived_from_ids(
    booked,
    now,
    practice_a,
    eva,
    follow_up,
    patient_bram,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    appointment, path = booked
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert (
        len(token) >= 43
        and str(appointment.pk) != token
        and str(appointment.public_id) not in token
    )


def test_wrong_links_are_rate_limited_per_address_but_a_working_link_always_works(client, booked):
    _appointment, path = booked
    for number in range(20):  # the default: 20 wrong guesses per address per 10 minutes
        assert client.get(f"/afspraken/link/wrong-{number}-does-not-exist/").status_code == 404
    assert client.get("/afspraken/bevestigen/whatever/").status_code == 429
    assert client.get(path).status_code == 200
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get("/afspraken/link/wrong-token/").status_code == 404


def test_the_link_page_shows_the_appointment_in_the_practices_time(client, booked):
    _appointment, path = booked
    assert "woensdag 4 maart 2026, 10:00–10:30" in client.get(path).content.decode()
