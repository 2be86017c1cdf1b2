"""Today's body kept rendered (programme/today_body.py): the same page as rendered in
full, with every form carrying a CSRF token of its own request that the site accepts,
and no text of a lesson or a person able to pass for the token's stand-in."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from diary.actions import start_flare
from pijnreset.kept_html import STAND_IN
from programme.models import LessonText
from programme.tests.helpers import enrol
from tests.kept_pages import TOKEN, TRICKY, without_tokens

pytestmark = pytest.mark.django_db


def page(client: Client) -> str:
    response = client.get("/vandaag/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def anna(patient_anna):
    client = Client(enforce_csrf_checks=True)
    client.force_login(patient_anna)
    return patient_anna, client


@pytest.mark.parametrize("state", ["not enrolled", "enrolled", "in a flare"])
def test_the_kept_body_is_the_page_rendered_in_full(anna, lessons, settings, state):
    patient, client = anna
    if state != "not enrolled":
        enrol(patient, days_ago=3)
        LessonText.objects.filter(language="nl").update(title=TRICKY)
    if state == "in a flare":
        start_flare(user=patient, now=timezone.now())
    page(client)
    kept = page(client)  # the body from the cache
    settings.DAY_STATE_CACHE = False
    full = page(client)
    assert without_tokens(kept) == without_tokens(full)
    assert f'value="{STAND_IN}"' not in kept
    assert TOKEN.findall(kept) and all(len(token) == 64 for token in TOKEN.findall(kept))
    if state == "enrolled":
        assert "A {token} and {{ braces }}, value=&quot;" + STAND_IN + "&quot; &lt;b&gt;" in kept


def test_each_kept_body_carries_a_token_the_site_accepts(anna, lessons):
    patient, client = anna
    enrol(patient, days_ago=3)
    page(client)
    first, second = TOKEN.findall(page(client))[0], TOKEN.findall(page(client))[0]
    assert first != second  # masked anew for every request, as {% csrf_token %} does
    assert client.post("/opvlamming/aan/", {"csrfmiddlewaretoken": "x" * 64}).status_code == 403
    response = client.post("/opvlamming/aan/", {"csrfmiddlewaretoken": second})
    assert response.status_code == 302
