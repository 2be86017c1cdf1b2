"""Logging movement and the pacing suggestion on the movement page."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.access import ClinicalAccessDenied
from diary.models import CheckIn, Flare
from exercises import actions
from exercises.models import MovementLog, MovementQuota, MovementSettings

pytestmark = pytest.mark.django_db

URL = "/oefeningen/movement/"
QUOTA_URL = "/oefeningen/movement/quotum/"
SETTINGS_URL = "/oefeningen/movement/instellingen/"
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


def quota_post(client, choice, minutes=None):
    data = {"choice": choice} if minutes is None else {"choice": choice, "minutes": str(minutes)}
    return client.post(QUOTA_URL, data)


def set_quota(patient, minutes, days_ago, reason="start"):
    return MovementQuota.objects.create(
        patient=patient,
        minutes=minutes,
        started_on=TODAY - timedelta(days=days_ago),
        reason=reason,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def quotas(patient):
    return list(MovementQuota.objects.of(patient).values_list("minutes", "reason"))


def test_without_three_active_days_there_is_no_quota_yet(anna_client, patient_anna):
    add_log(patient_anna, 1, 30)
    html = anna_client.get(URL).content.decode()
    assert "op drie dagen" in html
    assert quota_post(anna_client, "start").status_code == 302
    assert quotas(patient_anna) == []


def test_the_start_quota_is_offered_and_only_stored_when_the_user_chooses(
    anna_client, patient_anna
):
    for days_back, minutes in ((5, 20), (3, 25), (1, 30)):
        add_log(patient_anna, days_back, minutes)
    html = anna_client.get(URL).content.decode()
    assert "20 minuten per actieve dag" in html  # (20 + 25 + 30) / 3 x 0.8
    assert "vuistregels" in html and "niet getoetst" in html
    assert quotas(patient_anna) == []  # offered, not set
    assert quota_post(anna_client, "start").status_code == 302
    assert quotas(patient_anna) == [(20, "start")]
    assert quota_post(anna_client, "start").status_code == 302  # a second click: one start
    assert quotas(patient_anna) == [(20, "start")]


def test_the_user_may_start_lower_but_not_higher(anna_client, patient_anna):
    for days_back in (5, 3, 1):
        add_log(patient_anna, days_back, 20)
    quota_post(anna_client, "start", 17)
    assert quotas(patient_anna) == []
    quota_post(anna_client, "start", 10)
    assert quotas(patient_anna) == [(10, "start")]


def test_the_quota_is_never_recomputed_from_the_logs(anna_client, patient_anna):
    set_quota(patient_anna, 12, days_ago=3)
    for days_back in (3, 2, 1):
        add_log(patient_anna, days_back, 2)
    html = anna_client.get(URL).content.decode()
    assert "Je quotum: 12 minuten per actieve dag" in html
    assert "24 uur" in html  # extra pain settles by the next morning, same words everywhere


def stable_week(patient, minutes, days=range(1, 5)):
    for days_back in days:
        add_log(patient, days_back, minutes)


def test_a_step_up_is_offered_and_applied_only_once_when_accepted(anna_client, patient_anna):
    set_quota(patient_anna, 10, days_ago=8)
    stable_week(patient_anna, 10)
    html = anna_client.get(URL).content.decode()
    assert "tot 11 minuten" in html and "haalde je je quotum op 4 dagen" in html
    assert quotas(patient_anna) == [(10, "start")]  # never automatic
    quota_post(anna_client, "step_up")
    quota_post(anna_client, "step_up")  # a double click
    assert quotas(patient_anna) == [(10, "start"), (11, "step_up")]


def test_staying_at_the_quota_ends_the_offer_for_a_week(anna_client, patient_anna):
    set_quota(patient_anna, 10, days_ago=8)
    stable_week(patient_anna, 10)
    quota_post(anna_client, "keep")
    assert quotas(patient_anna) == [(10, "start"), (10, "kept")]
    assert "tot 11 minuten" not in anna_client.get(URL).content.decode()


def test_two_much_worse_logs_offer_a_step_back(anna_client, patient_anna):
    set_quota(patient_anna, 10, days_ago=20)
    set_quota(patient_anna, 11, days_ago=5, reason="step_up")
    add_log(patient_anna, 3, 11, symptoms_after="much_worse")
    add_log(patient_anna, 2, 11, symptoms_after="much_worse")
    html = anna_client.get(URL).content.decode()
    assert "vorige quotum van 10 minuten" in html
    quota_post(anna_client, "step_back")
    assert quotas(patient_anna)[-1] == (10, "step_back")


def test_the_user_may_lower_the_quota_any_time(anna_client, patient_anna):
    set_quota(patient_anna, 10, days_ago=2)
    quota_post(anna_client, "lower", 10)  # not lower
    quota_post(anna_client, "lower", 6)
    assert quotas(patient_anna) == [(10, "start"), (6, "lowered")]


def test_post_exertional_malaise_stops_step_up_offers(anna_client, patient_anna):
    set_quota(patient_anna, 10, days_ago=8)
    stable_week(patient_anna, 10)
    response = anna_client.post(SETTINGS_URL, {"post_exertional_malaise": "on"})
    assert response.status_code == 302
    assert MovementSettings.objects.get(patient=patient_anna).post_exertional_malaise
    html = anna_client.get(URL).content.decode()
    assert "tot 11 minuten" not in html and "therapeut" in html
    quota_post(anna_client, "step_up")
    assert quotas(patient_anna) == [(10, "start")]


def test_during_a_flare_the_quota_is_hidden(anna_client, patient_anna):
    set_quota(patient_anna, 10, days_ago=8)
    Flare.objects.create(
        user=patient_anna, started_at=timezone.now(), started_on=TODAY, source="patient"
    )
    html = anna_client.get(URL).content.decode()
    assert "Je quotum:" not in html and "opvlamming" in html


def test_after_a_flare_of_more_than_7_days_one_step_lower_is_offered(anna_client, patient_anna):
    set_quota(patient_anna, 10, days_ago=30)
    set_quota(patient_anna, 11, days_ago=20, reason="step_up")
    started = timezone.now() - timedelta(days=9)
    Flare.objects.create(
        user=patient_anna,
        started_at=started,
        started_on=TODAY - timedelta(days=9),
        ended_at=timezone.now() - timedelta(days=1),
        ended_on=TODAY - timedelta(days=1),
        source="patient",
    )
    html = anna_client.get(URL).content.decode()
    assert "Je quotum: 11 minuten" in html and "één stap lager" in html
    quota_post(anna_client, "step_back")
    assert quotas(patient_anna)[-1] == (10, "after_flare")
    assert "één stap lager" not in anna_client.get(URL).content.decode()


def test_a_boom_bust_pattern_with_diary_pain_is_shown_kindly(anna_client, patient_anna):
    set_quota(patient_anna, 20, days_ago=20)
    add_log(patient_anna, 6, 45)  # above 1.5 x 20
    for days_back in range(5, 16):
        add_pain(patient_anna, days_back, 4)
    add_pain(patient_anna, 4, 7)
    html = anna_client.get(URL).content.decode()
    assert "Een patroon dat we zagen" in html
    assert "45 minuten" in html and "was je pijn 7" in html and "4,0" in html


def test_a_staff_account_cannot_set_a_quota(therapist_eva):
    with pytest.raises(ClinicalAccessDenied):
        actions.set_start_quota(patient=therapist_eva, now=NOW)
    with pytest.raises(ClinicalAccessDenied):
        actions.set_post_exertional_malaise(patient=therapist_eva, marked=True, now=NOW)
    assert not MovementQuota.objects.exists() and not MovementSettings.objects.exists()


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
    with django_assert_max_num_queries(11):  # 10 + the consent check of the gate
        assert anna_client.get(URL).status_code == 200


def test_paused_exercises_refuse_a_movement_log(client, paused_anna):
    client.force_login(paused_anna)
    assert "Ga eerst naar je huisarts" in client.get(URL).content.decode()
    assert log(client).status_code == 409
    assert not MovementLog.objects.exists()
