"""Offline-first on a 390x844 phone (issue 19, docs/offline.md).

The service worker registers and controls the page; offline, the help page and the
check-in open from its cache; a check-in saved offline waits on the device and is sent
once when the connection returns: exactly one row, nothing doubled by a second sync.
"""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError

from diary.models import CheckIn, CheckInRevision
from exercises.content import load_scripts
from exercises.models import ExerciseSession
from exercises.tests.conftest import FIXTURES
from pijnreset import views
from programme.models import Lesson, LessonText
from programme.tests.helpers import enrol, lessons  # noqa: F401  (fixture)
from tests.browser.conftest import (
    assert_accessible,
    assert_no_problems,
    logged_in_context,
    watched_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The version in the names of the worker's caches (js/sw.js): which worker filled them.
VERSION = """async () => (await caches.keys())
    .filter(name => name.startsWith("pijnreset-static-")).sort().join()"""
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
CACHED = "url => caches.match(url, {ignoreVary: true}).then(found => Boolean(found))"


@pytest.fixture
def context(browser, live_server, patient_anna):
    """A phone context (390x844, Dutch), logged in as Anna by cookie."""
    context = logged_in_context(browser, live_server, patient_anna)
    yield context
    context.close()


@pytest.fixture
def phone(context, live_server):
    page, problems = watched_page(context, live_server)
    yield page
    assert_no_problems(problems)


def _wait_until_cached(page, *urls, timeout=15.0):
    # page.evaluate awaits the promise (wait_for_function would not).
    deadline = time.monotonic() + timeout
    for url in urls:
        while not page.evaluate(CACHED, url):
            assert time.monotonic() < deadline, f"{url} was not cached"
            time.sleep(0.1)


def _wait_for_rows(patient, count, timeout=10.0):
    deadline = time.monotonic() + timeout
    while CheckIn.objects.filter(patient=patient).count() != count:
        assert time.monotonic() < deadline, "the queued check-in was not sent"
        time.sleep(0.1)


def test_offline_check_in_waits_on_the_device_and_is_sent_once(
    phone, context, live_server, patient_anna
):
    phone.goto(live_server.url + "/dagboek/")
    phone.wait_for_function(CONTROLLED)
    # The worker keeps the help page (no cookies) and, asked by the page, today's check-in.
    _wait_until_cached(phone, "/hulp/", "/offline/", "/dagboek/")

    context.set_offline(True)
    phone.goto(live_server.url + "/hulp/")
    assert phone.locator('a[href="tel:113"]').count() >= 1
    phone.goto(live_server.url + "/vandaag/")  # Today as last seen
    assert phone.locator("h1").inner_text() != "Je bent offline"
    assert phone.evaluate("() => document.querySelector('main h1') !== null")
    phone.goto(live_server.url + "/dagboek/")
    phone.get_by_role("heading", name="Hoe gaat het vandaag?", level=1).wait_for()
    phone.locator('label[for="id_pain_6"]').click()
    phone.locator('label[for="id_fatigue_4"]').click()
    phone.locator(".checkin-save--first").get_by_role("button", name="Opslaan").click()
    status = phone.locator("#offline-status")
    status.get_by_text("wordt verstuurd zodra je online bent").first.wait_for()
    assert CheckIn.objects.filter(patient=patient_anna).count() == 0
    assert_accessible(phone)

    # A page the worker never kept: a kind page instead of the browser's error.
    phone.goto(live_server.url + "/over/")
    phone.get_by_role("heading", name="Je bent offline", level=1).wait_for()
    assert phone.get_by_role("link", name="Open de hulppagina").get_attribute("href") == "/hulp/"
    assert_accessible(phone)

    context.set_offline(False)
    phone.goto(live_server.url + "/dagboek/")  # the next page load sends what waits
    _wait_for_rows(patient_anna, 1)
    saved = CheckIn.objects.get(patient=patient_anna)
    assert saved.date == patient_anna.local_date(timezone.now())
    assert (saved.pain, saved.fatigue, saved.mood, saved.flare) == (6, 4, None, False)
    phone.wait_for_function("() => !document.getElementById('offline-status')")
    assert (
        phone.evaluate(
            """() => new Promise(resolve => {
            const open = indexedDB.open("pijnreset-offline");
            open.onsuccess = () => {
                const read = open.result.transaction("checkins").objectStore("checkins").count();
                read.onsuccess = () => resolve(read.result);
            };
        })"""
        )
        == 0
    )

    # A second sync (another load) changes nothing: one row, no revision.
    phone.reload()
    phone.wait_for_load_state("networkidle")
    assert CheckIn.objects.filter(patient=patient_anna).count() == 1
    assert CheckIn.objects.get(patient=patient_anna).updated_at == saved.updated_at
    assert not CheckInRevision.objects.filter(check_in__patient=patient_anna).exists()


def test_log_out_forgets_the_pages_kept_for_the_patient(phone, live_server):
    phone.goto(live_server.url + "/dagboek/")
    phone.wait_for_function(CONTROLLED)
    _wait_until_cached(phone, "/dagboek/")
    phone.goto(live_server.url + "/meer/")  # on a phone, log-out is under Meer
    phone.get_by_role("button", name="Uitloggen").click()
    phone.wait_for_url(lambda url: "/meer/" not in url)
    assert not phone.evaluate(CACHED, "/dagboek/")
    assert phone.evaluate(CACHED, "/hulp/")  # the help page stays, it is nobody's


PUT_IN_QUEUE = """item => new Promise((resolve, reject) => {
    const open = indexedDB.open("pijnreset-offline");
    open.onupgradeneeded = () => open.result.createObjectStore("checkins", {keyPath: "key"});
    open.onsuccess = () => {
        const transaction = open.result.transaction("checkins", "readwrite");
        transaction.objectStore("checkins").put(item);
        transaction.oncomplete = () => resolve(true);
        transaction.onerror = () => reject(transaction.error);
    };
})"""


def test_a_check_in_for_a_day_outside_the_window_stays_and_says_why(
    phone, live_server, patient_anna
):
    """Saved offline ten days ago, sent only now: the server refuses (422); it is kept."""
    day = (patient_anna.local_date(timezone.now()) - timedelta(days=10)).isoformat()
    phone.goto(live_server.url + "/hulp/")
    item = {
        "key": f"{patient_anna.pk}:{day}",
        "user": str(patient_anna.pk),
        "date": day,
        "values": {"pain": 5, "flare": False, "note": "", "pain_areas": []},
        "saved_at": "2026-01-01T08:00:00Z",
        "client_id": "test",
    }
    phone.evaluate(PUT_IN_QUEUE, item)
    phone.goto(live_server.url + "/dagboek/")
    refused = phone.locator("#offline-status .message--error")
    refused.get_by_text("kon niet worden verstuurd").wait_for()
    assert "blijft op dit apparaat" in refused.inner_text()
    assert not CheckIn.objects.filter(patient=patient_anna).exists()
    assert_accessible(phone)

    phone.reload()  # still there after another try: never dropped silently
    refused.get_by_text("kon niet worden verstuurd").wait_for()
    refused.get_by_role("button", name="Verwijder van dit apparaat").click()
    phone.wait_for_function("() => !document.getElementById('offline-status')")


def _version_now(phone):
    """The controlling worker's version, or None while the page is reloading."""
    try:
        return phone.evaluate(VERSION)
    except PlaywrightError:  # the reload after "vernieuwen" replaced the page mid-question
        return None


def test_a_new_version_waits_until_the_patient_refreshes(phone, live_server, settings, monkeypatch):
    phone.goto(live_server.url + "/hulp/")
    phone.wait_for_function(CONTROLLED)
    first = phone.evaluate("() => navigator.serviceWorker.controller.scriptURL")
    # A deploy: one more file to keep gives the worker a new version.
    settings.DEBUG = True
    monkeypatch.setattr(views, "SW_STATIC", (*views.SW_STATIC, "programme/icon.svg"))
    phone.evaluate("async () => (await navigator.serviceWorker.ready).update()")
    update = phone.get_by_role("button", name="Nieuwe versie: vernieuwen")
    update.wait_for()
    assert_accessible(phone)
    old_version = phone.evaluate(VERSION)
    update.click()
    phone.wait_for_load_state("load")
    phone.wait_for_function(CONTROLLED)
    deadline = time.monotonic() + 10
    while _version_now(phone) in (old_version, None):
        assert time.monotonic() < deadline, "the new worker did not take over"
        time.sleep(0.1)
    assert phone.evaluate("() => navigator.serviceWorker.controller.scriptURL") == first
    assert phone.get_by_role("button", name="Nieuwe versie: vernieuwen").count() == 0


def test_a_note_sent_later_that_mentions_dying_still_offers_help(phone, live_server, patient_anna):
    """The crisis rule (docs/clinical.md 6) holds for a check-in sent from the queue."""
    day = patient_anna.local_date(timezone.now()).isoformat()
    phone.goto(live_server.url + "/hulp/")
    values = {"pain": 8, "flare": False, "note": "ik wil dood", "pain_areas": []}
    phone.evaluate(
        PUT_IN_QUEUE,
        {
            "key": f"{patient_anna.pk}:{day}",
            "user": str(patient_anna.pk),
            "date": day,
            "values": values,
            "saved_at": "2026-01-01T08:00:00Z",
            "client_id": "t",
        },
    )
    phone.goto(live_server.url + "/over/")
    status = phone.locator("#offline-status")
    status.get_by_role("link", name="Laat zien met wie ik kan praten").wait_for()
    assert status.get_by_role("link").get_attribute("href") == "/hulp/"
    assert CheckIn.objects.get(patient=patient_anna).note == "ik wil dood"
    assert_accessible(phone)


COUNT_QUEUE = """() => new Promise(resolve => {
    const open = indexedDB.open("pijnreset-offline");
    open.onsuccess = () => {
        const read = open.result.transaction("checkins").objectStore("checkins").count();
        read.onsuccess = () => resolve(read.result);
    };
})"""


def test_log_out_asks_before_deleting_what_was_not_sent(phone, live_server, patient_anna):
    day = (patient_anna.local_date(timezone.now()) - timedelta(days=10)).isoformat()
    phone.goto(live_server.url + "/hulp/")
    item = {
        "key": f"{patient_anna.pk}:{day}",
        "user": str(patient_anna.pk),
        "date": day,
        "values": {"pain": 5},
        "saved_at": "2026-01-01T08:00:00Z",
        "client_id": "t",
    }
    phone.evaluate(PUT_IN_QUEUE, item)
    phone.goto(live_server.url + "/dagboek/")
    phone.locator("#offline-status .message--error").wait_for()

    phone.goto(live_server.url + "/meer/")  # on a phone, log-out is under Meer
    asked = []
    phone.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    phone.get_by_role("button", name="Uitloggen").click()
    phone.wait_for_timeout(500)
    assert asked and "Toch uitloggen?" in asked[0]
    assert "/meer/" in phone.url and phone.evaluate(COUNT_QUEUE) == 1  # kept, still in

    phone.once("dialog", lambda dialog: dialog.accept())
    phone.get_by_role("button", name="Uitloggen").click()
    phone.wait_for_url(lambda url: "/meer/" not in url)
    assert phone.evaluate(COUNT_QUEUE) == 0


# --- Issue 19, acceptance: a whole offline morning, then one sync -------------------------


def _queue_size(page):
    return page.evaluate(
        """() => new Promise(resolve => {
            const open = indexedDB.open("pijnreset-offline");
            open.onsuccess = () => {
                const stores = [...open.result.objectStoreNames];
                const counted = {};
                let left = stores.length;
                for (const name of stores) {
                    const count = open.result.transaction(name).objectStore(name).count();
                    count.onsuccess = () => {
                        counted[name] = count.result;
                        if (--left === 0) resolve(counted);
                    };
                }
            };
        })"""
    )


def _wait_for(condition, what, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@pytest.fixture
def morning(patient_anna, lessons):  # noqa: F811
    """Anna in week 1 of the programme, the exercise scripts loaded."""
    load_scripts(content_dir=FIXTURES)
    enrol(patient_anna)
    lesson = Lesson.objects.get(week=1, order=1)
    return LessonText.objects.get(lesson=lesson, language="nl")


def test_an_offline_morning_is_sent_once_when_the_connection_returns(
    phone, context, live_server, patient_anna, morning
):
    lesson_url = f"/lessen/{morning.lesson.key}/"
    phone.goto(live_server.url + "/vandaag/")
    phone.wait_for_function(CONTROLLED)
    # Kept while online: Today, the check-in, the exercises, this week's lessons, help.
    _wait_until_cached(
        phone, "/vandaag/", "/dagboek/", "/oefeningen/breathing/", lesson_url, "/hulp/",
        "/static/exercises/offline-start.js", "/static/exercises/timing.js",
    )  # fmt: skip

    context.set_offline(True)
    phone.goto(live_server.url + "/vandaag/")
    phone.get_by_role("heading", name="Vandaag", level=1).wait_for()

    # Check in.
    phone.goto(live_server.url + "/dagboek/")
    phone.locator('label[for="id_pain_5"]').click()
    phone.locator(".checkin-save--first").get_by_role("button", name="Opslaan").click()
    phone.locator("#offline-status").get_by_text("Check-in van").wait_for()

    # A one-minute breathing session, on the page's fake clock.
    phone.clock.install()
    phone.goto(live_server.url + "/oefeningen/breathing/")
    phone.get_by_label("Hoe lang?").fill("1")
    phone.get_by_role("button", name="Naar de oefening").click()
    phone.get_by_role("button", name="Start").wait_for()
    assert_accessible(phone)
    phone.get_by_role("button", name="Start").click()
    assert phone.locator("[data-cue]").text_content() == "Adem in door je neus"
    phone.clock.run_for(60_000)
    phone.clock.resume()
    phone.get_by_role("heading", name="Klaar").wait_for()
    phone.get_by_text("8", exact=True).click()
    phone.get_by_role("button", name="Opslaan").click()
    phone.get_by_text("Bewaard op dit apparaat: het wordt verstuurd", exact=False).and_(
        phone.locator("main p[role=status]")
    ).wait_for()
    status = phone.locator("#offline-status")
    status.get_by_text("Oefening van").wait_for()
    assert_accessible(phone)

    # This week's lesson, and the help page.
    phone.goto(live_server.url + lesson_url)
    phone.get_by_role("heading", name=morning.title, level=1).wait_for()
    assert_accessible(phone)
    phone.goto(live_server.url + "/hulp/")
    assert phone.locator('a[href="tel:113"]').count() >= 1
    assert not CheckIn.objects.exists() and not ExerciseSession.objects.exists()
    assert _queue_size(phone) == {"checkins": 1, "sessions": 1}

    context.set_offline(False)
    phone.goto(live_server.url + "/vandaag/")  # the next page load sends
    _wait_for(lambda: ExerciseSession.objects.count() == 1, "the session was not sent")
    _wait_for_rows(patient_anna, 1)
    session = ExerciseSession.objects.get(patient=patient_anna)
    today = patient_anna.local_date(timezone.now())
    assert session.client_id is not None and session.local_date == today
    assert (session.exercise, session.status, session.planned_seconds) == (
        "breathing",
        "finished",
        60,
    )
    assert (session.duration_seconds, session.feeling_after, session.breath_pattern) == (
        60, 8, (4, 4, 6),
    )  # fmt: skip
    assert CheckIn.objects.get(patient=patient_anna).pain == 5
    _wait_for(lambda: _queue_size(phone) == {"checkins": 0, "sessions": 0}, "queue not emptied")

    # The same sync again changes nothing.
    before = list(ExerciseSession.objects.values())
    phone.reload()
    phone.wait_for_load_state("networkidle")
    assert list(ExerciseSession.objects.values()) == before
    assert CheckIn.objects.filter(patient=patient_anna).count() == 1
    assert not CheckInRevision.objects.filter(check_in__patient=patient_anna).exists()


def test_a_guided_exercise_stopped_early_offline_is_kept_with_its_length(
    phone, context, live_server, patient_anna, morning
):
    phone.goto(live_server.url + "/oefeningen/body_scan/")
    phone.wait_for_function(CONTROLLED)
    _wait_until_cached(phone, "/oefeningen/body_scan/", "/static/exercises/offline-start.js")
    context.set_offline(True)
    phone.clock.install()
    phone.goto(live_server.url + "/oefeningen/body_scan/")
    phone.get_by_text("10 minuten").click()
    phone.get_by_role("button", name="Naar de oefening").click()
    phone.get_by_role("button", name="Start").click()
    phone.clock.run_for(30_000)
    phone.clock.resume()
    phone.get_by_role("button", name="Nu stoppen").click()
    phone.locator("main p[role=status]").get_by_text("Bewaard op dit apparaat").wait_for()
    assert_accessible(phone)

    context.set_offline(False)
    phone.goto(live_server.url + "/oefeningen/")
    _wait_for(lambda: ExerciseSession.objects.exists(), "the session was not sent")
    session = ExerciseSession.objects.get(patient=patient_anna)
    assert (session.exercise, session.version, session.status) == ("body_scan", "10", "stopped")
    assert session.duration_seconds == 30 and session.breath_pattern is None


def test_an_impossible_choice_offline_is_said_and_nothing_is_lost(
    phone, context, live_server, patient_anna, morning
):
    phone.goto(live_server.url + "/oefeningen/breathing/")
    phone.wait_for_function(CONTROLLED)
    _wait_until_cached(phone, "/oefeningen/breathing/", "/static/exercises/offline-start.js")
    context.set_offline(True)
    phone.goto(live_server.url + "/oefeningen/breathing/")
    phone.get_by_label("Hoe lang?").fill("11")
    phone.get_by_role("button", name="Naar de oefening").click()
    phone.get_by_role("alert").get_by_text("Zonder verbinding kunnen we deze keuze").wait_for()
    assert phone.get_by_label("Hoe lang?").input_value() == "11"  # what was typed stays
    assert phone.locator("[data-pacer]").count() == 0
    assert_accessible(phone)


def test_a_session_sent_twice_from_the_queue_stays_one_row(phone, live_server, patient_anna):
    """Two tabs, or a sync interrupted after the server stored it: the client id decides."""
    now = timezone.now()
    client_id = "5b0f3c1e-8d0c-4c55-9d53-7d1b7f1e2a10"
    values = {
        "exercise": "pmr",
        "version": "short", "local_date": patient_anna.local_date(now).isoformat(),
        "started_at": (now - timedelta(minutes=10)).isoformat(),
        "ended_at": (now - timedelta(minutes=5)).isoformat(), "planned_seconds": 300,
        "duration_seconds": 200, "finished": False,
    }  # fmt: skip
    item = {
        "key": f"{patient_anna.pk}:{client_id}", "user": str(patient_anna.pk),
        "client_id": client_id, "date": values["local_date"], "values": values,
        "saved_at": now.isoformat(),
    }  # fmt: skip
    for _attempt in range(2):
        phone.goto(live_server.url + "/hulp/")
        phone.evaluate(PUT_SESSION_IN_QUEUE, item)
        phone.goto(live_server.url + "/over/")
        _wait_for(lambda: _queue_size(phone)["sessions"] == 0, "the session was not sent")
    assert ExerciseSession.objects.filter(patient=patient_anna).count() == 1
    assert ExerciseSession.objects.get().status == "stopped"


PUT_SESSION_IN_QUEUE = """item => new Promise((resolve, reject) => {
    const open = indexedDB.open("pijnreset-offline");
    open.onsuccess = () => {
        const transaction = open.result.transaction("sessions", "readwrite");
        transaction.objectStore("sessions").put(item);
        transaction.oncomplete = () => resolve(true);
        transaction.onerror = () => reject(transaction.error);
    };
})"""


def test_background_sync_makes_the_open_page_send(phone, context, live_server, patient_anna):
    """Chromium fires the worker's "sync" event when the connection returns; the worker
    tells the open page to send. The page's own "online" path is blocked here, so the
    row can only come through the worker."""
    phone.goto(live_server.url + "/dagboek/")
    phone.wait_for_function(CONTROLLED)
    context.set_offline(True)
    phone.locator('label[for="id_pain_3"]').click()
    phone.locator(".checkin-save--first").get_by_role("button", name="Opslaan").click()
    phone.locator("#offline-status").get_by_text("Check-in van").wait_for()
    tags = "async () => (await (await navigator.serviceWorker.ready).sync.getTags()).join()"
    assert "pijnreset-send" in phone.evaluate(tags)
    phone.evaluate(
        """() => {
            window.addEventListener("online", (e) => e.stopImmediatePropagation(), true);
            window.workerSaid = [];
            navigator.serviceWorker.addEventListener(
                "message", (e) => window.workerSaid.push(e.data.type));
        }"""
    )
    context.set_offline(False)
    _wait_for_rows(patient_anna, 1)
    assert CheckIn.objects.get(patient=patient_anna).pain == 3
    assert phone.evaluate("() => window.workerSaid") == ["send"]
    assert phone.evaluate(tags) == ""  # done: the browser forgets the tag


def test_the_app_is_installable(phone, live_server):
    """What Lighthouse's installability check looks at: the manifest's fields and icons,
    and a worker with a fetch handler controlling the whole site."""
    phone.goto(live_server.url + "/vandaag/")
    phone.wait_for_function(CONTROLLED)
    href = phone.locator('link[rel="manifest"]').first.get_attribute("href")
    manifest = phone.evaluate("async url => (await fetch(url)).json()", href)
    assert manifest["name"] and manifest["short_name"]
    assert manifest["start_url"] == "/vandaag/" and manifest["display"] == "standalone"
    icons = {icon["sizes"]: icon["src"] for icon in manifest["icons"]}
    for size in ("192x192", "512x512"):
        assert phone.evaluate("async url => (await fetch(url)).ok", icons[size]), size
    scope = "async () => (await navigator.serviceWorker.getRegistration()).scope"
    assert phone.evaluate(scope) == live_server.url + "/"
    source = phone.evaluate("async () => (await fetch('/sw.js')).text()")
    assert 'addEventListener("fetch"' in source
    assert 'addEventListener("sync"' in source
