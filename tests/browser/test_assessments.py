"""The ACR 2016 questionnaire with the body map, filled in with the keyboard only, in Dutch."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from assessments import actions
from assessments.models import Response
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab (only the keyboard) until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _next(page, heading: str) -> None:
    _tab_to(page, 'button[value="next"]')
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=heading, level=1).wait_for()
    assert_accessible(page)


def test_acr_2016_with_the_body_map_by_keyboard_only_shows_the_result_in_dutch(
    page, live_server, patient_anna
):
    actions.load_instruments(now=timezone.now())
    _log_in(page, live_server, patient_anna)
    page.goto(live_server.url + "/vragenlijsten/begin/acr2016/intake/")
    page.get_by_role("heading", name="Pijnplekken en klachten", level=1).wait_for()
    assert_accessible(page)

    _tab_to(page, 'button[value="steps"]:not(.button--quiet)')
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Waar had je de afgelopen week pijn?").wait_for()
    page.wait_for_selector('[data-body-map-svg][data-ready="1"]')
    assert_accessible(page)

    # One set of checkboxes (the picture is aria-hidden, never a Tab stop): Space toggles,
    # and the picture follows.
    _tab_to(page, 'input[type="checkbox"][data-area]')
    assert page.evaluate("document.activeElement.dataset.area") == "jaw_left"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.area") == "shoulder_girdle_left"
    page.keyboard.press("Space")
    assert page.locator("#pain_areas-jaw_left").is_checked()
    assert page.locator("#pain_areas-shoulder_girdle_left").is_checked()
    assert "is-selected" in page.locator('path[data-area="shoulder_girdle_left"]').get_attribute(
        "class"
    )
    _tab_to(page, "#pain_areas-neck")
    page.keyboard.press("Space")
    assert "is-selected" in page.locator('path[data-area="neck"]').get_attribute("class")
    # From the last area, the next Tab stop is the next step's button: no second set.
    _tab_to(page, "#pain_areas-abdomen", limit=19)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "next"
    assert_accessible(page)

    _next(page, "Hoeveel last had je de afgelopen week van moeheid?")
    for heading, presses in [
        (
            "Hoeveel last had je de afgelopen week van moe wakker worden, "
            "alsof je niet had geslapen?",
            2,
        ),
        (
            "Hoeveel last had je de afgelopen week van moeite met denken, "
            "onthouden of concentreren?",
            2,
        ),
        ("Had je de afgelopen 6 maanden last van hoofdpijn?", 1),
    ]:
        _tab_to(page, 'input[type="radio"]')
        for _ in range(presses):
            page.keyboard.press("ArrowDown")
        _next(page, heading)
    for heading, key in [
        ("Had je de afgelopen 6 maanden pijn of krampen onder in je buik?", "Space"),
        ("Voelde je je de afgelopen 6 maanden somber of neerslachtig?", "ArrowDown"),
        ("Heb je deze klachten al minstens 3 maanden, meestal?", "ArrowDown"),
        ("Kijk je antwoorden na", "Space"),
    ]:
        _tab_to(page, 'input[type="radio"]')
        page.keyboard.press(key)
        _next(page, heading)

    assert page.get_by_text("Kaak, links, Schouder, links, Nek").is_visible()
    _tab_to(page, 'button[type="submit"]:not(.link-button)')
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Je uitslag", level=1).wait_for()
    assert page.locator("html").get_attribute("lang") == "nl"
    main = page.locator("main").inner_text()
    assert "3 van 19" in main  # WPI: jaw, shoulder, neck
    assert "6 van 12" in main  # SSS: 2 + 2 + 1 + headache
    assert "9 van 31" in main and "matige klachten" in main
    assert "criteria" not in main.lower()
    assert_accessible(page)

    response = Response.objects.get()
    assert response.scores["wpi"] == 3 and response.scores["fs"] == 9
    assert response.answers["headaches"] is True and response.answers["depression"] is False


def test_phq9_on_a_wide_screen_lists_all_questions_and_shows_the_crisis_panel_first(
    page, live_server, patient_anna
):
    actions.load_instruments(now=timezone.now())
    _log_in(page, live_server, patient_anna)
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/vragenlijsten/begin/phq9/self/")
    page.get_by_role("button", name="Beginnen").click()  # the wide screen's start: the list
    page.get_by_role("heading", name="Hoe is je stemming?", level=1).wait_for()
    assert page.locator('input[type="radio"]').count() == 36
    assert_accessible(page, viewports=(DESKTOP,))

    for number in range(1, 10):
        value = "1" if number in (1, 9) else "0"
        page.locator(f'input[name="item{number}"][value="{value}"]').check()
    page.get_by_role("button", name="Mijn antwoorden nakijken").click()
    page.get_by_role("heading", name="Kijk je antwoorden na", level=1).wait_for()
    page.get_by_role("button", name="Mijn antwoorden versturen").click()
    page.get_by_role("heading", name="Je staat er niet alleen voor", level=1).wait_for()
    assert page.locator('a[href="tel:113"]').is_visible()
    assert_accessible(page, viewports=(DESKTOP, PHONE))
    page.get_by_role("link", name="Verder naar mijn uitslag").click()
    page.get_by_role("heading", name="Je uitslag", level=1).wait_for()
    assert_accessible(page, viewports=(DESKTOP, PHONE))

    page.goto(live_server.url + "/vragenlijsten/rode-vlaggen/")
    assert_accessible(page, viewports=(DESKTOP, PHONE))
