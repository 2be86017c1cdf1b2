"""Logging movement and the pacing suggestion on the movement page."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from diary.models import CheckIn
from exercises.models import MovementLog

pytestmark = pytest.mark.django_db

URL = "/oefeningen/movement/"
NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def log(client, **fields):
    data = {
        "activity": "walk",
        "minutes": "20",
        "felt": "fine",
        "symptoms_after": "same",
        "local_date": TODAY.isoformat(),
        **fields,
    }
    return client.post(URL, data)


def add_log(patient, days_back: int, minutes: int, symptoms_after="same"):
    return MovementLog.objects.create(
        patient=patient,
        local_date=TODAY - timedelta(days=days_back),
        activity="walk",
        minutes=minutes,
        felt="fine",
        symptoms_after=symptoms_after,
        created_at=timezone.now(),
    )


def add_pain(patient, days_back: int, pain: int):
    now = timezone.now()
    CheckIn.objects.create(
        patient=patient,
        date=TODAY - timedelta(days=days_back),
        pain=pain,
        created_at=now,
        updated_at=now,
    )


def test_logging_a_walk_saves_it_and_shows_it(anna_client, patient_anna, scripts):
    response = log(anna_client, note="Met de hond")
    assert response.status_code == 302
    entry = MovementLog.objects.get(patient=patient_anna)
    assert (entry.activity, entry.minutes, entry.felt, entry.symptoms_after) == (
        "walk",
        20,
        "fine",
        "same",
    )
    assert entry.local_date == TODAY and entry.note == "Met de hond"
    html = anna_client.get(URL).content.decode()
    assert "Wandelen" in html and "Met de hond" in html


def test_the_form_offers_the_activities_of_the_script(anna_client, scripts):
    html = anna_client.get(URL).content.decode()
    for label in ("Wandelen", "Zwemmen", "Yoga", "Rekken", "Fietsen"):
        assert label in html


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"minutes": "0"}, "minutes"),
        ({"minutes": "301"}, "minutes"),
        ({"activity": "marathon"}, "activity"),
        ({"felt": "great"}, "felt"),
        ({"local_date": (TODAY + timedelta(days=1)).isoformat()}, "local_date"),
        ({"local_date": (TODAY - timedelta(days=8)).isoformat()}, "local_date"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(anna_client, fields, field):
    response = log(anna_client, note="bewaar mij", **fields)
    assert response.status_code == 422
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert "bewaar mij" in html
    assert not MovementLog.objects.exists()


def test_a_walk_a_week_ago_may_still_be_logged(anna_client):
    assert log(anna_client, local_date=(TODAY - timedelta(days=7)).isoformat()).status_code == 302


def test_without_three_active_days_there_is_no_figure_yet(anna_client, patient_anna):
    add_log(patient_anna, 1, 30)
    html = anna_client.get(URL).content.decode()
    assert "op drie dagen" in html


def test_the_suggestion_is_a_rule_of_thumb_from_the_last_three_active_days(
    anna_client, patient_anna
):
    for days_back, minutes in ((5, 20), (3, 25), (1, 30)):
        add_log(patient_anna, days_back, minutes)
    html = anna_client.get(URL).content.decode()
    assert "Ongeveer 20 minuten per keer" in html  # (20 + 25 + 30) / 3 x 0.8
    assert "tot 27 minuten" in html  # 25 x 1.1, rounded down
    assert "vuistregel" in html and "niet wetenschappelijk getoetst" in html


def test_much_worse_symptoms_after_movement_keep_the_suggestion_at_the_baseline(
    anna_client, patient_anna
):
    for days_back in (5, 3, 1):
        add_log(
            patient_anna, days_back, 20, symptoms_after="much_worse" if days_back == 3 else "same"
        )
    html = anna_client.get(URL).content.decode()
    assert "Ongeveer 16 minuten per keer" in html and "tot 22 minuten" not in html


def test_a_boom_bust_pattern_with_diary_pain_is_shown_kindly(anna_client, patient_anna):
    for days_back in (10, 9, 8):
        add_log(patient_anna, days_back, 20)
    add_log(patient_anna, 6, 45)
    for days_back in range(5, 16):
        add_pain(patient_anna, days_back, 4)
    add_pain(patient_anna, 4, 7)
    html = anna_client.get(URL).content.decode()
    assert "Een patroon dat we zagen" in html
    assert "45 minuten" in html and "was je pijn 7" in html and "4,0" in html


def test_bram_cannot_delete_annas_log(client, patient_anna, patient_bram):
    entry = add_log(patient_anna, 1, 20)
    client.force_login(patient_bram)
    response = client.post(f"/oefeningen/movement/{entry.public_id}/verwijderen/")
    assert response.status_code == 404
    assert MovementLog.objects.filter(pk=entry.pk).exists()
    client.force_login(patient_anna)
    assert client.post(f"/oefeningen/movement/{entry.public_id}/verwijderen/").status_code == 302
    assert not MovementLog.objects.exists()


def test_the_movement_page_shows_only_your_own_logs(client, patient_anna, patient_bram):
    entry = add_log(patient_anna, 1, 20)
    entry.note = "Anna's walk"
    entry.save()
    client.force_login(patient_bram)
    assert "Anna's walk" not in client.get(URL).content.decode()


def test_the_movement_page_runs_a_constant_number_of_queries(
    anna_client, patient_anna, scripts, django_assert_max_num_queries
):
    for days_back in range(1, 60):
        add_log(patient_anna, days_back, 20 + days_back % 7)
        add_pain(patient_anna, days_back, 3 + days_back % 3)
    with django_assert_max_num_queries(10):
        assert anna_client.get(URL).status_code == 200


def test_paused_exercises_refuse_a_movement_log(client, paused_anna):
    client.force_login(paused_anna)
    assert "Ga eerst naar je huisarts" in client.get(URL).content.decode()
    assert log(client).status_code == 409
    assert not MovementLog.objects.exists()
