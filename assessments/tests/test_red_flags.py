"""Red-flag questions, their routing and the pause of the exercises (docs/clinical.md section 6)."""

import pytest
import time_machine
from django.utils import timezone

from assessments import redflags
from assessments.models import RedFlagCheck, SafetyFlag
from assessments.safety import exercises_paused
from assessments.scoring import InvalidAnswers

pytestmark = pytest.mark.django_db

ALL_NO = {key: "no" for key in redflags.QUESTIONS}


def _answers(**yes: bool) -> dict[str, bool]:
    return {key: yes.get(key, False) for key in redflags.QUESTIONS}


# --- The pure routing ---


@pytest.mark.parametrize(
    ("yes", "routing"),
    [
        ({}, "none"),
        ({"weight_loss": True}, "gp"),
        ({"fever_night_sweats": True}, "gp"),
        ({"numbness_weakness_walking": True}, "gp"),
        ({"hot_swollen_joints": True}, "gp"),
        ({"morning_stiffness_swollen_joints": True}, "gp"),
        ({"over_50_shoulders_hips": True}, "gp"),
        ({"cancer_history_new_pain": True}, "gp"),
        ({"night_pain_not_eased_by_rest": True}, "gp"),
        ({"bladder_bowel": True}, "emergency"),
        ({"over_50_headache_jaw_sight": True}, "same_day"),
        ({"weight_loss": True, "over_50_headache_jaw_sight": True}, "same_day"),
        ({"bladder_bowel": True, "over_50_headache_jaw_sight": True}, "emergency"),
    ],
)
def test_the_strongest_routing_wins(yes, routing):
    assert redflags.route(_answers(**yes)) == routing


def test_there_are_the_ten_questions_of_clinical_section_6():
    assert len(redflags.QUESTIONS) == 10


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({k: False for k in list(redflags.QUESTIONS)[1:]}, "weight_loss"),
        ({**_answers(), "weight_loss": 0}, "weight_loss"),
        ({**_answers(), "weight_loss": "no"}, "weight_loss"),
        ({**_answers(), "itch": True}, "itch"),
    ],
)
def test_an_incomplete_or_odd_answer_is_never_taken_as_no(answers, field):
    with pytest.raises(InvalidAnswers) as caught:
        redflags.route(answers)
    assert caught.value.field == field


# --- Through the pages ---


@pytest.fixture
def anna(client, patient_anna):
    client.force_login(patient_anna)
    return patient_anna


def test_all_no_gives_thanks_and_no_pause(client, anna):
    answer = client.post("/vragenlijsten/rode-vlaggen/", ALL_NO)
    check = RedFlagCheck.objects.get()
    assert answer["Location"] == f"/vragenlijsten/rode-vlaggen/{check.public_id}/"
    assert (check.routing, check.context) == ("none", "intake")
    assert "Dank je wel" in client.get(answer["Location"]).content.decode()
    assert not exercises_paused(anna)
    assert not SafetyFlag.objects.exists()


def test_a_missing_answer_is_422_next_to_the_question(client, anna):
    data = {**ALL_NO}
    del data["fever_night_sweats"]
    answer = client.post("/vragenlijsten/rode-vlaggen/", data)
    assert answer.status_code == 422
    html = answer.content.decode()
    assert 'id="id_fever_night_sweats-error"' in html and "Kies ja of nee." in html
    assert 'value="no" id="id_weight_loss_1" required checked' in html
    assert not RedFlagCheck.objects.exists()


def test_loss_of_bladder_control_says_call_112_or_the_gp_now(client, anna):
    answer = client.post("/vragenlijsten/rode-vlaggen/", {**ALL_NO, "bladder_bowel": "yes"})
    page = client.get(answer["Location"]).content.decode()
    assert "Bel nu 112 of je huisarts" in page and 'href="tel:112"' in page
    assert exercises_paused(anna)


def test_over_50_with_new_headache_says_same_day(client, anna):
    data = {**ALL_NO, "over_50_headache_jaw_sight": "yes"}
    page = client.get(client.post("/vragenlijsten/rode-vlaggen/", data)["Location"])
    assert "Neem vandaag contact op met je huisarts" in page.content.decode()
    assert RedFlagCheck.objects.get().routing == "same_day"


def test_any_other_yes_says_see_your_gp_first_and_pauses_the_exercises(client, anna, mailoutbox):
    answer = client.post("/vragenlijsten/rode-vlaggen/", {**ALL_NO, "weight_loss": "yes"})
    page = client.get(answer["Location"]).content.decode()
    assert "Ga eerst naar je huisarts" in page
    assert "De oefeningen staan even stil" in page
    assert exercises_paused(anna)
    check = RedFlagCheck.objects.get()
    assert SafetyFlag.objects.get().red_flag_check == check
    assert mailoutbox == []


def test_confirming_a_doctors_visit_stores_when_and_resumes_the_exercises(client, anna):
    client.post("/vragenlijsten/rode-vlaggen/", {**ALL_NO, "weight_loss": "yes"})
    check = RedFlagCheck.objects.get()
    moment = timezone.now() + timezone.timedelta(days=3)
    with time_machine.travel(moment, tick=False):
        answer = client.post(f"/vragenlijsten/rode-vlaggen/{check.public_id}/bevestigen/")
    assert answer.status_code == 302
    check.refresh_from_db()
    assert check.doctor_visit_confirmed_at == moment.replace(microsecond=moment.microsecond)
    assert not exercises_paused(anna)
    page = client.get(answer["Location"]).content.decode()
    assert "De oefeningen staan weer open" in page


def test_confirming_twice_keeps_the_first_time(client, anna):
    client.post("/vragenlijsten/rode-vlaggen/", {**ALL_NO, "weight_loss": "yes"})
    check = RedFlagCheck.objects.get()
    client.post(f"/vragenlijsten/rode-vlaggen/{check.public_id}/bevestigen/")
    first = RedFlagCheck.objects.get().doctor_visit_confirmed_at
    client.post(f"/vragenlijsten/rode-vlaggen/{check.public_id}/bevestigen/")
    assert RedFlagCheck.objects.get().doctor_visit_confirmed_at == first


def test_a_check_without_red_flag_cannot_be_confirmed(client, anna):
    client.post("/vragenlijsten/rode-vlaggen/", ALL_NO)
    check = RedFlagCheck.objects.get()
    client.post(f"/vragenlijsten/rode-vlaggen/{check.public_id}/bevestigen/")
    assert RedFlagCheck.objects.get().doctor_visit_confirmed_at is None


def test_a_second_round_is_something_new_and_the_page_offers_the_confirm_button(client, anna):
    client.post("/vragenlijsten/rode-vlaggen/", {**ALL_NO, "weight_loss": "yes"})
    page = client.get("/vragenlijsten/rode-vlaggen/").content.decode()
    assert "Iets nieuws?" in page and "Ik ben bij een arts geweest" in page
    client.post("/vragenlijsten/rode-vlaggen/", ALL_NO)
    assert RedFlagCheck.objects.order_by("submitted_at").last().context == "something_new"
    assert exercises_paused(anna)  # the first red flag still waits for the doctor


def test_exercises_are_not_paused_for_someone_logged_out(client):
    from django.contrib.auth.models import AnonymousUser

    assert exercises_paused(AnonymousUser()) is False
