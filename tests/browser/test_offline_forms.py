"""Issue 19: a page that needs the network says so kindly. A form sent while offline (here a
lesson's note) is not lost to the browser's error page: the page says why and keeps it."""

import pytest

from programme.models import LessonProgress
from tests.browser import test_offline as offline
from tests.browser.test_offline import CONTROLLED, _wait_for, _wait_until_cached

# The offline tests' fixtures: Anna on a phone, in week 1 of the programme.
context, phone, lessons, morning = offline.context, offline.phone, offline.lessons, offline.morning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lesson_note_sent_offline_stays_typed_and_the_page_says_why(
    phone, context, live_server, patient_anna, morning
):
    lesson_url = f"/lessen/{morning.lesson.key}/"
    phone.goto(live_server.url + "/vandaag/")
    phone.wait_for_function(CONTROLLED)
    _wait_until_cached(phone, lesson_url)

    context.set_offline(True)
    phone.goto(live_server.url + lesson_url)
    note = phone.locator("textarea").first
    note.fill("Rustig ademen hielp vandaag.")
    phone.get_by_role("button", name="Ik heb deze les gelezen").click()
    phone.locator("#offline-status").get_by_text("Je bent offline").wait_for()
    assert phone.url == live_server.url + lesson_url
    assert note.input_value() == "Rustig ademen hielp vandaag."

    context.set_offline(False)
    phone.get_by_role("button", name="Ik heb deze les gelezen").click()
    _wait_for(
        lambda: LessonProgress.objects.filter(user=patient_anna).count() == 1,
        "the lesson was not marked as read once online",
    )
    assert (
        LessonProgress.objects.get(user=patient_anna).reflection == "Rustig ademen hielp vandaag."
    )
