"""The /inzicht/ pages: what they show, constant queries, only the patient's own data."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from insights import actions
from insights.models import FactorEntry, PersonalFactor
from insights.tests.helpers import fill_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_client(client, patient_anna):
    client.force_login(patient_anna)
    return client


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_the_trends_page_runs_a_constant_number_of_queries(anna_client, patient_anna):
    today = patient_anna.local_date()
    url = reverse("insights:overview")
    fill_days(patient_anna, today=today, days=20)
    few, _ = _queries(anna_client, url + "?periode=alles")
    few_default, _ = _queries(anna_client, url)
    fill_days(patient_anna, today=today - timedelta(days=20), days=700, seed=2)
    many, response = _queries(anna_client, url + "?periode=alles")
    assert few == many
    assert _queries(anna_client, url)[0] == few_default
    assert response.context["trends"].days == 720


def test_the_trends_page_shows_charts_and_tables_in_dutch(anna_client, patient_anna):
    fill_days(patient_anna, today=patient_anna.local_date(), days=30)
    response = anna_client.get(reverse("insights:overview"))
    text = response.content.decode()
    assert "Pijn" in text and "Toon de getallen" in text
    assert text.count("<svg") >= 7  # six scores and the practice strip
    assert 'class="trend__line" d="M' in text


def test_the_change_says_not_enough_data_yet_at_the_start(anna_client, enrolled_anna):
    response = anna_client.get(reverse("insights:overview"))
    assert "Nog niet genoeg gegevens." in response.content.decode()


def test_the_change_against_the_start_in_words(anna_client, patient_anna):
    from programme.tests.helpers import enrol

    today = patient_anna.local_date()
    enrol(patient_anna, days_ago=40)
    from diary.models import CheckIn

    now = timezone.now()
    start = today - timedelta(days=40)
    CheckIn.objects.bulk_create(
        [CheckIn(patient=patient_anna, date=start + timedelta(n), pain=5, created_at=now,
                 updated_at=now) for n in range(5)]
        + [CheckIn(patient=patient_anna, date=today - timedelta(n), pain=6, created_at=now,
                   updated_at=now) for n in range(5)]
    )  # fmt: skip
    text = anna_client.get(reverse("insights:overview")).content.decode()
    assert "20,0 % hoger dan bij de start" in text
    assert reverse("programme:page", args=["flare-plan"]) in text


def test_the_discover_page_shows_a_real_insight_in_plain_words(anna_client, patient_anna):
    fill_days(patient_anna, today=patient_anna.local_date(), days=90, breathing_effect=2)
    text = anna_client.get(reverse("insights:discover")).content.decode()
    assert "Op dagen nadat je ademhaling oefende, was je pijn gemiddeld" in text
    assert "punten lager (ergens tussen" in text
    assert "geen bewijs dat het een tot het ander leidt" in text
    assert "veroorza" not in text and "causes" not in text


def test_the_discover_page_says_not_enough_data_yet_without_data(anna_client):
    text = anna_client.get(reverse("insights:discover")).content.decode()
    assert "Nog niet genoeg gegevens." in text


def test_pacing_shows_the_days_it_is_based_on_as_a_rule_of_thumb(anna_client, patient_anna):
    from exercises import actions as exercise_actions

    now = timezone.now()
    today = patient_anna.local_date(now)
    for n in range(1, 4):
        exercise_actions.log_movement(
            patient=patient_anna, local_date=today - timedelta(days=n), activity="walk",
            minutes=20, felt="fine", symptoms_after="same", note="", now=now,
        )  # fmt: skip
    exercise_actions.set_start_quota(patient=patient_anna, now=now, minutes=None)
    response = anna_client.get(reverse("insights:discover"))
    text = response.content.decode()
    assert "Je basisniveau (je quotum): 16 minuten per actieve dag." in text
    assert "De dagen waarop dit is gebaseerd" in text
    assert "vuistregels" in text
    days = response.context["pacing_days"]
    assert [d.minutes for d in days][-3:] == [20, 20, 20]


def test_a_patient_adds_at_most_five_factors(anna_client, patient_anna):
    url = reverse("insights:factors")
    for n in range(5):
        assert anna_client.post(url, {"name": f"factor {n}", "kind": "yes_no"}).status_code == 302
    response = anna_client.post(url, {"name": "zesde", "kind": "scale"})
    assert response.status_code == 422
    assert PersonalFactor.objects.filter(patient=patient_anna).count() == 5


def test_factor_values_are_stored_for_the_day(anna_client, patient_anna):
    now = timezone.now()
    work = actions.add_factor(patient=patient_anna, name="werkdag", kind="yes_no", now=now)
    weather = actions.add_factor(patient=patient_anna, name="weer", kind="scale", now=now)
    url = reverse("insights:factor_values")
    response = anna_client.post(url, {str(work.public_id): "1", str(weather.public_id): "7"})
    assert response.status_code == 302
    assert sorted(FactorEntry.objects.values_list("value", flat=True)) == [1, 7]
    assert anna_client.post(url, {str(work.public_id): "5"}).status_code == 422


def test_another_patient_cannot_stop_annas_factor(client, patient_anna, patient_bram):
    factor = actions.add_factor(patient=patient_anna, name="x", kind="yes_no", now=timezone.now())
    client.force_login(patient_bram)
    url = reverse("insights:stop_factor", args=[factor.public_id])
    assert client.post(url).status_code == 404
    assert PersonalFactor.objects.get(pk=factor.pk).active


def test_an_experiment_is_planned_and_shows_which_week_it_is(anna_client, patient_anna):
    today = patient_anna.local_date()
    url = reverse("insights:experiment")
    data = {"practice": "bodyscan 's avonds", "outcome": "pain", "started_on": today, "weeks": 8}
    assert anna_client.post(url, data).status_code == 302
    text = anna_client.get(url).content.decode()
    assert "Dit is week 1" in text
    assert "Wat deze test wel en niet kan laten zien" in text
    today_page = anna_client.get(reverse("programme:today")).content.decode()
    assert "Je experiment" in today_page
