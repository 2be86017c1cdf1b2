"""Timed sessions through their URLs: breathing, muscle relaxation, body scan."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError, transaction

from exercises.models import ExerciseScript, ExerciseSession

pytestmark = pytest.mark.django_db

BREATHING = "/oefeningen/breathing/"
# 23:30 UTC on 15 March is 00:30 on 16 March in Amsterdam.
LATE_EVENING_UTC = datetime(2026, 3, 15, 23, 30, tzinfo=UTC)


def start_breathing(client, **fields):
    data = {"breath_in": 4, "breath_hold": 4, "breath_out": 6, "minutes": 1, **fields}
    return client.post(BREATHING, data)


def test_the_breathing_page_offers_the_default_rhythm(anna_client, scripts):
    html = anna_client.get(BREATHING).content.decode()
    assert 'name="breath_in" value="4"' in html
    assert 'name="breath_hold" value="4"' in html
    assert 'name="breath_out" value="6"' in html
    assert 'name="minutes" value="5"' in html
    assert (
        'name="spoken_cues"' in html and "checked" not in html.split('name="spoken_cues"')[1][:40]
    )


def test_starting_records_a_session_on_the_local_date_and_opens_the_pacer(
    anna_client, patient_anna
):
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        response = start_breathing(anna_client, breath_in=5, breath_out=7, feeling_before=4)
    session = ExerciseSession.objects.get(patient=patient_anna)
    assert response.status_code == 302
    assert response["Location"] == f"/oefeningen/sessie/{session.public_id}/"
    assert (session.local_date.isoformat(), session.status) == ("2026-03-16", "started")
    assert (session.breath_pattern, session.planned_seconds) == ((5, 4, 7), 60)
    assert session.feeling_before == 4
    html = anna_client.get(response["Location"]).content.decode()
    assert 'data-total-seconds="60"' in html
    assert 'data-phase="in" data-seconds="5"' in html
    assert 'src="/static/exercises/session.js"' in html


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("breath_in", 1),
        ("breath_hold", 11),
        ("breath_hold", -1),
        ("breath_out", "x"),
        ("minutes", 0),
        ("minutes", 11),
    ],
)
def test_out_of_range_settings_are_refused_next_to_the_field(anna_client, field, value):
    typed = {field: value} if field == "breath_hold" else {field: value, "breath_hold": 3}
    response = start_breathing(anna_client, **typed)
    assert response.status_code == 422
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert field == "breath_hold" or 'name="breath_hold" value="3"' in html  # what was typed stays
    assert not ExerciseSession.objects.exists()


def test_the_hold_is_optional_a_hold_of_0_seconds_leaves_the_hold_step_out(anna_client):
    location = start_breathing(anna_client, breath_hold=0)["Location"]
    session = ExerciseSession.objects.get()
    assert session.breath_pattern == (4, 0, 6)
    html = anna_client.get(location).content.decode()
    assert (
        'data-phase="in" data-seconds="4"' in html and 'data-phase="out" data-seconds="6"' in html
    )
    assert 'data-phase="hold"' not in html


def test_no_hold_is_one_tap_away_and_the_methods_pattern_stays_the_default(anna_client, scripts):
    html = anna_client.get(BREATHING).content.decode()
    assert "Zonder vasthouden: 4 in, 6 uit" in html
    assert "longziekte" in html and "paniek" in html
    assert 'name="breath_hold" value="4"' in html  # the default stays 4 in, 4 hold, 6 out
    response = start_breathing(anna_client, breath_in=7, breath_hold=5, no_hold="1")
    assert response.status_code == 302
    assert ExerciseSession.objects.get().breath_pattern == (4, 0, 6)


def test_after_a_report_of_dizziness_breathing_without_a_hold_is_suggested(anna_client):
    location = start_breathing(anna_client)["Location"]
    assert "Ik werd duizelig" in anna_client.get(location).content.decode()
    anna_client.post(
        location + "afronden/", {"outcome": "stopped", "seconds": "30", "felt_dizzy": "on"}
    )
    session = ExerciseSession.objects.get()
    assert session.felt_dizzy and session.status == "stopped"
    assert "zonder vast te houden" in anna_client.get(location).content.decode()
    assert "Je werd de vorige keer duizelig" in anna_client.get(BREATHING).content.decode()
    start_breathing(anna_client, no_hold="1")
    assert "Je werd de vorige keer duizelig" not in anna_client.get(BREATHING).content.decode()


def test_the_database_accepts_a_hold_of_0_but_not_below(patient_anna):
    from django.utils import timezone

    from exercises import actions

    session = actions.start_session(
        patient=patient_anna, exercise="breathing", planned_seconds=60, breath=(4, 0, 6),
        now=timezone.now(),
    )  # fmt: skip
    assert session.breath_pattern == (4, 0, 6)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExerciseSession.objects.filter(pk=session.pk).update(breath_in=0)


def test_a_rating_outside_zero_to_ten_is_refused(anna_client):
    response = start_breathing(anna_client, feeling_before=11)
    assert response.status_code == 422
    assert not ExerciseSession.objects.exists()


def test_the_last_rhythm_is_offered_again_and_the_flare_link_sets_three_minutes(anna_client):
    start_breathing(anna_client, breath_in=6, minutes=8, spoken_cues="on")
    html = anna_client.get(BREATHING).content.decode()
    assert 'name="breath_in" value="6"' in html and 'name="minutes" value="8"' in html
    assert 'name="minutes" value="3"' in anna_client.get(BREATHING + "?minutes=3").content.decode()
    assert 'name="minutes" value="8"' in anna_client.get(BREATHING + "?minutes=99").content.decode()


def test_the_pacer_finishing_records_the_full_length(anna_client):
    location = start_breathing(anna_client)["Location"]
    response = anna_client.post(location + "afronden/", {"outcome": "finished", "seconds": "60"})
    assert response.status_code == 302 and response["Location"] == location
    session = ExerciseSession.objects.get()
    assert (session.status, session.duration_seconds) == ("finished", 60)
    assert session.ended_at is not None
    html = anna_client.get(location).content.decode()
    assert "1 minuut" in html and 'name="feeling_after"' in html


def test_stopping_early_records_the_time_the_pacer_showed(anna_client):
    location = start_breathing(anna_client, minutes=5)["Location"]
    anna_client.post(location + "afronden/", {"outcome": "stopped", "seconds": "95"})
    session = ExerciseSession.objects.get()
    assert (session.status, session.duration_seconds) == ("stopped", 95)


def test_without_javascript_the_time_since_the_start_counts_up_to_the_planned_length(anna_client):
    start = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        location = start_breathing(anna_client, minutes=2)["Location"]
    with time_machine.travel(start + timedelta(seconds=75), tick=False):
        anna_client.post(location + "afronden/", {"outcome": "stopped", "seconds": ""})
    assert ExerciseSession.objects.get().duration_seconds == 75
    with time_machine.travel(start, tick=False):
        location = start_breathing(anna_client, minutes=1)["Location"]
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        anna_client.post(location + "afronden/", {"outcome": "finished"})
    assert ExerciseSession.objects.get(public_id=location.split("/")[-2]).duration_seconds == 60


def test_a_second_finish_does_not_change_the_outcome_but_adds_the_rating(anna_client):
    location = start_breathing(anna_client)["Location"]
    anna_client.post(location + "afronden/", {"outcome": "finished", "seconds": "60"})
    anna_client.post(
        location + "afronden/", {"outcome": "stopped", "seconds": "3", "feeling_after": "7"}
    )
    session = ExerciseSession.objects.get()
    assert (session.status, session.duration_seconds, session.feeling_after) == ("finished", 60, 7)
    html = anna_client.get(location).content.decode()
    assert "7 van de 10" in html and 'name="feeling_after"' not in html


def test_a_broken_finish_answers_422_and_keeps_the_session_running(anna_client):
    location = start_breathing(anna_client)["Location"]
    response = anna_client.post(location + "afronden/", {"outcome": "maybe", "seconds": "-4"})
    assert response.status_code == 422
    assert ExerciseSession.objects.get().status == "started"


def test_another_patients_session_answers_404(client, patient_anna, patient_bram):
    client.force_login(patient_anna)
    location = start_breathing(client)["Location"]
    client.force_login(patient_bram)
    assert client.get(location).status_code == 404
    assert client.post(location + "afronden/", {"outcome": "finished"}).status_code == 404
    assert ExerciseSession.objects.get().status == "started"


def test_logged_out_visitors_go_to_the_log_in_page(client, patient_anna):
    client.force_login(patient_anna)
    location = start_breathing(client)["Location"]
    client.logout()
    for url in (BREATHING, location, "/oefeningen/pmr/"):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.parametrize(
    ("key", "version", "seconds"),
    [
        ("pmr", "short", 300),
        ("pmr", "long", 900),
        ("body_scan", "5", 300),
        ("body_scan", "10", 600),
    ],
)
def test_guided_exercises_start_with_the_chosen_length_and_list_every_step(
    anna_client, scripts, key, version, seconds
):
    response = anna_client.post(f"/oefeningen/{key}/", {"version": version, "feeling_before": "5"})
    session = ExerciseSession.objects.get()
    assert (session.exercise, session.version, session.planned_seconds) == (key, version, seconds)
    assert session.breath_pattern is None
    html = anna_client.get(response["Location"]).content.decode()
    steps = ExerciseScript.objects.get(key=key, language="nl").version(version)["steps"]
    assert html.count("<li data-phase=") == len(steps)
    assert f'data-total-seconds="{seconds}"' in html and 'data-repeat="false"' in html
    assert steps[0]["text"] in html


def test_guided_exercises_refuse_an_unknown_length(anna_client, scripts):
    response = anna_client.post("/oefeningen/pmr/", {"version": "medium"})
    assert response.status_code == 422
    assert 'id="id_version_error"' in response.content.decode()
    assert not ExerciseSession.objects.exists()


def test_guided_exercises_say_so_when_the_texts_are_not_loaded(anna_client):
    html = anna_client.get("/oefeningen/body_scan/").content.decode()
    assert "nog niet geladen" in html
    assert anna_client.post("/oefeningen/body_scan/", {"version": "5"}).status_code == 422


def test_the_pages_speak_english_under_en(anna_client, scripts):
    html = anna_client.get("/en" + BREATHING).content.decode()
    assert "Calm breathing" in html and "Breathe in through your nose" in html


def test_paused_exercises_show_the_gp_notice_and_refuse_to_start(client, paused_anna, scripts):
    client.force_login(paused_anna)
    html = client.get(BREATHING).content.decode()
    assert "Ga eerst naar je huisarts" in html and 'name="breath_in"' not in html
    assert start_breathing(client).status_code == 409
    assert client.post("/oefeningen/pmr/", {"version": "short"}).status_code == 409
    assert not ExerciseSession.objects.exists()


def test_the_database_refuses_out_of_range_values(patient_anna):
    from django.utils import timezone

    base = {
        "patient": patient_anna,
        "exercise": "breathing",
        "local_date": timezone.now().date(),
        "started_at": timezone.now(),
        "planned_seconds": 60,
        "breath_in": 4,
        "breath_hold": 4,
        "breath_out": 6,
    }
    bad = [
        {"breath_in": 11},
        {"breath_out": 1},
        {"feeling_before": 11},
        {"planned_seconds": 0},
        {"exercise": "movement"},
        {"exercise": "pmr"},  # breathing phases on a muscle relaxation session
        {"status": "finished"},  # finished without an end and a duration
        {"status": "finished", "ended_at": timezone.now(), "duration_seconds": 61},
    ]
    for changes in bad:
        with pytest.raises(IntegrityError), transaction.atomic():
            ExerciseSession.objects.create(**{**base, **changes})
