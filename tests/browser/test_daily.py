"""The daily programme in a real browser, in Dutch and in English.

A patient logs in, checks in (timed: under 30 seconds), does a one-minute
breathing session, reads the lesson of the day and sees all three marked done
on Today. Then the Today page walks through the 12 weeks with frozen time
(time_machine patches the whole process, so the live server thread, which
renders the pages, sees the travelled time too).

The breathing pacer's minute runs on Playwright's fake clock (`page.clock`),
as in test_exercises.py: `run_for` moves the page's timers on at once.
"""

import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from diary.models import CheckIn
from exercises.models import ExerciseSession
from programme.actions import load_content
from programme.models import Enrolment, Lesson, LessonProgress, LessonText
from tests.browser.conftest import (
    assert_accessible,
    assert_no_problems,
    logged_in_context,
    watched_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "nl": {
        "prefix": "", "email": "E-mailadres", "password": "Wachtwoord", "log_in": "Aanmelden",
        "today": "Vandaag", "checkin": "Check-in", "pain": "Pijn", "tiredness": "Moeheid",
        "sleep": "Slaap", "save": "Opslaan", "saved": "Dank je wel.",
        "read": "Ik heb deze les gelezen", "week": "week {} van 12",
    },
    "en": {
        "prefix": "/en", "email": "Email", "password": "Password", "log_in": "Sign In",
        "today": "Today", "checkin": "Check-in", "pain": "Pain", "tiredness": "Tiredness",
        "sleep": "Sleep", "save": "Save", "saved": "Thank you.",
        "read": "Mark as read", "week": "week {} of 12",
    },
}  # fmt: skip


@pytest.fixture
def content(transactional_db):
    load_content(content_dir=settings.BASE_DIR / "content", now=timezone.now())


def choose(page, legend: str, value: int) -> None:
    """Tap a number on a 0-10 scale (the label is the big target)."""
    group = page.get_by_role("group", name=legend, exact=False)
    group.locator(f'label[for$="_{value}"]').first.click()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_patient_checks_in_breathes_a_minute_reads_a_lesson_and_sees_it_all_done(
    page, live_server, content, password, patient_anna, language
):
    text = TEXTS[language]
    url = live_server.url + text["prefix"]
    patient_anna.preferred_language = language
    patient_anna.save()
    Enrolment.objects.create(user=patient_anna, started_on=patient_anna.local_date())
    page.clock.install()  # the pacer's timers run on a fake clock; it keeps real time until told

    page.goto(url + "/account/login/")
    page.get_by_label(text["email"]).fill(patient_anna.email)
    page.get_by_label(text["password"]).fill(password)
    page.get_by_role("button", name=text["log_in"]).click()
    page.wait_for_url("**/vandaag/")  # patients land on Today
    page.goto(url + "/vandaag/")
    page.get_by_role("heading", name=text["today"], level=1).wait_for()
    assert_accessible(page)

    # The check-in page, with the body map open, is accessible. (Its error state answers
    # 422, which Chromium logs as a console error, so that is checked without a browser.)
    page.get_by_role("main").get_by_role("link", name=text["checkin"], exact=True).click()
    page.locator("details.checkin-areas summary").click()
    assert_accessible(page)

    # The check-in itself, timed from the Today page to the saved answer.
    page.goto(url + "/vandaag/")
    started = time.perf_counter()
    page.get_by_role("main").get_by_role("link", name=text["checkin"], exact=True).click()
    choose(page, text["pain"], 4)
    choose(page, text["tiredness"], 6)
    choose(page, text["sleep"], 5)
    page.get_by_role("button", name=text["save"], exact=True).click()
    page.get_by_text(text["saved"]).wait_for()
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"check-in took {elapsed:.1f} s"
    saved = CheckIn.objects.get(patient=patient_anna)
    assert (saved.pain, saved.fatigue, saved.sleep_quality) == (4, 6, 5)
    assert_accessible(page)

    # The practice of the day (week 1: breathing), one minute.
    page.locator(".today-item").nth(2).get_by_role("link").click()
    # (The pacer is the exercises app's: found by its form and data attributes, so a
    # change of wording there does not break this journey.)
    page.locator("form.start-form [name=minutes]").fill("1")
    page.locator("form.start-form button[type=submit]:not([name=no_hold])").first.click()
    page.locator("[data-begin]").click()
    page.clock.run_for(61_000)
    page.clock.resume()
    page.locator("[data-done-panel]").wait_for()
    assert ExerciseSession.objects.get(patient=patient_anna).status == "finished"
    assert_accessible(page)

    # The lesson of the day.
    page.goto(url + "/vandaag/")
    title = LessonText.objects.get(lesson__week=1, lesson__order=1, language=language).title
    page.get_by_role("link", name=title).click()
    page.get_by_role("heading", name=title, level=1).wait_for()
    assert_accessible(page)
    page.get_by_role("button", name=text["read"]).click()
    page.get_by_role("heading", name=text["today"], level=1).wait_for()
    assert LessonProgress.objects.filter(user=patient_anna).count() == 1

    done = page.locator(".today-item--done")
    assert done.count() == 3, page.locator(".today-list").inner_text()
    assert_accessible(page)


ZONE = ZoneInfo("Europe/Amsterdam")


def log_in_with_cookie(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_today_walks_through_the_weeks_as_days_pass(browser, live_server, content, patient_anna):
    # A start date in the future, so the frozen days lie ahead of the browser's own clock
    # and the session cookies made "then" are not already expired for it.
    start = timezone.localdate(timezone.now(), ZONE) + timedelta(days=30)
    Enrolment.objects.create(user=patient_anna, started_on=start)
    for day, week, order in ((1, 1, 1), (29, 5, 1), (84, 12, 3)):
        moment = datetime.combine(start + timedelta(days=day - 1), clock_time(9, 0), ZONE)
        with time_machine.travel(moment, tick=True):
            # Each day in a browser of its own, as a new visit: the service worker of the
            # day before still warms its pages with that day's session, which is over by
            # now; the answer would delete the new day's cookie in a shared browser.
            context = logged_in_context(browser, live_server, patient_anna)
            page, problems = watched_page(context, live_server)
            page.goto(live_server.url + "/vandaag/")
            lesson = Lesson.objects.get(week=week, order=order)
            title = lesson.texts.get(language="nl").title
            page.get_by_text(TEXTS["nl"]["week"].format(week)).wait_for()
            assert page.get_by_role("link", name=title).is_visible()
            assert_accessible(page)
            context.close()
            assert_no_problems(problems)


def test_the_api_docs_work_under_the_strict_csp(page, live_server):
    response = page.goto(live_server.url + "/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_text("/api/v1/checkins/{date}").first.wait_for()
    # No CSP violation (the page fixture fails on any console error). No axe check here:
    # this is django-ninja's own Swagger UI page for developers, and axe finds problems
    # in Swagger UI's markup and colours (contrast, nested controls, no lang) that we do
    # not control.
