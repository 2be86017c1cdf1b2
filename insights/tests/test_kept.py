"""The trends page's body is kept per patient version (insights/kept.py): whatever
changes the patient's data, the day, the period or the language shows at once."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from diary import actions as diary_actions
from diary.models import CheckIn
from diary.values import CheckInValues
from insights.tests.helpers import fill_days

pytestmark = pytest.mark.django_db
URL = reverse("insights:overview")


@pytest.fixture
def anna_client(client, patient_anna):
    fill_days(patient_anna, today=patient_anna.local_date(), days=10)
    client.force_login(patient_anna)
    return client


def page(client, url=URL) -> str:
    """The kept body: from the heading to the end of <main> (the shell around it has a fresh
    CSRF token each time, and a message such as "Saved" may come before the heading)."""
    answer = client.get(url)
    assert answer.status_code == 200
    return answer.content.decode().split("<h1>", 1)[1].split("</main>", 1)[0]


def test_the_second_visit_runs_no_trends_query(anna_client, django_assert_max_num_queries):
    first = page(anna_client)
    with django_assert_max_num_queries(3):  # session, user, consent: no trends reads
        assert page(anna_client) == first


def test_a_check_in_by_the_page_shows_at_once(anna_client, patient_anna):
    before = page(anna_client)
    answer = anna_client.post(reverse("diary:checkin"), {"pain": "0", "mood": "10"})
    assert answer.status_code == 302
    assert CheckIn.objects.get(patient=patient_anna, date=patient_anna.local_date()).pain == 0
    assert page(anna_client) != before


def test_a_check_in_written_elsewhere_shows_at_once(anna_client, patient_anna):
    before = page(anna_client)
    diary_actions.record_check_in(
        patient=patient_anna,
        day=patient_anna.local_date(),
        values=CheckInValues(pain=0, mood=10),
        now=timezone.now(),
        source="api",
    )
    assert page(anna_client) != before


def test_each_period_and_language_has_its_own_body(anna_client):
    dutch = page(anna_client)
    assert page(anna_client, URL + "?periode=12") != dutch
    english = page(anna_client, "/en" + URL)
    assert "Your daily scores" in english and "Your daily scores" not in dutch
    assert page(anna_client) == dutch


def test_a_new_day_shows_the_new_day(anna_client):
    today = page(anna_client)
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert page(anna_client) != today


def test_another_patient_never_gets_annas_body(anna_client, patient_bram):
    from django.test import Client

    anna = page(anna_client)
    bram = Client()
    bram.force_login(patient_bram)
    assert page(bram) != anna
