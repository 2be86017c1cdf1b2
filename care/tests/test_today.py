"""Homework and a message from the therapist on the patient's Today page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from care import actions
from care.tests.helpers import share

pytestmark = pytest.mark.django_db


def test_homework_and_a_message_show_on_today_while_the_share_is_active(
    client, patient_anna, therapist_eva, eva
):
    made = share(patient_anna, eva)
    now = timezone.now()
    actions.assign_homework(
        therapist=therapist_eva, share=made, kind="exercise", key="breathing", now=now
    )
    actions.send_message(therapist=therapist_eva, share=made, text="Mooi volgehouden!", now=now)
    client.force_login(patient_anna)
    page = client.get(reverse("programme:today")).content.decode()
    assert "Van je therapeut" in page
    assert "Mooi volgehouden!" in page
    assert reverse("exercises:breathing") in page
    actions.stop_share(patient=patient_anna, share=made, now=timezone.now())
    page = client.get(reverse("programme:today")).content.decode()
    assert "Mooi volgehouden!" not in page


def test_an_empty_or_too_long_message_is_refused_kindly(client, patient_anna, therapist_eva, eva):
    made = share(patient_anna, eva)
    client.force_login(therapist_eva)
    url = reverse("care_staff:message", args=[made.public_id])
    assert client.post(url, {"text": "   "}).status_code == 422
    assert client.post(url, {"text": "x" * 501}).status_code == 422
    assert client.post(url, {"text": "Tot donderdag"}).status_code == 302


def test_homework_and_a_message_set_after_today_was_shown_appear_at_once(
    client, patient_anna, therapist_eva, eva
):
    made = share(patient_anna, eva)
    client.force_login(patient_anna)
    assert "Mooi volgehouden!" not in client.get(reverse("programme:today")).content.decode()
    now = timezone.now()
    actions.send_message(therapist=therapist_eva, share=made, text="Mooi volgehouden!", now=now)
    assert "Mooi volgehouden!" in client.get(reverse("programme:today")).content.decode()
    actions.assign_homework(
        therapist=therapist_eva, share=made, kind="exercise", key="breathing", now=now
    )
    assert reverse("exercises:breathing") in client.get(reverse("programme:today")).content.decode()
