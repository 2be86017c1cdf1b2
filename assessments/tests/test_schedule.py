"""What is due (docs/clinical.md section 4): one at a time, never during flare mode."""

import datetime as dt
import uuid

import pytest
import time_machine
from django.utils import timezone

from assessments import actions
from assessments.redflags import QUESTIONS
from assessments.schedule import due_questionnaire
from assessments.tests.helpers import CASE_A_STEPS, fill_in, items

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(client, patient_anna, instruments):
    client.force_login(patient_anna)
    return patient_anna


def _due(user, week=None, flare=False, today=None):
    today = today or user.local_date()
    return due_questionnaire(user=user, programme_week=week, in_flare=flare, today=today)


def _no_red_flags(user):
    actions.record_red_flag_check(
        patient=user,
        answers={k: False for k in QUESTIONS},
        submission_key=uuid.uuid4(),
        now=timezone.now(),
    )


def _intake(client, user):
    _no_red_flags(user)
    fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    fill_in(client, "phq4", items(0, 0, 0, 0), occasion="intake")


def test_the_intake_starts_with_the_red_flag_questions(anna):
    due = _due(anna)
    assert due.instrument_key == "red_flags" and due.url == "/vragenlijsten/rode-vlaggen/"
    assert due.title == "Een paar veiligheidsvragen"


def test_then_the_intake_acr_2016_then_the_phq4(client, anna):
    _no_red_flags(anna)
    due = _due(anna)
    assert (due.instrument_key, due.url) == ("acr2016", "/vragenlijsten/begin/acr2016/intake/")
    assert due.title == "Pijnplekken en klachten"
    fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    assert _due(anna).url == "/vragenlijsten/begin/phq4/intake/"


def test_nothing_is_due_after_the_intake_until_week_4(client, anna):
    _intake(client, anna)
    assert _due(anna) is None
    assert _due(anna, week=3) is None


def test_never_anything_during_a_flare(anna):
    assert _due(anna, flare=True) is None
    assert _due(anna, week=4, flare=True) is None


def test_not_enrolled_means_only_the_intake(client, anna):
    _intake(client, anna)
    assert _due(anna, week=None) is None


@pytest.mark.parametrize("week", [4, 5, 7])
def test_week_4_asks_the_acr_symptom_part_then_phq4_then_pgic(client, anna, week):
    _intake(client, anna)
    due = _due(anna, week=week)
    assert due.url == "/vragenlijsten/begin/acr2016/week_4/"
    assert due.title == "Pijnplekken en klachten"
    fill_in(client, "acr2016", CASE_A_STEPS[:7], occasion="week_4")
    assert _due(anna, week=week).url == "/vragenlijsten/begin/phq4/week_4/"
    fill_in(client, "phq4", items(0, 0, 0, 0), occasion="week_4")
    assert _due(anna, week=week).url == "/vragenlijsten/begin/pgic/week_4/"
    fill_in(client, "pgic", [{"change": "3"}], occasion="week_4")
    assert _due(anna, week=week) is None


@pytest.mark.parametrize(
    ("week", "occasion"), [(8, "week_8"), (11, "week_8"), (12, "week_12"), (15, "week_12")]
)
def test_weeks_8_and_12_have_their_own_round(client, anna, week, occasion):
    _intake(client, anna)
    assert _due(anna, week=week).url == f"/vragenlijsten/begin/acr2016/{occasion}/"


def test_after_week_15_nothing_more_is_due(client, anna):
    _intake(client, anna)
    assert _due(anna, week=16) is None


def test_the_fiqr_is_due_only_where_a_licensed_wording_is_installed(client, anna):
    _intake(client, anna)
    fill_in(client, "acr2016", CASE_A_STEPS[:7], occasion="week_4")
    fill_in(client, "phq4", items(0, 0, 0, 0), occasion="week_4")
    fill_in(client, "pgic", [{"change": "3"}], occasion="week_4")
    assert _due(anna, week=4) is None
    from assessments.tests.helpers import install_fixture

    install_fixture()
    assert _due(anna, week=4).url == "/vragenlijsten/begin/fiqr/week_4/"


def test_a_positive_depression_screen_offers_the_phq9_for_two_weeks(client, anna):
    _no_red_flags(anna)
    fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    fill_in(client, "phq4", items(0, 0, 2, 1), occasion="intake")
    today = anna.local_date()
    assert _due(anna, today=today).url == "/vragenlijsten/begin/phq9/offered/"
    assert _due(anna, today=today + dt.timedelta(days=13)).instrument_key == "phq9"
    assert _due(anna, today=today + dt.timedelta(days=14)) is None


def test_the_phq9_offer_ends_once_the_phq9_is_sent(client, anna):
    _no_red_flags(anna)
    fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    fill_in(client, "phq4", items(0, 0, 2, 1), occasion="intake")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
        fill_in(client, "phq9", items(0, 0, 0, 0, 0, 0, 0, 0, 0), occasion="offered")
    assert _due(anna) is None


def test_the_schedule_costs_few_queries(client, anna, django_assert_max_num_queries):
    _intake(client, anna)
    with django_assert_max_num_queries(3):
        _due(anna, week=4)


def test_the_schedule_works_before_the_instruments_are_loaded(patient_anna):
    _no_red_flags(patient_anna)
    due = _due(patient_anna)
    assert due.instrument_key == "acr2016" and due.title == "Pijnplekken en klachten"
