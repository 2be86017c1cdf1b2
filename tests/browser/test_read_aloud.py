"""Listen instead of read: the read-aloud control of lessons and exercise texts.

Headless Chromium has speechSynthesis but often no voices, so the browser's
speak() and cancel() are replaced by a recorder: the test checks what the page
asks the browser to say, and the state the control shows, not the audio.
"""

import pytest
from django.conf import settings
from django.utils import timezone

from exercises.content import load_scripts
from exercises.tests.conftest import FIXTURES
from programme.actions import load_content
from programme.models import Lesson
from tests.browser.conftest import assert_accessible
from tests.browser.test_exercises import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_SPEECH = """
window.__spoken = [];
window.__cancelled = 0;
speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
speechSynthesis.cancel = () => { window.__cancelled += 1; };
"""


@pytest.fixture
def anna_in_browser(page, live_server, patient_anna):
    load_content(content_dir=settings.BASE_DIR / "content", now=timezone.now())
    load_scripts(content_dir=FIXTURES)
    log_in(page, live_server, patient_anna)
    return patient_anna


def lesson_path() -> str:
    return f"/lessen/{Lesson.objects.get(week=1, order=1).key}/"


def test_a_lesson_is_read_aloud_with_play_pause_and_speed(page, live_server, anna_in_browser):
    page.add_init_script(RECORD_SPEECH)
    page.goto(live_server.url + lesson_path())
    play = page.get_by_role("button", name="Voorlezen")
    faster = page.get_by_role("button", name="1,2×", exact=True)
    normal = page.get_by_role("button", name="1×", exact=True)
    assert play.is_visible()
    assert page.get_by_role("group", name="Snelheid", exact=True).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    assert play.get_attribute("aria-pressed") == "false"
    assert normal.get_attribute("aria-pressed") == "true"
    assert_accessible(page)

    play.click()
    assert play.get_attribute("aria-pressed") == "true"
    spoken = page.evaluate("window.__spoken")
    first_block = page.locator("#lesson-text").locator("h1, h2, h3, p, li").first.inner_text()
    assert spoken == [{"text": first_block.strip(), "lang": "nl-NL", "rate": 1}]

    faster.click()
    assert faster.get_attribute("aria-pressed") == "true"
    assert normal.get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__spoken.at(-1).rate") == pytest.approx(1.2)
    assert page.evaluate("window.__spoken.length") == 2  # the same block again, faster

    cancelled = page.evaluate("window.__cancelled")
    play.click()
    assert play.get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__cancelled") > cancelled
    assert_accessible(page)

    page.reload()  # the speed is remembered on this device
    assert faster.get_attribute("aria-pressed") == "true"


def test_an_exercise_text_is_read_in_english_on_the_english_page(
    page, live_server, anna_in_browser
):
    page.add_init_script(RECORD_SPEECH)
    page.goto(live_server.url + "/en/oefeningen/pmr/")
    page.get_by_role("button", name="Read aloud").click()
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "en-GB" and spoken[0]["text"]
    assert page.get_by_role("button", name="Read aloud").get_attribute("aria-pressed") == "true"


def test_without_speech_synthesis_the_control_stays_hidden(page, live_server, anna_in_browser):
    page.add_init_script("delete window.speechSynthesis")
    page.goto(live_server.url + lesson_path())
    assert page.evaluate("'speechSynthesis' in window") is False
    assert page.locator("[data-read-aloud]").is_hidden()
    page.goto(live_server.url + "/oefeningen/pmr/")
    assert page.locator("[data-read-aloud]").is_hidden()
