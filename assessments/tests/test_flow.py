"""The questionnaire flow through the URLs: drafts, back and forth, resume, list mode, submit."""

import pytest
import time_machine
from django.utils import timezone

from assessments.models import Response
from assessments.tests.helpers import (
    CASE_A_STEPS,
    answer_steps,
    fill_in,
    question_url,
    start,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(client, patient_anna, instruments):
    client.force_login(patient_anna)
    return patient_anna


def test_the_start_page_says_how_many_questions_and_creates_nothing(client, anna):
    page = client.get("/vragenlijsten/begin/acr2016/intake/")
    assert page.status_code == 200
    assert "8 vragen" in page.content.decode()
    assert not Response.objects.exists()


def test_starting_opens_a_draft_on_the_first_question(client, anna):
    answer = client.post("/vragenlijsten/begin/phq4/self/", {"mode": "steps"})
    draft = Response.objects.get()
    assert answer["Location"] == question_url(draft, 1)
    assert (draft.instrument_key, draft.instrument_version) == ("phq4", "2026.2")
    assert draft.submitted_at is None and draft.answers == {} and draft.occasion == "self"


def test_starting_twice_resumes_the_same_draft(client, anna):
    first = start(client, "phq4")
    answer_steps(client, first, [{"item1": "2"}])
    again = client.post("/vragenlijsten/begin/phq4/self/", {"mode": "steps"})
    assert Response.objects.count() == 1
    assert again["Location"] == question_url(first, 2)


def test_next_saves_the_answer_on_the_server(client, anna):
    draft = start(client, "phq4")
    answer = client.post(question_url(draft, 1), {"go": "next", "item1": "3"})
    assert answer["Location"] == question_url(draft, 2)
    draft.refresh_from_db()
    assert draft.answers == {"item1": 3} and draft.step == 2


def test_next_without_an_answer_shows_the_error_next_to_the_question(client, anna):
    draft = start(client, "phq4")
    answer = client.post(question_url(draft, 1), {"go": "next"})
    assert answer.status_code == 422
    html = answer.content.decode()
    assert 'aria-describedby=" id_item1-error"' in html or 'id="id_item1-error"' in html
    assert "Kies een antwoord." in html
    draft.refresh_from_db()
    assert draft.answers == {}


def test_an_answer_outside_the_options_is_refused(client, anna):
    draft = start(client, "phq4")
    answer = client.post(question_url(draft, 1), {"go": "next", "item1": "4"})
    assert answer.status_code == 422
    draft.refresh_from_db()
    assert draft.answers == {}


def test_back_keeps_every_answer_and_shows_it_again(client, anna):
    draft = start(client, "phq4")
    answer_steps(client, draft, [{"item1": "2"}, {"item2": "1"}])
    back = client.post(question_url(draft, 3), {"go": "back"})
    assert back["Location"] == question_url(draft, 2)
    page = client.get(question_url(draft, 2)).content.decode()
    assert 'value="1" id="id_item2_1" required checked' in page
    draft.refresh_from_db()
    assert draft.answers == {"item1": 2, "item2": 1}


def test_back_saves_a_new_answer_too_without_requiring_one(client, anna):
    draft = start(client, "phq4")
    answer_steps(client, draft, [{"item1": "2"}])
    client.post(question_url(draft, 2), {"go": "back", "item2": "3"})
    draft.refresh_from_db()
    assert draft.answers == {"item1": 2, "item2": 3}


def test_back_from_the_first_question_goes_to_the_start_page(client, anna):
    draft = start(client, "phq4", occasion="intake")
    back = client.post(question_url(draft, 1), {"go": "back"})
    assert back["Location"] == "/vragenlijsten/begin/phq4/intake/"


def test_save_and_go_on_later_then_resume_where_left_off(client, anna):
    draft = start(client, "acr2016", occasion="intake")
    answer_steps(client, draft, CASE_A_STEPS[:3])
    later = client.post(question_url(draft, 4), {"go": "later", "cognitive": "1"})
    assert later["Location"] == "/vragenlijsten/"
    index = client.get("/vragenlijsten/").content.decode()
    assert "4 van 8 beantwoord" in index
    assert question_url(draft, 4) in index  # "go on" comes back to the question left
    resumed = client.post("/vragenlijsten/begin/acr2016/intake/", {"mode": "steps"})
    assert resumed["Location"] == question_url(draft, 4)
    page = client.get(question_url(draft, 4)).content.decode()
    assert 'value="1" id="id_cognitive_1" required checked' in page


def test_the_body_map_step_keeps_the_chosen_areas(client, anna):
    draft = start(client, "acr2016", occasion="intake")
    answer_steps(client, draft, CASE_A_STEPS[:1])
    page = client.get(question_url(draft, 1)).content.decode()
    assert 'value="neck" id="pain_areas-neck" data-area="neck" checked' in page
    assert 'value="chest" id="pain_areas-chest" data-area="chest">' in page
    assert page.count('type="checkbox" name="pain_areas"') == 19


def test_an_unknown_body_area_is_refused(client, anna):
    draft = start(client, "acr2016", occasion="intake")
    answer = client.post(question_url(draft, 1), {"go": "next", "pain_areas": ["tail"]})
    assert answer.status_code == 422
    draft.refresh_from_db()
    assert draft.answers == {}


def test_no_pain_anywhere_is_an_answer(client, anna):
    draft = start(client, "acr2016", occasion="intake")
    client.post(question_url(draft, 1), {"go": "next"})
    draft.refresh_from_db()
    assert draft.answers == {"pain_areas": []}


def test_a_question_number_outside_the_questionnaire_is_404(client, anna):
    draft = start(client, "phq4")
    assert client.get(question_url(draft, 5)).status_code == 404
    assert client.get(question_url(draft, 0)).status_code == 404


def test_the_last_question_leads_to_the_review(client, anna):
    draft = start(client, "phq4")
    answer_steps(client, draft, [{"item1": "2"}, {"item2": "1"}, {"item3": "1"}])
    last = client.post(question_url(draft, 4), {"go": "next", "item4": "1"})
    assert last["Location"] == f"/vragenlijsten/{draft.public_id}/controleren/"
    review = client.get(last["Location"]).content.decode()
    assert "Meer dan de helft van de dagen" in review and "Een paar dagen" in review


def test_submitting_stores_answers_scores_bands_and_times(client, anna):
    moment = timezone.now().replace(microsecond=0)
    with time_machine.travel(moment, tick=False):
        response = fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    assert response.answers["fatigue"] == 2 and response.answers["headaches"] is True
    assert response.answers["pain_areas"][0] == "shoulder_girdle_left"
    assert response.scores["wpi"] == 8 and response.scores["sss"] == 6
    assert response.scores["fs"] == 14 and response.scores["regions"] == 5
    assert response.bands == {"severity": "severe"}
    assert response.submitted_at == moment and response.started_at == moment
    assert (response.instrument_key, response.instrument_version) == ("acr2016", "2026.1")


def test_submitting_an_incomplete_draft_names_the_missing_question(client, anna):
    draft = start(client, "phq4")
    answer_steps(client, draft, [{"item1": "2"}, {"item2": "1"}])
    answer = submit(client, draft)
    assert answer.status_code == 422
    assert "Vraag 3 heeft nog geen antwoord." in answer.content.decode()
    draft.refresh_from_db()
    assert draft.submitted_at is None and draft.scores is None


def test_list_mode_shows_every_question_and_submits(client, anna):
    draft = start(client, "phq4", mode="list")
    page = client.get(f"/vragenlijsten/{draft.public_id}/alle-vragen/").content.decode()
    assert page.count('type="radio"') == 16
    answer = client.post(
        f"/vragenlijsten/{draft.public_id}/alle-vragen/",
        {"go": "review", "item1": "2", "item2": "1", "item3": "1", "item4": "1"},
    )
    assert answer["Location"] == f"/vragenlijsten/{draft.public_id}/controleren/"
    submit(client, draft)
    draft.refresh_from_db()
    assert draft.scores["total"] == 5 and draft.bands == {"severity": "mild"}


def test_list_mode_keeps_partial_answers_when_saving_for_later(client, anna):
    draft = start(client, "phq4", mode="list")
    client.post(f"/vragenlijsten/{draft.public_id}/alle-vragen/", {"go": "later", "item2": "3"})
    draft.refresh_from_db()
    assert draft.answers == {"item2": 3}


def test_list_mode_with_a_missing_answer_is_422_and_keeps_what_was_chosen(client, anna):
    draft = start(client, "phq4", mode="list")
    answer = client.post(
        f"/vragenlijsten/{draft.public_id}/alle-vragen/", {"go": "review", "item1": "2"}
    )
    assert answer.status_code == 422
    assert 'value="2" id="id_item1_2" required checked' in answer.content.decode()


def test_discarding_a_draft_deletes_it(client, anna):
    draft = start(client, "phq4")
    client.post(f"/vragenlijsten/{draft.public_id}/weggooien/")
    assert not Response.objects.exists()


def test_an_unknown_questionnaire_or_occasion_is_404(client, anna):
    assert client.get("/vragenlijsten/begin/pcs/self/").status_code == 404
    assert client.get("/vragenlijsten/begin/phq4/someday/").status_code == 404


def test_the_fiqr_without_installed_wording_cannot_be_started(client, anna):
    assert client.get("/vragenlijsten/begin/fiqr/self/").status_code == 404
    assert client.post("/vragenlijsten/begin/fiqr/self/").status_code == 404


def test_reading_the_pages_of_a_fresh_installation_writes_nothing(client, patient_anna):
    """Definitions load at deploy (`manage.py load_instruments`), never on a read."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments.models import Instrument

    client.force_login(patient_anna)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/vragenlijsten/").status_code == 200
        assert client.get("/vragenlijsten/begin/phq4/self/").status_code == 404
    writes = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in query["sql"]
    ]
    assert writes == []
    assert not Instrument.objects.exists()


def test_after_load_instruments_the_questionnaire_opens(client, patient_anna):
    from django.core.management import call_command

    call_command("load_instruments", verbosity=0)
    client.force_login(patient_anna)
    assert client.get("/vragenlijsten/begin/phq4/self/").status_code == 200


def test_the_english_pages_use_the_same_dutch_paths_and_english_wording(client, anna):
    page = client.get("/en/vragenlijsten/begin/phq4/self/").content.decode()
    assert "How are you feeling? (short)" in page
    draft = start(client, "phq4")
    question = client.get("/en" + question_url(draft, 1)).content.decode()
    assert "Feeling nervous or anxious, or being tense and on edge" in question
