"""Issue 19, acceptance: two phones edit the same day offline; the newest wins.

Two browser contexts (each its own worker, caches and queue), both Anna, 390x844.
Whatever order their queues reach the server in, it keeps one check-in with the
newest values and one revision (source "offline") with the older ones
(docs/offline.md, "Two devices, the same day").
"""

from datetime import datetime

import pytest

from diary.models import CheckIn, CheckInRevision
from tests.browser.conftest import assert_no_problems, logged_in_context, watched_page
from tests.browser.test_offline import CONTROLLED, _wait_for, _wait_for_rows, _wait_until_cached

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUEUED_CHECK_INS = """() => new Promise(resolve => {
    const open = indexedDB.open("pijnreset-offline");
    open.onsuccess = () => {
        const read = open.result.transaction("checkins").objectStore("checkins").getAll();
        read.onsuccess = () => resolve(read.result);
    };
})"""


@pytest.fixture
def phones(browser, live_server, patient_anna):
    """Two phones, Anna logged in on both: (context, page) pairs."""
    made = []
    for _ in range(2):
        context = logged_in_context(browser, live_server, patient_anna)
        page, problems = watched_page(context, live_server)
        made.append((context, page, problems))
    yield [(context, page) for context, page, _ in made]
    for context, _page, problems in made:
        context.close()
        assert_no_problems(problems)


def _check_in_offline(page, live_server, *labels):
    page.goto(live_server.url + "/dagboek/")  # from the worker's cache
    page.get_by_role("heading", name="Hoe gaat het vandaag?", level=1).wait_for()
    for label in labels:
        page.locator(f'label[for="{label}"]').click()
    page.locator(".checkin-save--first").get_by_role("button", name="Opslaan").click()
    status = page.locator("#offline-status")
    status.get_by_text("wordt verstuurd zodra je online bent").first.wait_for()
    [queued] = page.evaluate(QUEUED_CHECK_INS)
    return queued


def test_two_phones_editing_the_same_day_offline_keep_the_newest_and_one_revision(
    phones, live_server, patient_anna
):
    (bed, bed_page), (train, train_page) = phones
    for page in (bed_page, train_page):
        page.goto(live_server.url + "/dagboek/")
        page.wait_for_function(CONTROLLED)
        _wait_until_cached(page, "/dagboek/")
    bed.set_offline(True)
    train.set_offline(True)

    first = _check_in_offline(bed_page, live_server, "id_pain_6", "id_fatigue_4")
    bed_page.wait_for_timeout(20)  # the second phone's edit comes later
    second = _check_in_offline(train_page, live_server, "id_pain_3", "id_mood_7")
    first_at, second_at = (datetime.fromisoformat(item["edited_at"]) for item in (first, second))
    assert first_at.utcoffset() is not None and first_at < second_at

    # The later edit reaches the server first, the earlier one after it.
    train.set_offline(False)
    train_page.goto(live_server.url + "/dagboek/")
    _wait_for_rows(patient_anna, 1)
    bed.set_offline(False)
    bed_page.goto(live_server.url + "/dagboek/")
    _wait_for(lambda: not bed_page.evaluate(QUEUED_CHECK_INS), "the first phone did not send")

    saved = CheckIn.objects.get(patient=patient_anna)
    assert (saved.pain, saved.fatigue, saved.mood) == (3, None, 7)
    assert saved.edited_at == second_at
    [revision] = CheckInRevision.objects.filter(check_in=saved)
    assert revision.source == "offline"
    assert (revision.previous["pain"], revision.previous["fatigue"]) == (6, 4)

    # Both phones load again (another sync): nothing changes.
    for page in (bed_page, train_page):
        page.reload()
        page.wait_for_load_state("networkidle")
    assert CheckIn.objects.filter(patient=patient_anna).count() == 1
    assert CheckInRevision.objects.filter(check_in=saved).count() == 1
