"""Red flags at intake, in Dutch: a stroke sign shows "Bel 112" first, as a number to tap."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from assessments.models import RedFlagCheck
from assessments.redflags import QUESTIONS
from assessments.safety import exercises_paused
from programme import actions as programme
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def test_a_stroke_sign_at_intake_shows_call_112_first_with_a_tappable_number(
    page, live_server, patient_anna
):
    programme.enrol(user=patient_anna, started_on=patient_anna.local_date(), now=timezone.now())
    _log_in(page, live_server, patient_anna)
    page.goto(live_server.url + "/vandaag/")
    page.get_by_role("link", name="Een paar veiligheidsvragen").click()
    page.get_by_role("heading", name="Een paar veiligheidsvragen", level=1).wait_for()
    assert_accessible(page)

    questions = page.locator("fieldset.question")
    assert questions.count() == len(QUESTIONS)
    stroke = questions.filter(has_text="Hangt je gezicht plotseling scheef")
    stroke.get_by_label("Ja").check()
    for index in range(1, len(QUESTIONS)):
        questions.nth(index).get_by_label("Nee").check()
    page.get_by_role("button", name="Mijn antwoorden versturen").click()

    page.get_by_role("heading", name="Bel nu 112", level=1).wait_for()
    main = page.locator("main")
    # First in the content: the heading, then the number to call, before anything else.
    assert main.locator("h1, h2").first.inner_text() == "Bel nu 112"
    first_link = main.locator("a, button").first
    assert first_link.inner_text() == "Bel 112"
    assert first_link.get_attribute("href") == "tel:112"
    box = first_link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]  # no scrolling
    assert box["height"] >= 24  # a target big enough to tap (WCAG 2.2, 2.5.8)
    assert_accessible(page, viewports=(PHONE, DESKTOP))

    check = RedFlagCheck.objects.get(patient=patient_anna)
    assert (check.routing, check.context) == ("emergency", "intake")
    assert exercises_paused(patient_anna)

    # A doctor already knows: the exercises open again.
    page.get_by_role("button", name="Een arts weet hier al van").click()
    page.get_by_role("heading", name="De oefeningen staan weer open").wait_for()
    assert not exercises_paused(patient_anna)
    assert RedFlagCheck.objects.get(patient=patient_anna).resumed_because == "doctor_knows"
