import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from diary.models import CheckIn, CheckInRevision, Flare

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# 00:30 on 10 March in Amsterdam is still 9 March in UTC.
JUST_AFTER_MIDNIGHT = datetime(2026, 3, 10, 0, 30, tzinfo=AMSTERDAM)
TODAY = date(2026, 3, 10)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def just_after_midnight():
    with time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False):
        yield


@pytest.fixture
def anna(client, patient_anna):
    client.force_login(patient_anna)
    return patient_anna


def checked(html, name, value):
    return re.search(rf'<input type="radio" name="{name}" value="{value}"[^>]* checked>', html)


def row(user, day=TODAY):
    return CheckIn.objects.get(patient=user, date=day)


def test_only_pain_is_needed_and_a_check_in_at_0030_belongs_to_that_local_date(client, anna):
    response = client.post("/dagboek/", {"pain": "4"})
    assert response.status_code == 302 and response["Location"] == "/vandaag/"
    saved = row(anna)
    assert (saved.pain, saved.fatigue, saved.mood, saved.flare, saved.note) == (
        4,
        None,
        None,
        False,
        "",
    )


def test_every_field_is_saved(client, anna):
    client.post(
        "/dagboek/",
        {
            "pain": "6", "fatigue": "7", "sleep_quality": "3", "stress": "5", "mood": "4",
            "gut": "2", "note": "Slecht geslapen", "pain_areas": ["neck", "lower_back"],
        },
    )  # fmt: skip
    saved = row(anna)
    assert saved.values() == {
        "pain": 6, "fatigue": 7, "sleep_quality": 3, "stress": 5, "mood": 4, "gut": 2,
        "flare": False, "note": "Slecht geslapen", "pain_areas": ["neck", "lower_back"],
    }  # fmt: skip


def test_without_pain_the_form_answers_422_next_to_the_field_and_keeps_the_note(client, anna):
    response = client.post("/dagboek/", {"fatigue": "5", "note": "Mijn notitie van vandaag"})
    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="id_pain_error"' in html and "hoeveel pijn" in html
    assert "Mijn notitie van vandaag" in html
    assert checked(html, "fatigue", 5)
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [({"pain": "11"}, "pain"), ({"pain": "3", "mood": "-1"}, "mood"),
     ({"pain": "3", "pain_areas": ["elbow"]}, "pain_areas"),
     ({"pain": "3", "note": "x" * 2001}, "note")],
)  # fmt: skip
def test_out_of_range_answers_are_refused_and_nothing_is_saved(client, anna, data, field):
    response = client.post("/dagboek/", {**data, "note": data.get("note", "bewaar mij")})
    html = response.content.decode()
    assert response.status_code == 422
    assert "errorlist" in html
    if field != "note":
        assert "bewaar mij" in html
    assert not CheckIn.objects.exists()


def test_saving_twice_updates_the_day_and_keeps_the_history(client, anna):
    client.post("/dagboek/", {"pain": "4", "note": "eerst"})
    with time_machine.travel(JUST_AFTER_MIDNIGHT + timedelta(hours=9), tick=False):
        client.post("/dagboek/", {"pain": "6", "note": "later"})
    assert CheckIn.objects.filter(patient=anna).count() == 1
    saved = row(anna)
    assert (saved.pain, saved.note) == (6, "later")
    revision = CheckInRevision.objects.get(check_in=saved)
    assert (revision.previous["pain"], revision.previous["note"], revision.source) == (
        4,
        "eerst",
        "form",
    )


def test_the_same_values_again_write_no_history(client, anna):
    client.post("/dagboek/", {"pain": "4"})
    client.post("/dagboek/", {"pain": "4"})
    assert not CheckInRevision.objects.exists()


def test_a_missed_day_can_be_filled_in_up_to_seven_days_back(client, anna):
    week_ago = TODAY - timedelta(days=7)
    assert client.get(f"/dagboek/{week_ago}/").status_code == 200
    response = client.post(f"/dagboek/{week_ago}/", {"pain": "3"})
    assert response.status_code == 302
    assert row(anna, week_ago).pain == 3


@pytest.mark.parametrize("offset", [8, -1])
def test_eight_days_back_or_tomorrow_cannot_be_filled_in(client, anna, offset):
    day = TODAY - timedelta(days=offset)
    assert client.get(f"/dagboek/{day}/").status_code == 404
    assert client.post(f"/dagboek/{day}/", {"pain": "3"}).status_code == 404
    assert not CheckIn.objects.exists()


def test_a_nonsense_date_is_not_found(client, anna):
    assert client.get("/dagboek/2026-02-30/").status_code == 404


def test_yesterdays_values_are_the_starting_point(client, anna):
    client.post(f"/dagboek/{TODAY - timedelta(days=1)}/", {"pain": "7", "mood": "3"})
    html = client.get("/dagboek/").content.decode()
    assert checked(html, "pain", 7) and checked(html, "mood", 3)
    assert "Zelfde als gisteren opslaan" in html and "Ingevuld zoals gisteren" in html


def test_same_as_yesterday_saves_in_one_tap_without_the_note(client, anna):
    yesterday = TODAY - timedelta(days=1)
    client.post(
        f"/dagboek/{yesterday}/", {"pain": "7", "mood": "3", "note": "gisteren", "flare": "on"}
    )
    response = client.post(f"/dagboek/{TODAY}/zoals-gisteren/")
    assert response.status_code == 302
    saved = row(anna)
    assert (saved.pain, saved.mood, saved.note, saved.flare) == (7, 3, "", False)


def test_same_as_yesterday_without_a_yesterday_says_so_kindly(client, anna):
    response = client.post(f"/dagboek/{TODAY}/zoals-gisteren/", follow=True)
    assert "geen check-in van de dag ervoor" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_same_as_yesterday_needs_post(client, anna):
    assert client.get(f"/dagboek/{TODAY}/zoals-gisteren/").status_code == 405


def test_a_note_about_wanting_to_die_offers_the_help_page_at_once(client, anna):
    response = client.post("/dagboek/", {"pain": "8", "note": "Ik wil niet meer leven"})
    assert response.status_code == 302 and response["Location"] == "/hulp/"
    assert row(anna).note == "Ik wil niet meer leven"
    page = client.get("/hulp/").content.decode()
    assert "Je check-in is opgeslagen" in page and "tel:113" in page


def test_the_help_offer_comes_even_when_another_answer_is_missing(client, anna):
    response = client.post("/dagboek/", {"note": "I want to die"})
    html = response.content.decode()
    assert response.status_code == 422
    assert 'class="card crisis-panel"' in html and 'href="/hulp/"' in html
    assert "I want to die" in html


def test_the_check_in_has_one_quiet_help_link_next_to_the_note(client, anna):
    # The header's "Hulp nodig?" is on every page; the form adds one quiet link, no big button.
    html = client.get("/dagboek/").content.decode()
    form = html[
        html.index('class="checkin-form"') : html.index("</form>", html.index("checkin-form"))
    ]
    assert form.count('href="/hulp/"') == 1
    assert '<p class="checkin-help"><a href="/hulp/">Zwaar moment? Praat nu met iemand</a>' in form
    assert form.index("checkin-note") < form.index("checkin-help")
    assert "button--danger" not in html


def _fold_is_open(html, name):
    return re.search(rf'<details class="checkin-fold checkin-{name}"( open)?>', html).group(1)


def test_where_it_hurts_and_the_note_are_folded_unless_they_hold_something(client, anna):
    html = client.get("/dagboek/").content.decode()
    assert not _fold_is_open(html, "areas") and not _fold_is_open(html, "note")
    client.post("/dagboek/", {"pain": "4", "note": "stijf", "pain_areas": ["neck"]})
    html = client.get("/dagboek/").content.decode()
    assert _fold_is_open(html, "areas") and _fold_is_open(html, "note")
    assert re.search(r'value="neck" id="pain_areas-neck" data-area="neck" checked', html)


def test_a_typed_note_stays_open_and_kept_when_pain_is_missing(client, anna):
    html = client.post("/dagboek/", {"note": "even kijken"}).content.decode()
    assert _fold_is_open(html, "note") and "even kijken</textarea>" in html
    assert not _fold_is_open(html, "areas")


def test_reporting_a_flare_today_offers_flare_mode_and_switches_nothing_on(client, anna):
    # docs/clinical.md 6.3: the Today page offers the gentle plan; the patient chooses.
    client.post("/dagboek/", {"pain": "8", "flare": "on"})
    assert not Flare.objects.exists()
    assert "Zou een rustig plan helpen?" in client.get("/vandaag/").content.decode()
    client.post("/opvlamming/aan/", {"source": "suggestion"})
    client.post("/dagboek/", {"pain": "9", "flare": "on"})
    assert Flare.objects.open().filter(user=anna).count() == 1


def test_a_flare_filled_in_for_an_earlier_day_does_not_switch_flare_mode_on(client, anna):
    client.post(f"/dagboek/{TODAY - timedelta(days=2)}/", {"pain": "8", "flare": "on"})
    assert not Flare.objects.exists()


def test_another_patients_check_in_is_never_shown(client, anna, patient_bram):
    CheckIn.objects.create(
        patient=patient_bram, date=TODAY, pain=9, note="van Bram",
        created_at=JUST_AFTER_MIDNIGHT, updated_at=JUST_AFTER_MIDNIGHT,
    )  # fmt: skip
    html = client.get("/dagboek/").content.decode()
    assert "van Bram" not in html and not checked(html, "pain", 9)


def test_the_check_in_page_runs_the_same_few_queries_with_little_or_much_data(
    client, anna, django_assert_max_num_queries
):
    for offset in range(700):
        CheckIn.objects.create(
            patient=anna, date=TODAY - timedelta(days=offset + 1), pain=offset % 11,
            created_at=JUST_AFTER_MIDNIGHT, updated_at=JUST_AFTER_MIDNIGHT,
        )  # fmt: skip
    with django_assert_max_num_queries(4):
        assert client.get("/dagboek/").status_code == 200


def test_the_english_page_lives_under_en_with_the_same_slug(client, anna):
    html = client.get("/en/dagboek/").content.decode()
    assert "How are you today?" in html and "A heavy moment? Talk to someone now" in html
