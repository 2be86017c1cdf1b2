"""A guest's hold: picking the own held time again, the warning, holding longer once."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from bookings.models import Appointment, Status
from bookings.tests.conftest import at
from bookings.tests.helpers import book_url, link_in, with_proof

pytestmark = pytest.mark.django_db

GUEST = {"name": "Lotte", "email": "lotte@example.nl", "phone": "06 12345678"}
HELD = "/afspraken/boeken/check-je-mail/"
EXTEND = "/afspraken/boeken/check-je-mail/langer/"


@pytest.fixture
def url(practice_a, eva):
    return book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")


@pytest.fixture
def held(client, now, url, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, with_proof(GUEST))["Location"] == HELD
    return Appointment.objects.get()


def test_a_guest_who_picks_their_own_held_time_again_carries_on(client, url, held, mailoutbox):
    response = client.post(url, with_proof(GUEST))
    assert response.status_code == 302 and response["Location"] == HELD
    assert list(Appointment.objects.values_list("pk", "status")) == [(held.pk, Status.HELD)]
    assert len(mailoutbox) == 1  # no second hold, no second e-mail


def test_the_same_guest_in_another_browser_is_recognised_by_the_e_mail_address(url, held):
    other_browser = Client()
    response = other_browser.post(url, with_proof(GUEST | {"email": "Lotte@Example.nl"}))
    assert response.status_code == 302 and response["Location"] == HELD
    assert Appointment.objects.count() == 1
    page = other_browser.get(HELD).content.decode()
    assert "tot 08:30" in page and f'action="{EXTEND}"' in page


def test_someone_else_still_finds_the_held_time_taken(url, held):
    response = Client().post(url, with_proof(GUEST | {"email": "someone@example.nl"}))
    assert response.status_code == 409
    assert Appointment.objects.count() == 1


def test_the_held_page_shows_the_end_and_the_button_without_javascript(client, held):
    response = client.get(HELD)
    html = response.content.decode()
    assert "tot 08:30" in html  # 08:00 + 30 minutes, on the practice's clock
    assert f'action="{EXTEND}"' in html and "30 minuten langer vasthouden" in html
    assert 'data-seconds-left="1800"' in html
    assert 'src="/static/bookings/hold.js"' in html and 'type="module"' in html
    assert 'role="alert"' in html and "<script>" not in html


def test_holding_longer_works_once_and_keeps_the_confirmation_link_alive(
    client, now, held, mailoutbox, django_capture_on_commit_callbacks
):
    confirm_path = link_in(mailoutbox[0], "bevestigen")
    later = now + timedelta(minutes=28)
    with time_machine.travel(later, tick=False):
        response = client.post(EXTEND)
        assert response.status_code == 302 and response["Location"] == HELD
        held.refresh_from_db()
        assert (held.status, held.hold_expires_at, held.hold_extended_at) == (
            Status.HELD,
            later + timedelta(minutes=30),
            later,
        )
        again = client.post(EXTEND)
        assert again.status_code == 409
        assert "maar één keer langer vasthouden" in again.content.decode()
        page = client.get(HELD).content.decode()
        assert f'action="{EXTEND}"' not in page and "al een keer langer" in page
    held.refresh_from_db()
    assert held.hold_expires_at == later + timedelta(minutes=30)
    # After the first 30 minutes, the e-mailed link still confirms.
    with time_machine.travel(now + timedelta(minutes=45), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(confirm_path).status_code == 200
    held.refresh_from_db()
    assert held.status == Status.CONFIRMED


def test_a_lapsed_hold_is_taken_up_again_when_the_time_is_still_free(client, now, held):
    with time_machine.travel(now + timedelta(minutes=40), tick=False):
        assert "niet meer voor je vast" in client.get(HELD).content.decode()
        assert client.post(EXTEND).status_code == 302
    held.refresh_from_db()
    assert held.status == Status.HELD
    assert held.hold_expires_at == now + timedelta(minutes=70)


def test_a_lapsed_hold_whose_time_was_taken_cannot_be_extended(
    client, now, url, held, patient_bram
):
    with time_machine.travel(now + timedelta(minutes=40), tick=False):
        other = Client()
        other.force_login(patient_bram)
        assert other.post(url).status_code == 302  # Bram books the freed time
        response = client.post(EXTEND)
    assert response.status_code == 409
    held.refresh_from_db()
    assert held.status == Status.EXPIRED and held.hold_extended_at is None
    assert Appointment.objects.filter(status=Status.CONFIRMED, patient=patient_bram).count() == 1


def test_holding_longer_needs_the_browser_that_made_the_hold(held):
    response = Client().post(EXTEND)
    assert response.status_code == 404
    held.refresh_from_db()
    assert held.hold_extended_at is None
