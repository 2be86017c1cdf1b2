"""The check-in page's body kept rendered (diary/views.py, pijnreset/kept_html.py): the
same page as rendered in full, for today and an earlier day, a token the site accepts,
and every change of the patient's check-ins shown at once."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from diary.actions import record_check_in
from diary.models import CheckInRevision
from diary.values import CheckInValues
from pijnreset.kept_html import STAND_IN
from tests.kept_pages import TOKEN, TRICKY, without_tokens

pytestmark = pytest.mark.django_db


def checked(html: str, pain: int) -> bool:
    return bool(re.search(rf'<input type="radio" name="pain" value="{pain}"[^>]* checked>', html))


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def record(patient, day, pain, note=""):  # type: ignore[no-untyped-def]
    record_check_in(
        patient=patient, day=day, values=CheckInValues(pain=pain, fatigue=3, note=note),
        now=timezone.now(), source=CheckInRevision.Source.FORM,
    )  # fmt: skip


@pytest.fixture
def anna(patient_anna):
    client = Client(enforce_csrf_checks=True)
    client.force_login(patient_anna)
    return patient_anna, client


@pytest.mark.parametrize("which", ["today", "two days ago"])
@pytest.mark.parametrize("filled", ["nothing", "the day before", "the day itself"])
def test_the_kept_body_is_the_page_rendered_in_full(anna, settings, which, filled):
    patient, client = anna
    today = patient.local_date()
    day = today if which == "today" else today - timedelta(days=2)
    path = "/dagboek/" if which == "today" else f"/dagboek/{day.isoformat()}/"
    if filled == "the day before":
        record(patient, day - timedelta(days=1), 6)
    if filled == "the day itself":
        record(patient, day, 7, note=TRICKY)
    page(client, path)
    kept = page(client, path)
    settings.DAY_STATE_CACHE = False
    assert without_tokens(kept) == without_tokens(page(client, path))
    assert f'value="{STAND_IN}"' not in kept
    assert TOKEN.findall(kept) and all(len(token) == 64 for token in TOKEN.findall(kept))


def test_a_change_shows_at_once_and_the_kept_form_can_be_sent(anna):
    patient, client = anna
    today = patient.local_date()
    assert not checked(page(client, "/dagboek/"), 5)
    record(patient, today, 5)  # by an action, not a request: the save's signal bumps
    html = page(client, "/dagboek/")
    assert checked(html, 5)
    token = TOKEN.findall(html)[-1]
    forged = client.post("/dagboek/", {"pain": "8", "csrfmiddlewaretoken": "x" * 64})
    assert forged.status_code == 403
    response = client.post("/dagboek/", {"pain": "8", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert checked(page(client, "/dagboek/"), 8)
