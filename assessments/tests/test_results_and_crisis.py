"""Result pages in plain words, crisis panel first, PHQ-9 offer (docs/clinical.md 1, 3, 6)."""

import re

import pytest
import time_machine
from django.utils import timezone

from assessments.models import Response, SafetyFlag
from assessments.tests.helpers import CASE_A_STEPS, answer_steps, fill_in, items, start, submit

pytestmark = pytest.mark.django_db

FORBIDDEN = re.compile(
    r"criteria|criterium|you have fibromyalgia|je hebt fibromyalgie|fibromyalgie hebt|"
    r"diagnosis: |cured|genezen|thresholds|drempel",
    re.IGNORECASE,
)


@pytest.fixture
def anna(client, patient_anna, instruments):
    client.force_login(patient_anna)
    return patient_anna


def _text(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_acr_result_shows_wpi_sss_fs_and_band_in_plain_words(client, anna):
    response = fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    page = _text(client.get(f"/vragenlijsten/{response.public_id}/uitslag/").content.decode())
    assert "Plekken met pijn (WPI) 8 van 19" in page
    assert "Andere klachten (SSS) 6 van 12" in page
    assert "Samen (FS) 14 van 31" in page
    assert "Dit valt in het gebied van ernstige klachten" in page
    assert "geen diagnose" in page
    assert "Volgende keer zie je hier wat er veranderd is." in page


def test_the_result_never_says_criteria_met_or_diagnoses(client, anna):
    # Case A meets the 2016 thresholds: the patient must still not be told so.
    response = fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    assert response.scores["meets_2016_thresholds"] is True
    for prefix in ("", "/en"):
        html = client.get(f"{prefix}/vragenlijsten/{response.public_id}/uitslag/").content
        assert not FORBIDDEN.search(_text(html.decode())), prefix


def test_the_result_shows_the_change_since_last_time(client, anna):
    with time_machine.travel(timezone.now() - timezone.timedelta(days=28), tick=False):
        fill_in(client, "acr2016", CASE_A_STEPS, occasion="intake")
    steps = [dict(step) for step in CASE_A_STEPS[:7]]
    steps[0] = {"pain_areas": ["neck", "lower_back", "hip_left", "hip_right"]}  # WPI 4
    steps[1] = {"fatigue": "1"}  # SSS 5
    later = fill_in(client, "acr2016", steps, occasion="week_4")
    page = _text(client.get(f"/vragenlijsten/{later.public_id}/uitslag/").content.decode())
    assert "Plekken met pijn (WPI) 4 van 19" in page
    assert re.search(r"Vorige keer \(\d+ \w+ \d{4}\) was dit 8\. Nu is het 4 lager\.", page)
    assert re.search(
        r"Samen \(FS\) 9 van 31 .* Vorige keer .* was dit 14\. Nu is het 5 lager", page
    )
    assert "matige klachten" in page


def test_phq9_item_9_above_0_shows_the_crisis_panel_before_the_result(client, anna, mailoutbox):
    response = start(client, "phq9")
    answer_steps(client, response, items(1, 1, 2, 1, 0, 1, 1, 0, 1))
    sent = submit(client, response)
    assert sent["Location"] == f"/vragenlijsten/{response.public_id}/steun/"
    crisis = client.get(sent["Location"]).content.decode()
    assert 'href="tel:113"' in crisis and 'href="tel:08000113"' in crisis
    assert 'href="tel:112"' in crisis and "113 Zelfmoordpreventie" in crisis
    assert "Je staat er niet alleen voor" in crisis
    assert f"/vragenlijsten/{response.public_id}/uitslag/" in crisis
    result = client.get(f"/vragenlijsten/{response.public_id}/uitslag/").content.decode()
    assert result.index('href="tel:113"') < result.index("<h1>Je uitslag</h1>")  # panel first
    response.refresh_from_db()
    assert response.flags == {"crisis": True} and response.scores["total"] == 8
    flag = SafetyFlag.objects.get()
    assert (flag.kind, flag.patient, flag.response) == ("crisis", anna, response)
    assert mailoutbox == []


def test_phq9_item_9_at_0_goes_straight_to_the_result_without_a_flag(client, anna):
    response = start(client, "phq9")
    answer_steps(client, response, items(1, 1, 2, 1, 0, 1, 1, 0, 0))
    sent = submit(client, response)
    assert sent["Location"] == f"/vragenlijsten/{response.public_id}/uitslag/"
    assert client.get(f"/vragenlijsten/{response.public_id}/steun/").status_code == 302
    assert not SafetyFlag.objects.exists()
    assert 'href="tel:113"' not in client.get(sent["Location"]).content.decode()


def test_the_crisis_page_works_in_english_with_the_dutch_numbers(client, anna):
    response = fill_in(client, "phq9", items(0, 0, 0, 0, 0, 0, 0, 0, 3))
    page = client.get(f"/en/vragenlijsten/{response.public_id}/steun/").content.decode()
    assert "You are not alone" in page and 'href="tel:113"' in page


def test_a_positive_phq4_depression_screen_offers_the_phq9(client, anna):
    response = fill_in(client, "phq4", items(0, 0, 2, 1))
    page = client.get(f"/vragenlijsten/{response.public_id}/uitslag/").content.decode()
    assert "/vragenlijsten/begin/phq9/offered/" in page
    assert "over stemming" in page
    offered = client.post("/vragenlijsten/begin/phq9/offered/", {"mode": "steps"})
    assert offered.status_code == 302
    assert Response.objects.drafts().get().occasion == "offered"


def test_an_anxiety_positive_screen_alone_does_not_offer_the_phq9(client, anna):
    response = fill_in(client, "phq4", items(2, 1, 1, 1))
    page = client.get(f"/vragenlijsten/{response.public_id}/uitslag/").content.decode()
    text = _text(page)
    assert "Totaal 5 van 12" in text and "lichte klachten" in text
    assert "Spanning (vraag 1 en 2) 3 van 6" in text
    assert "over spanning" in text
    assert "/begin/phq9/" not in page


def test_the_pgic_result_shows_the_answer_given(client, anna):
    response = fill_in(client, "pgic", [{"change": "2"}], occasion="week_4")
    assert response.bands == {"change": "much_improved"}
    assert response.flags == {"much_improved": True, "improved": True}
    page = _text(client.get(f"/vragenlijsten/{response.public_id}/uitslag/").content.decode())
    assert "Veel beter" in page


def test_gad7_result(client, anna):
    response = fill_in(client, "gad7", items(2, 2, 2, 2, 1, 1, 0))
    assert response.scores["total"] == 10 and response.bands == {"severity": "moderate"}
    page = _text(client.get(f"/vragenlijsten/{response.public_id}/uitslag/").content.decode())
    assert "Totaal 10 van 21" in page and "matige klachten" in page
