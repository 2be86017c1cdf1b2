"""Exercises on a 390x844 phone: Start in view, spoken cues offered and remembered, wake lock."""

import pytest

from exercises.content import load_scripts
from exercises.tests.conftest import FIXTURES
from tests.browser.test_exercises import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def anna_in_browser(page, live_server, patient_anna):
    load_scripts(content_dir=FIXTURES)
    log_in(page, live_server, patient_anna)
    return patient_anna


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    viewport = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]


def open_session(page, live_server, path: str) -> None:
    page.goto(live_server.url + path)
    page.get_by_role("button", name="Naar de oefening").scroll_into_view_if_needed()
    page.get_by_role("button", name="Naar de oefening").click()
    page.get_by_role("button", name="Start").wait_for()


SESSIONS = ["/oefeningen/breathing/", "/oefeningen/pmr/", "/oefeningen/body_scan/"]


@pytest.mark.parametrize("path", SESSIONS)
def test_start_is_in_view_on_a_phone(page, live_server, anna_in_browser, path):
    open_session(page, live_server, path)
    page.evaluate("window.scrollTo(0, 0)")
    assert in_viewport(page, page.get_by_role("button", name="Start"))


@pytest.mark.parametrize("path", SESSIONS)
def test_go_to_the_exercise_is_in_view_on_the_start_page_without_scrolling(
    page, live_server, anna_in_browser, path
):
    page.goto(live_server.url + path)
    page.get_by_role("heading", level=1).wait_for()
    assert page.evaluate("window.scrollY") == 0
    button = page.get_by_role("button", name="Naar de oefening")
    assert in_viewport(page, button)
    # Not under the tab bar at the bottom either.
    bar = page.get_by_role("navigation", name="Hoofdmenu").bounding_box()
    box = button.bounding_box()
    assert bar is not None and box is not None and box["y"] + box["height"] <= bar["y"]


COUNT_WAKE_LOCKS = """
window.__wakeLocks = { requested: 0, released: 0 };
if ('wakeLock' in navigator) {
  const real = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = async (type) => {
    window.__wakeLocks.requested += 1;
    const sentinel = await real(type);
    window.__wakeLocks.last = sentinel;
    sentinel.addEventListener('release', () => { window.__wakeLocks.released += 1; });
    return sentinel;
  };
}
"""


def test_the_spoken_cues_choice_is_offered_next_to_start_and_remembered(
    page, live_server, anna_in_browser
):
    open_session(page, live_server, "/oefeningen/breathing/")
    toggle = page.get_by_role("button", name="Gesproken aanwijzingen")
    assert in_viewport(page, toggle)
    assert toggle.get_attribute("aria-pressed") == "false"  # the start page's default
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.reload()
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    page.reload()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.evaluate("localStorage.getItem('pijnreset.spokenCues')") == "false"


def test_the_screen_stays_on_while_the_session_runs(page, live_server, anna_in_browser):
    page.add_init_script(COUNT_WAKE_LOCKS)
    open_session(page, live_server, "/oefeningen/breathing/")
    if not page.evaluate("'wakeLock' in navigator"):
        pytest.fail("this Chromium has no Screen Wake Lock API; the test cannot check it")
    page.get_by_role("button", name="Start").click()
    page.wait_for_function("window.__wakeLocks.requested === 1")
    # The browser drops the lock when the tab is hidden; back in view, it is taken again.
    page.evaluate("window.__wakeLocks.last.release()")
    page.wait_for_function("window.__wakeLocks.released === 1")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.wait_for_function("window.__wakeLocks.requested === 2")
    page.get_by_role("button", name="Pauze").click()
    page.wait_for_function("window.__wakeLocks.released === 2")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert page.evaluate("window.__wakeLocks.requested") == 2  # paused: the screen may dim
    page.get_by_role("button", name="Verder").click()
    page.wait_for_function("window.__wakeLocks.requested === 3")


def test_without_the_wake_lock_api_the_session_runs_without_errors(
    page, live_server, anna_in_browser
):
    page.add_init_script("delete Navigator.prototype.wakeLock")
    open_session(page, live_server, "/oefeningen/breathing/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Pauze").wait_for()
    assert page.evaluate("'wakeLock' in navigator") is False
    # The page fixture fails the test on any console error.


def test_the_start_page_offers_spoken_cues_as_last_chosen(page, live_server, anna_in_browser):
    page.goto(live_server.url + "/oefeningen/pmr/")
    box = page.get_by_label("Lees de aanwijzingen hardop voor")
    assert not box.is_checked()  # off unless the patient switches it on
    box.check()
    page.goto(live_server.url + "/oefeningen/body_scan/")
    assert box.is_checked()
    page.get_by_role("button", name="Naar de oefening").click()
    toggle = page.get_by_role("button", name="Gesproken aanwijzingen")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    page.goto(live_server.url + "/oefeningen/breathing/")
    assert not page.get_by_label("Lees de aanwijzingen hardop voor").is_checked()
