"""A submitted response never changes; another patient's data answers 404; logged out -> log-in."""

import uuid

import pytest
from django.utils import timezone

from assessments import actions
from assessments.errors import ResponseLocked
from assessments.models import RedFlagCheck, Response
from assessments.tests.helpers import CASE_A_STEPS, fill_in, items, question_url, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, patient_anna, instruments):
    client.force_login(patient_anna)
    return fill_in(client, "phq4", items(2, 1, 1, 1))


def test_posting_to_a_submitted_question_changes_nothing(client, submitted):
    before = (submitted.answers, submitted.scores, submitted.updated_at)
    answer = client.post(question_url(submitted, 1), {"go": "next", "item1": "0"})
    assert answer["Location"] == f"/vragenlijsten/{submitted.public_id}/uitslag/"
    submitted.refresh_from_db()
    assert (submitted.answers, submitted.scores, submitted.updated_at) == before


def test_list_mode_and_review_of_a_submitted_response_change_nothing(client, submitted):
    base = f"/vragenlijsten/{submitted.public_id}"
    client.post(f"{base}/alle-vragen/", {"go": "review", **{f"item{n}": "0" for n in range(1, 5)}})
    client.post(f"{base}/controleren/")
    client.post(f"{base}/weggooien/")
    submitted.refresh_from_db()
    assert submitted.answers == {"item1": 2, "item2": 1, "item3": 1, "item4": 1}
    assert submitted.scores["total"] == 5


def test_the_actions_refuse_to_change_a_submitted_response(submitted):
    now = timezone.now()
    with pytest.raises(ResponseLocked):
        actions.save_answers(response=submitted, answers={"item1": 0}, step=1, now=now)
    with pytest.raises(ResponseLocked):
        actions.submit_response(response=submitted, now=now)
    with pytest.raises(ResponseLocked):
        actions.discard_draft(response=submitted)
    submitted.refresh_from_db()
    assert submitted.answers["item1"] == 2


def test_the_model_refuses_to_save_over_a_submitted_response(submitted):
    loaded = Response.objects.get(pk=submitted.pk)
    loaded.answers = {"item1": 0}
    with pytest.raises(ResponseLocked):
        loaded.save()
    assert Response.objects.get(pk=submitted.pk).answers["item1"] == 2


def test_a_correction_is_a_new_response_with_the_old_answers_filled_in(client, submitted):
    answer = client.post(f"/vragenlijsten/{submitted.public_id}/verbeteren/")
    correction = Response.objects.drafts().get()
    assert answer["Location"] == question_url(correction, 1)
    assert correction.corrects == submitted and correction.pk != submitted.pk
    assert correction.answers == submitted.answers
    client.post(question_url(correction, 1), {"go": "next", "item1": "0"})
    client.post(f"/vragenlijsten/{correction.public_id}/controleren/")
    correction.refresh_from_db()
    submitted.refresh_from_db()
    assert correction.scores["total"] == 3 and submitted.scores["total"] == 5


def _urls(client, patient_anna):
    """Every per-object page of Anna's: a draft, a submitted response and a red-flag check."""
    client.force_login(patient_anna)
    draft = start(client, "acr2016", occasion="intake")
    sent = fill_in(client, "phq4", items(2, 1, 1, 1))
    check = actions.record_red_flag_check(
        patient=patient_anna,
        answers={key: key == "weight_loss" for key in actions.redflags.QUESTIONS},
        submission_key=uuid.uuid4(),
        now=timezone.now(),
    )
    get = [
        question_url(draft, 1),
        f"/vragenlijsten/{draft.public_id}/alle-vragen/",
        f"/vragenlijsten/{draft.public_id}/controleren/",
        f"/vragenlijsten/{sent.public_id}/uitslag/",
        f"/vragenlijsten/{sent.public_id}/steun/",
        f"/vragenlijsten/rode-vlaggen/{check.public_id}/",
    ]
    post = [
        question_url(draft, 1),
        f"/vragenlijsten/{draft.public_id}/alle-vragen/",
        f"/vragenlijsten/{draft.public_id}/controleren/",
        f"/vragenlijsten/{sent.public_id}/verbeteren/",
        f"/vragenlijsten/{draft.public_id}/weggooien/",
        f"/vragenlijsten/rode-vlaggen/{check.public_id}/bevestigen/",
    ]
    return get, post, check


def test_another_patient_gets_404_for_every_view(client, patient_anna, patient_bram, instruments):
    get, post, check = _urls(client, patient_anna)
    client.force_login(patient_bram)
    for url in get:
        assert client.get(url).status_code == 404, url
        assert client.get("/en" + url).status_code == 404, url
    for url in post:
        assert client.post(url, {"go": "next", "item1": "0"}).status_code == 404, url
    assert Response.objects.filter(patient=patient_bram).count() == 0
    assert Response.objects.drafts().filter(patient=patient_anna).count() == 1
    assert RedFlagCheck.objects.get(pk=check.pk).resumed_at is None


def test_logged_out_every_view_redirects_to_log_in(client, patient_anna, instruments):
    get, post, _check = _urls(client, patient_anna)
    client.logout()
    pages = [*get, "/vragenlijsten/", "/vragenlijsten/rode-vlaggen/"]
    pages.append("/vragenlijsten/begin/phq4/self/")
    for url in pages:
        answer = client.get(url)
        assert answer.status_code == 302 and "/account/login/" in answer["Location"], url
    for url in post:
        answer = client.post(url)
        assert answer.status_code == 302 and "/account/login/" in answer["Location"], url


def test_a_draft_is_saved_with_the_questions_of_its_part(client, patient_anna, instruments):
    client.force_login(patient_anna)
    draft = start(client, "acr2016", occasion="week_4")
    assert draft.part == "symptoms" and len(draft.item_keys()) == 7
    assert client.get(question_url(draft, 8)).status_code == 404
    for number, data in enumerate(CASE_A_STEPS[:7], start=1):
        client.post(question_url(draft, number), {"go": "next", **data})
    client.post(f"/vragenlijsten/{draft.public_id}/controleren/")
    draft.refresh_from_db()
    assert draft.scores["fs"] == 14 and "meets_2016_thresholds" not in draft.scores
