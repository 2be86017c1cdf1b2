"""The guided exercises in a real browser: the pacer's clock, reduced motion, axe.

Time is driven with Playwright's fake clock (`page.clock`): installed before
the page loads, it replaces performance.now, Date, setTimeout, setInterval
and requestAnimationFrame, so `run_for(60_000)` runs a whole minute of the
pacer in a moment, exactly as the production code runs it. After run_for the
fake clock stays paused, which also stops Playwright's own polling in the
page, so a test resumes it before waiting for something.
"""

import pytest
from django.test import Client
from django.utils import timezone

from exercises.content import load_scripts
from exercises.models import ExerciseSession, GratitudeEntry, MovementLog
from exercises.tests.conftest import FIXTURES
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def anna_in_browser(page, live_server, patient_anna):
    load_scripts(content_dir=FIXTURES)
    log_in(page, live_server, patient_anna)
    return patient_anna


def test_a_one_minute_breathing_session_runs_and_is_recorded_as_finished(
    page, live_server, anna_in_browser
):
    page.clock.install()
    page.goto(live_server.url + "/oefeningen/breathing/")
    assert_accessible(page)
    page.get_by_label("Hoe lang?").fill("1")
    page.get_by_role("button", name="Naar de oefening").click()
    page.get_by_role("button", name="Start").wait_for()
    assert_accessible(page)

    page.get_by_role("button", name="Start").click()
    cue = page.locator("[data-cue]")
    assert cue.text_content() == "Adem in door je neus"
    page.clock.run_for(5_000)
    assert cue.text_content() == "Houd vast"
    assert page.locator("[data-time-left]").text_content() == "0:55"
    page.clock.run_for(4_000)
    assert cue.text_content() == "Adem uit door je mond"
    assert page.locator('li[aria-current="step"]').get_attribute("data-phase") == "out"
    page.clock.run_for(51_000)
    page.clock.resume()  # run_for leaves the clock paused; Playwright's waiting needs it running

    page.get_by_role("heading", name="Klaar").wait_for()
    assert cue.text_content() == "Klaar. Merk op hoe je je nu voelt."
    session = ExerciseSession.objects.get(patient=anna_in_browser)
    assert (session.status, session.duration_seconds, session.planned_seconds) == (
        "finished",
        60,
        60,
    )
    assert_accessible(page)

    page.get_by_text("8", exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Daarna: 8 van de 10.").wait_for()
    session.refresh_from_db()
    assert (session.status, session.duration_seconds, session.feeling_after) == ("finished", 60, 8)
    assert_accessible(page)


def test_the_timer_keeps_time_from_the_clock_while_the_tab_is_hidden(
    page, live_server, anna_in_browser
):
    page.clock.install()
    page.goto(live_server.url + "/oefeningen/breathing/")
    page.get_by_label("Hoe lang?").fill("2")
    page.get_by_role("button", name="Naar de oefening").click()
    page.get_by_role("button", name="Start").click()
    # A hidden tab gets no animation frames and few timer ticks; jumping the
    # clock without firing the timers in between is the extreme case.
    page.clock.fast_forward(75_000)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert page.locator("[data-time-left]").text_content() == "0:45"
    # 75 s into cycles of 14 s: 5 cycles (70 s) and 5 s, so 1 s into holding.
    assert page.locator("[data-cue]").text_content() == "Houd vast"


def test_with_reduced_motion_the_pacer_shows_a_progress_bar_not_the_circle(
    page, live_server, anna_in_browser
):
    page.emulate_media(reduced_motion="reduce")
    page.clock.install()
    page.goto(live_server.url + "/oefeningen/breathing/")
    page.get_by_role("button", name="Naar de oefening").click()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(1_500)
    assert page.locator("[data-circle]").is_hidden()
    bar = page.locator("[data-phase-bar]")
    assert bar.is_visible()
    # The installed clock also flows on its own, and on a busy machine real time passes
    # between the click and run_for: at least 1.5 s of the 4 s of breathing in have gone
    # (a bar of 375 or more) and the phase has not ended. Bar and cue are read together.
    value, cue = page.evaluate(
        "() => [document.querySelector('[data-phase-bar]').value,"
        " document.querySelector('[data-cue]').textContent]"
    )
    assert cue == "Adem in door je neus"
    assert 375 <= int(value) < 1000
    assert_accessible(page)

    page.emulate_media(reduced_motion="no-preference")
    assert page.locator("[data-circle]").is_visible()
    assert page.locator("[data-phase-bar]").is_hidden()


def test_the_pure_timing_rule_evaluated_in_the_page(page, live_server):
    page.goto(live_server.url + "/hulp/")
    results = page.evaluate(
        """async () => {
          const t = await import('/static/exercises/timing.js');
          const breath = [{ms: 4000}, {ms: 4000}, {ms: 6000}];
          const steps = [{ms: 7000}, {ms: 20000}, {ms: 3000}];
          return {
            start: t.positionAt(0, breath, 60000, true),
            hold: t.positionAt(5000, breath, 60000, true),
            secondCycle: t.positionAt(14000 + 3000, breath, 60000, true),
            end: t.positionAt(60000, breath, 60000, true),
            negative: t.positionAt(-50, breath, 60000, true),
            stepsOnce: t.positionAt(29000, steps, 30000, false),
            stepsDone: t.positionAt(31000, steps, 30000, false),
            scaleIn: [t.breathScale('in', 0), t.breathScale('in', 0.5), t.breathScale('hold', 0.3)],
            clock: [t.formatClock(60000), t.formatClock(59001), t.formatClock(0)],
            noHold: [3999, 4000, 9999, 10000].map(
              (ms) => t.positionAt(ms, [{ms: 4000}, {ms: 0}, {ms: 6000}], 60000, true)),
            zeroLast: t.positionAt(4000, [{ms: 4000}, {ms: 0}], 4000, false),
          };
        }"""
    )
    assert (
        results["start"] | {"done": False, "index": 0, "cycle": 0, "progress": 0}
        == results["start"]
    )
    assert (results["hold"]["index"], results["hold"]["phaseElapsed"]) == (1, 1000)
    assert results["hold"]["phaseProgress"] == 0.25
    assert (results["secondCycle"]["cycle"], results["secondCycle"]["index"]) == (1, 0)
    assert results["secondCycle"]["phaseRemainingMs"] == 1000
    assert results["end"]["done"] is True and results["end"]["remainingMs"] == 0
    assert results["end"]["progress"] == 1
    assert results["negative"]["progress"] == 0 and results["negative"]["done"] is False
    assert (results["stepsOnce"]["index"], results["stepsOnce"]["cycle"]) == (2, 0)
    assert results["stepsDone"]["done"] is True
    assert results["scaleIn"][0] == pytest.approx(0.45) and results["scaleIn"][2] == 1
    assert 0.45 < results["scaleIn"][1] < 1
    assert results["clock"] == ["1:00", "1:00", "0:00"]
    # Breathing without a hold: the 0-s hold is never the current phase.
    assert [(r["index"], r["cycle"]) for r in results["noHold"]] == [(0, 0), (2, 0), (2, 0), (0, 1)]
    assert results["zeroLast"]["done"] is True and results["zeroLast"]["phaseProgress"] == 1


def test_every_exercise_page_is_accessible(page, live_server, anna_in_browser):
    now = timezone.now()
    today = anna_in_browser.local_date(now)
    MovementLog.objects.create(
        patient=anna_in_browser,
        local_date=today,
        activity="walk",
        minutes=15,
        felt="fine",
        symptoms_after="same",
        note="Rondje park",
        created_at=now,
    )
    GratitudeEntry.objects.create(
        patient=anna_in_browser, local_date=today, first="Zon", updated_at=now
    )
    for path in (
        "/oefeningen/",
        "/oefeningen/pmr/",
        "/oefeningen/body_scan/",
        "/oefeningen/movement/",
        "/oefeningen/gratitude/",
        "/oefeningen/social/",
        "/oefeningen/emotion/",
        "/en/oefeningen/",
    ):
        page.goto(live_server.url + path)
        assert_accessible(page)

    page.goto(live_server.url + "/oefeningen/pmr/")
    page.get_by_text("Kort (ongeveer 5 minuten)").click()
    page.get_by_role("button", name="Naar de oefening").click()
    page.get_by_role("button", name="Start").click()
    assert page.locator('li[aria-current="step"]').get_attribute("data-phase") == "tense"
    page.get_by_role("button", name="Pauze").click()  # keep the page still while axe looks
    assert page.get_by_role("button", name="Verder").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Nu stoppen").click()
    page.get_by_text("Je bent eerder gestopt.").wait_for()
    assert ExerciseSession.objects.get(exercise="pmr").status == "stopped"
    assert_accessible(page)
