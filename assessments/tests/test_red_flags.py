"""Red flags in three tiers, the pause of the exercises and how it ends (docs/clinical.md)."""

import uuid

import pytest
import time_machine
from django.utils import timezone

from accounts import actions as account_actions
from accounts.access import ConsentMissing, NotAPatient
from accounts.models import Consent
from assessments import actions, redflags
from assessments.errors import NotAwaitingDoctor
from assessments.models import RedFlagCheck, SafetyFlag
from assessments.safety import exercises_paused
from assessments.scoring import InvalidAnswers
from assessments.texts import RED_FLAG_QUESTIONS

pytestmark = pytest.mark.django_db

URL = "/vragenlijsten/rode-vlaggen/"
ALL_NO = {key: "no" for key in redflags.QUESTIONS}
CALL_112 = ("stroke_signs", "sudden_severe_headache", "bladder_bowel_or_saddle_numbness")
GP_TODAY = (
    "over_50_headache_jaw_sight",
    "numbness_weakness_walking",
    "fever_night_sweats_new_pain",
)
GP_SOON = (
    "weight_loss",
    "hot_swollen_joints",
    "morning_stiffness_swollen_joints",
    "over_50_shoulders_hips",
    "cancer_history_new_pain",
    "night_pain_not_eased_by_rest",
)
TIER_OF = {
    **dict.fromkeys(CALL_112, "emergency"),
    **dict.fromkeys(GP_TODAY, "same_day"),
    **dict.fromkeys(GP_SOON, "gp"),
}
# The first words of the advice on the result page (Dutch), per tier.
ADVICE = {
    "emergency": "Bel nu 112",
    "same_day": "Bel vandaag je huisarts",
    "gp": "Maak snel een afspraak met je huisarts",
}


def _answers(*yes: str) -> dict[str, bool]:
    return {key: key in yes for key in redflags.QUESTIONS}


def _form(*yes: str, key: object = None) -> dict[str, str]:
    data = {name: "yes" if name in yes else "no" for name in redflags.QUESTIONS}
    data["submission_key"] = str(key or uuid.uuid4())
    return data


# --- The pure tiers ---


def test_the_three_tiers_are_the_ones_of_clinical_section_6():
    assert redflags.questions_of("emergency") == CALL_112
    assert redflags.questions_of("same_day") == GP_TODAY
    assert redflags.questions_of("gp") == GP_SOON
    assert len(redflags.QUESTIONS) == 12


@pytest.mark.parametrize(("question", "tier"), sorted(TIER_OF.items()))
def test_each_question_alone_gives_its_own_tier(question, tier):
    assert redflags.route(_answers(question)) == tier


@pytest.mark.parametrize(
    ("yes", "tier"),
    [
        ((), "none"),
        (("weight_loss", "numbness_weakness_walking"), "same_day"),
        (("night_pain_not_eased_by_rest", "stroke_signs"), "emergency"),
        (("fever_night_sweats_new_pain", "sudden_severe_headache", "weight_loss"), "emergency"),
        (tuple(redflags.QUESTIONS), "emergency"),
        (GP_SOON, "gp"),
    ],
)
def test_the_highest_tier_wins(yes, tier):
    assert redflags.route(_answers(*yes)) == tier


def test_flagged_lists_the_most_urgent_first():
    answers = _answers("weight_loss", "numbness_weakness_walking", "stroke_signs")
    assert redflags.flagged(answers) == (
        "stroke_signs",
        "numbness_weakness_walking",
        "weight_loss",
    )


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({k: False for k in list(redflags.QUESTIONS)[1:]}, "stroke_signs"),
        ({**_answers(), "weight_loss": 0}, "weight_loss"),
        ({**_answers(), "weight_loss": "no"}, "weight_loss"),
        ({**_answers(), "bladder_bowel": True}, "bladder_bowel"),
    ],
)
def test_an_incomplete_or_odd_answer_is_never_taken_as_no(answers, field):
    with pytest.raises(InvalidAnswers) as caught:
        redflags.route(answers)
    assert caught.value.field == field


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_question_asks_about_something_new_or_not_yet_seen_by_a_doctor(language):
    from django.utils import translation

    words = {
        "en": ("new", "suddenly", "no doctor"),
        "nl": ("nieuw", "plotseling", "nog geen arts"),
    }[language]
    with translation.override(language):
        texts = {key: str(text) for key, text in RED_FLAG_QUESTIONS.items()}
    without = [key for key, text in texts.items() if not any(w in text for w in words)]
    assert not without
    assert texts["stroke_signs"].startswith({"en": "Do you suddenly", "nl": "Hangt je"}[language])


# --- Through the pages ---


@pytest.fixture
def anna(client, patient_anna):
    client.force_login(patient_anna)
    return patient_anna


def _send(client, *yes: str):
    answer = client.post(URL, _form(*yes))
    assert answer.status_code == 302, answer.content.decode()[:500]
    return answer["Location"], client.get(answer["Location"]).content.decode()


def _main(html: str) -> str:
    return html.split('<main id="main"', 1)[1]


def test_all_no_gives_thanks_and_no_pause(client, anna):
    location, page = _send(client)
    check = RedFlagCheck.objects.get()
    assert location == f"{URL}{check.public_id}/"
    assert (check.routing, check.context) == ("none", "intake")
    assert "Dank je wel" in page
    assert not exercises_paused(anna)
    assert not SafetyFlag.objects.exists()


@pytest.mark.parametrize(("question", "tier"), sorted(TIER_OF.items()))
def test_each_question_shows_the_advice_of_its_tier(client, anna, question, tier):
    _location, page = _send(client, question)
    assert RedFlagCheck.objects.get().routing == tier
    main = _main(page)
    shown = {t: main.find(advice) for t, advice in ADVICE.items()}
    assert shown[tier] > -1
    assert all(at == -1 for t, at in shown.items() if t != tier)
    assert exercises_paused(anna)


def test_call_112_comes_first_with_a_tappable_number(client, anna):
    _location, page = _send(client, "weight_loss", "numbness_weakness_walking", "stroke_signs")
    main = _main(page)
    assert main.index("<h1") < main.index("Bel nu 112") < main.index('href="tel:112"')
    first_link = main[main.index("<a ") :]
    assert first_link.startswith(
        '<a class="button button--danger tel-link" href="tel:112">Bel 112</a>'
    )
    assert "<form" not in main[: main.index("<a ")]  # nothing to click comes before 112
    assert main.index('href="tel:112"') < main.index("Je antwoordde ja op")
    assert main.index("Je antwoordde ja op") < main.index("De oefeningen staan even stil")
    said_yes = main[main.index("Je antwoordde ja op") :]
    assert said_yes.index("Hangt je gezicht") < said_yes.index("Val je af")


def test_the_english_page_says_call_112_now_with_the_same_number(client, anna):
    answer = client.post("/en" + URL, _form("sudden_severe_headache"))
    page = _main(client.get(answer["Location"]).content.decode())
    assert answer["Location"].startswith("/en/")
    assert page.index("Call 112 now") < page.index('href="tel:112">Call 112</a>')
    assert "A doctor already knows about this" in page


def test_the_paused_today_page_offers_the_way_to_resume(client, anna):
    from programme import actions as programme

    programme.enrol(user=anna, started_on=anna.local_date(), now=timezone.now())
    _send(client, "weight_loss")
    page = client.get("/vandaag/").content.decode()
    assert f'<a href="{URL}">Ik ben bij een arts geweest, of een arts weet het al</a>' in page


def test_a_missing_answer_is_422_next_to_the_question_and_keeps_the_others(client, anna):
    data = _form()
    del data["fever_night_sweats_new_pain"]
    answer = client.post(URL, data)
    assert answer.status_code == 422
    html = answer.content.decode()
    assert 'id="id_fever_night_sweats_new_pain-error"' in html and "Kies ja of nee." in html
    assert 'value="no" id="id_weight_loss_1" required checked' in html
    assert f'value="{data["submission_key"]}"' in html  # the same key: a resend stays one
    assert not RedFlagCheck.objects.exists()


def test_a_form_without_its_key_is_422_with_a_fresh_key_and_nothing_saved(client, anna):
    data = _form("weight_loss")
    del data["submission_key"]
    answer = client.post(URL, data)
    assert answer.status_code == 422
    html = answer.content.decode()
    assert "Er ging iets mis met dit formulier" in html
    assert 'name="submission_key" value="' in html
    assert 'value="yes" id="id_weight_loss_0" required checked' in html
    assert not RedFlagCheck.objects.exists()


def test_the_same_form_sent_twice_gives_one_check(client, anna):
    data = _form("stroke_signs")
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first["Location"] == second["Location"]
    assert RedFlagCheck.objects.count() == 1
    assert SafetyFlag.objects.count() == 1


def test_the_action_is_idempotent_per_submission_key(patient_anna):
    key = uuid.uuid4()
    now = timezone.now()
    checks = {
        actions.record_red_flag_check(
            patient=patient_anna, answers=_answers("weight_loss"), submission_key=key, now=now
        ).pk
        for _ in range(3)
    }
    assert len(checks) == 1 and SafetyFlag.objects.count() == 1


def test_another_patients_key_makes_its_own_check(patient_anna, patient_bram):
    key, now = uuid.uuid4(), timezone.now()
    anna = actions.record_red_flag_check(
        patient=patient_anna, answers=_answers(), submission_key=key, now=now
    )
    bram = actions.record_red_flag_check(
        patient=patient_bram, answers=_answers("weight_loss"), submission_key=key, now=now
    )
    assert anna.pk != bram.pk and bram.patient == patient_bram and bram.routing == "gp"


def test_only_a_consenting_patient_can_record_red_flags(patient_anna, therapist_eva):
    with pytest.raises(NotAPatient):
        actions.record_red_flag_check(
            patient=therapist_eva,
            answers=_answers(),
            submission_key=uuid.uuid4(),
            now=timezone.now(),
        )
    account_actions.withdraw_consent(
        user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now()
    )
    with pytest.raises(ConsentMissing):
        actions.record_red_flag_check(
            patient=patient_anna,
            answers=_answers(),
            submission_key=uuid.uuid4(),
            now=timezone.now(),
        )
    assert not RedFlagCheck.objects.exists()


def test_any_yes_pauses_the_exercises_and_records_a_flag_without_email(client, anna, mailoutbox):
    _location, page = _send(client, "weight_loss")
    assert "De oefeningen staan even stil" in page
    assert "Ik ben bij een arts geweest" in page and "Een arts weet hier al van" in page
    assert exercises_paused(anna)
    assert SafetyFlag.objects.get().red_flag_check == RedFlagCheck.objects.get()
    assert mailoutbox == []


def test_seeing_a_doctor_stores_when_and_why_and_resumes_the_exercises(client, anna):
    _send(client, "weight_loss")
    check = RedFlagCheck.objects.get()
    moment = timezone.now() + timezone.timedelta(days=3)
    with time_machine.travel(moment, tick=False):
        answer = client.post(f"{URL}{check.public_id}/bevestigen/", {"because": "seen_doctor"})
    assert answer.status_code == 302
    check.refresh_from_db()
    assert (check.resumed_at, check.resumed_because) == (moment, "seen_doctor")
    assert not exercises_paused(anna)
    assert "De oefeningen staan weer open" in client.get(answer["Location"]).content.decode()


def test_the_doctor_already_knows_resumes_the_exercises(client, anna):
    _send(client, "hot_swollen_joints", "night_pain_not_eased_by_rest")
    check = RedFlagCheck.objects.get()
    assert exercises_paused(anna)
    answer = client.post(f"{URL}{check.public_id}/bevestigen/", {"because": "doctor_knows"})
    check.refresh_from_db()
    assert check.resumed_because == "doctor_knows" and check.resumed_at is not None
    assert not exercises_paused(anna)
    page = client.get(answer["Location"]).content.decode()
    assert "dat een arts hier al van weet" in page


def test_resuming_twice_keeps_the_first_time_and_reason(client, anna):
    _send(client, "weight_loss")
    check = RedFlagCheck.objects.get()
    client.post(f"{URL}{check.public_id}/bevestigen/", {"because": "doctor_knows"})
    first = RedFlagCheck.objects.values_list("resumed_at", "resumed_because").get()
    client.post(f"{URL}{check.public_id}/bevestigen/", {"because": "seen_doctor"})
    assert RedFlagCheck.objects.values_list("resumed_at", "resumed_because").get() == first


def test_an_unknown_reason_changes_nothing(client, anna):
    _send(client, "weight_loss")
    check = RedFlagCheck.objects.get()
    answer = client.post(f"{URL}{check.public_id}/bevestigen/", {"because": "bored"})
    assert answer.status_code == 302
    assert "Kies een van de twee knoppen." in client.get(answer["Location"]).content.decode()
    assert exercises_paused(anna)


def test_a_check_without_red_flag_cannot_be_resumed(client, anna):
    _send(client)
    check = RedFlagCheck.objects.get()
    client.post(f"{URL}{check.public_id}/bevestigen/", {"because": "seen_doctor"})
    assert RedFlagCheck.objects.get().resumed_at is None
    with pytest.raises(NotAwaitingDoctor):
        actions.resume_exercises(
            patient=anna, check=check, because="seen_doctor", now=timezone.now()
        )


def test_resuming_a_later_check_covers_earlier_ones_but_not_the_other_way(patient_anna):
    start = timezone.now()

    def record(minutes, *yes):
        return actions.record_red_flag_check(
            patient=patient_anna,
            answers=_answers(*yes),
            submission_key=uuid.uuid4(),
            now=start + timezone.timedelta(minutes=minutes),
        )

    first, second, third = (
        record(0, "weight_loss"),
        record(1, "stroke_signs"),
        record(2, "hot_swollen_joints"),
    )
    later = start + timezone.timedelta(hours=1)
    assert (
        actions.resume_exercises(
            patient=patient_anna, check=second, because="seen_doctor", now=later
        )
        == 2
    )
    assert exercises_paused(patient_anna)  # the third, newer one still waits
    first.refresh_from_db()
    third.refresh_from_db()
    assert first.resumed_at == later and third.resumed_at is None
    assert (
        actions.resume_exercises(
            patient=patient_anna, check=third, because="doctor_knows", now=later
        )
        == 1
    )
    assert not exercises_paused(patient_anna)


def test_a_second_round_is_something_new_and_offers_both_ways_to_resume(client, anna):
    _send(client, "weight_loss")
    page = client.get(URL).content.decode()
    assert "Iets nieuws?" in page
    assert "Ik ben bij een arts geweest" in page and "Een arts weet hier al van" in page
    _send(client)
    assert RedFlagCheck.objects.order_by("submitted_at").last().context == "something_new"
    assert exercises_paused(anna)  # the first red flag still waits for the doctor


def test_the_check_in_links_to_something_new(client, anna):
    page = client.get("/dagboek/").content.decode()
    assert f'href="{URL}"' in page and "Merk je iets nieuws" in page


def test_exercises_are_not_paused_for_someone_logged_out():
    from django.contrib.auth.models import AnonymousUser

    assert exercises_paused(AnonymousUser()) is False
