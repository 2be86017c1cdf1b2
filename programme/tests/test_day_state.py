"""Today's cached day state (issue 18): a warm page runs a few queries, and every action
that changes what Today shows makes the page show the new state at once."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments import actions as assessments
from assessments.models import Response
from diary.actions import end_flare, record_check_in, start_flare
from diary.models import CheckIn
from diary.values import CheckInValues
from exercises.actions import end_session, start_session
from pijnreset import versions
from programme import actions
from programme.models import Enrolment, Lesson
from programme.tests.helpers import enrol

pytestmark = pytest.mark.django_db

DONE = "today-item--done"


@pytest.fixture
def anna(client, patient_anna):
    client.force_login(patient_anna)
    return patient_anna


def today(client, path="/vandaag/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def count_queries(client):
    with CaptureQueriesContext(connection) as captured:
        today(client)
    return len(captured)


def test_a_warm_today_runs_far_fewer_queries(client, anna, lessons):
    enrol(anna, days_ago=20)
    cold = count_queries(client)
    warm = count_queries(client)
    # Warm: the session, the user, the consent check; nothing of the day state.
    assert cold >= 10 and warm <= 3, (cold, warm)


def test_without_the_shared_cache_today_is_computed_every_time(client, anna, settings):
    settings.DAY_STATE_CACHE = False
    enrol(anna, days_ago=20)
    assert count_queries(client) == count_queries(client) >= 10


def test_a_check_in_saved_by_an_action_shows_at_once(client, anna, lessons):
    enrol(anna)
    assert DONE not in today(client)
    record_check_in(
        patient=anna, day=anna.local_date(), values=CheckInValues(pain=4),
        now=timezone.now(), source="web",
    )  # fmt: skip
    assert today(client).count(DONE) == 1


def test_a_check_in_put_through_the_api_with_a_token_shows_at_once(
    client, anna, lessons, anna_token
):
    enrol(anna)
    assert DONE not in today(client)
    answer = client.put(
        f"/api/v1/checkins/{anna.local_date().isoformat()}", {"pain": 4},
        content_type="application/json", headers={"Authorization": f"Bearer {anna_token}"},
    )  # fmt: skip
    assert answer.status_code == 200, answer.content
    assert today(client).count(DONE) == 1


def test_a_check_in_posted_on_the_page_shows_at_once(client, anna, lessons):
    enrol(anna)
    assert DONE not in today(client)
    answer = client.post(f"/dagboek/{anna.local_date().isoformat()}/", {"pain": "4"})
    assert answer.status_code == 302
    assert CheckIn.objects.filter(patient=anna).exists()
    assert today(client).count(DONE) == 1


def test_flare_on_and_off_show_at_once(client, anna):
    enrol(anna)
    assert "Je rustige plan" not in today(client)
    start_flare(user=anna, now=timezone.now())
    assert "Je rustige plan" in today(client)
    end_flare(user=anna, now=timezone.now())
    assert "Je rustige plan" not in today(client)


def test_enrolment_pause_resume_and_restart_show_at_once(client, anna, lessons):
    assert reverse("programme:enrol") in today(client)
    enrolment = actions.enrol(user=anna, started_on=anna.local_date(), now=timezone.now())
    assert "week 1 van 12" in today(client)
    assert reverse("programme:enrol") not in today(client)
    actions.pause_programme(enrolment=enrolment, today=anna.local_date())
    assert "Je programma staat op pauze" in today(client)
    actions.resume_programme(enrolment=enrolment, today=anna.local_date())
    assert "Je programma staat op pauze" not in today(client)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        started_on=anna.local_date() - timedelta(days=30)
    )  # a bare UPDATE (no action): what restart must make visible is the new start
    actions.restart_programme(enrolment=enrolment, today=anna.local_date(), now=timezone.now())
    assert "week 1 van 12" in today(client)


def test_a_lesson_read_shows_as_done_at_once(client, anna, lessons):
    enrol(anna)
    assert DONE not in today(client)
    lesson = Lesson.objects.get(week=1, order=1)
    actions.complete_lesson(user=anna, lesson=lesson, reflection="", now=timezone.now())
    assert today(client).count(DONE) == 1


def test_a_finished_practice_shows_as_done_at_once(client, anna):
    enrol(anna)
    before = today(client).count(DONE)
    now = timezone.now()
    session = start_session(patient=anna, exercise="breathing", planned_seconds=180, now=now)
    end_session(session=session, finished=True, seconds=180, feeling_after=None, now=now)
    assert today(client).count(DONE) == before + 1


def test_a_questionnaire_submitted_makes_a_new_day_state(anna):
    assessments.load_instruments(now=timezone.now())
    before = versions.current(versions.patient(anna.pk))
    now = timezone.now()
    response = assessments.start_response(
        patient=anna, instrument=assessments.current_instrument(key="phq4"),
        occasion="intake", language="nl", now=now,
    )  # fmt: skip
    after_start = versions.current(versions.patient(anna.pk))
    assert after_start != before  # a draft row saved
    assessments.save_answers(
        response=response, answers={f"item{n}": 1 for n in range(1, 5)}, step=5, now=now
    )
    assessments.submit_response(response=Response.objects.get(pk=response.pk), now=now)
    assert versions.current(versions.patient(anna.pk)) != after_start


def test_any_writing_request_of_the_patient_makes_a_new_day_state(client, anna):
    before = versions.current(versions.patient(anna.pk))
    client.post("/opvlamming/niet-nu/")  # whatever it does, it may have changed the day
    assert versions.current(versions.patient(anna.pk)) != before


def test_reloading_content_makes_a_new_day_state_for_everyone(anna, lessons):
    before = versions.current(versions.CONTENT)
    assessments.load_instruments(now=timezone.now())
    assert versions.current(versions.CONTENT) != before


def test_a_lost_version_never_brings_an_old_state_back(client, anna, lessons):
    enrol(anna)
    assert DONE not in today(client)
    cache.delete(f"{versions.PREFIX}:{versions.patient(anna.pk)}")
    check_in = CheckIn.objects.create(
        patient=anna, date=anna.local_date(), pain=3,
        created_at=timezone.now(), updated_at=timezone.now(),
    )  # fmt: skip
    assert check_in.pk and today(client).count(DONE) == 1
