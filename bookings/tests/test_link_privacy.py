"""A live e-mailed link: its pages are never stored by a cache and its token never logged."""

import io
import logging

import pytest

from bookings import actions
from bookings.tests.conftest import at
from bookings.tests.helpers import link_in
from pijnreset.logging import ScrubPersonalData

pytestmark = pytest.mark.django_db


@pytest.fixture
def manage_path(
    now, practice_a, eva, follow_up, patient_anna, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actions.book_slot(
            practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
            start=at(4, 10), now=now, patient=patient_anna,
        )  # fmt: skip
    [confirmation] = [m for m in mailoutbox if m.to == [patient_anna.email]]
    return link_in(confirmation, "link")


def test_the_manage_link_pages_answer_no_store(client, manage_path):
    for path in (manage_path, manage_path + "annuleren/", manage_path + "verzetten/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path


def test_a_live_link_token_reaches_no_log_line(client, manage_path):
    token = manage_path.rstrip("/").rsplit("/", 1)[-1]
    [handler] = [
        h
        for h in logging.getLogger("django").handlers
        if any(isinstance(f, ScrubPersonalData) for f in h.filters)
    ]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        client.get(manage_path)
        client.get(manage_path.rstrip("/"))  # the slash is added by a redirect
        client.get(manage_path + "bestaat-niet/")  # a 404, logged by Django
        client.post(manage_path + "verzetten/", {"start": "9999-99-99"})
    finally:
        handler.setStream(previous)
    assert "<redacted>" in buffer.getvalue()
    assert token not in buffer.getvalue()
