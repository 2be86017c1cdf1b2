"""The private journals: gratitude, the weekly social intention, emotion and stress."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from exercises.models import EmotionEntry, GratitudeEntry, SocialIntention

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


# --- Gratitude ---------------------------------------------------------------


def test_gratitude_shows_the_prompt_of_the_weekday(anna_client, scripts):
    html = anna_client.get("/oefeningen/gratitude/").content.decode()
    assert "Wat ging er maandag goed, hoe klein ook?" in html
    assert "Privé: alleen jij kunt zien wat je hier schrijft." in html


def test_saving_gratitude_twice_a_day_keeps_one_entry(anna_client, patient_anna):
    anna_client.post("/oefeningen/gratitude/", {"first": "Zon op mijn gezicht"})
    anna_client.post(
        "/oefeningen/gratitude/", {"first": "Zon", "second": "Thee", "third": "Een appje"}
    )
    entry = GratitudeEntry.objects.get(patient=patient_anna)
    assert entry.things == ["Zon", "Thee", "Een appje"]
    assert entry.local_date == date(2026, 3, 16)


def test_gratitude_needs_at_least_one_thing(anna_client):
    response = anna_client.post("/oefeningen/gratitude/", {"first": "", "second": "Thee"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_first_error"' in html and "Thee" in html
    assert not GratitudeEntry.objects.exists()


def test_an_earlier_gratitude_entry_can_be_read_and_changed(anna_client, patient_anna, frozen):
    anna_client.post("/oefeningen/gratitude/", {"first": "Een goed gesprek"})
    frozen.shift(timedelta(days=2))
    entry = GratitudeEntry.objects.get()
    html = anna_client.get("/oefeningen/gratitude/").content.decode()
    assert "Een goed gesprek" in html  # under "Earlier"
    anna_client.post(f"/oefeningen/gratitude/{entry.public_id}/", {"first": "Een fijn gesprek"})
    entry.refresh_from_db()
    assert entry.first == "Een fijn gesprek" and entry.local_date == date(2026, 3, 16)
    assert GratitudeEntry.objects.count() == 1


def test_gratitude_of_another_patient_answers_404(client, patient_anna, patient_bram):
    client.force_login(patient_anna)
    client.post("/oefeningen/gratitude/", {"first": "Geheim"})
    entry = GratitudeEntry.objects.get()
    client.force_login(patient_bram)
    assert client.get(f"/oefeningen/gratitude/{entry.public_id}/").status_code == 404
    assert (
        client.post(f"/oefeningen/gratitude/{entry.public_id}/", {"first": "x"}).status_code == 404
    )
    assert client.post(f"/oefeningen/gratitude/{entry.public_id}/verwijderen/").status_code == 404
    assert "Geheim" not in client.get("/oefeningen/gratitude/").content.decode()
    entry.refresh_from_db()
    assert entry.first == "Geheim"


def test_deleting_a_gratitude_entry(anna_client):
    anna_client.post("/oefeningen/gratitude/", {"first": "Iets"})
    entry = GratitudeEntry.objects.get()
    assert (
        anna_client.post(f"/oefeningen/gratitude/{entry.public_id}/verwijderen/").status_code == 302
    )
    assert not GratitudeEntry.objects.exists()


def test_the_database_keeps_one_gratitude_entry_a_day(patient_anna):
    values = {
        "patient": patient_anna,
        "local_date": date(2026, 3, 16),
        "updated_at": timezone.now(),
    }
    GratitudeEntry.objects.create(first="a", **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        GratitudeEntry.objects.create(first="b", **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        GratitudeEntry.objects.create(first="", **{**values, "local_date": date(2026, 3, 15)})


# --- Social contact ---------------------------------------------------------------


def test_a_weekly_intention_from_the_suggestions(anna_client, patient_anna, scripts):
    html = anna_client.get("/oefeningen/social/").content.decode()
    assert "Stuur een berichtje aan iemand (idee 1)" in html
    anna_client.post(
        "/oefeningen/social/", {"suggestion": "Stuur een berichtje aan iemand (idee 1)"}
    )
    intention = SocialIntention.objects.get(patient=patient_anna)
    assert intention.week_start == date(2026, 3, 16) and intention.set_on == date(2026, 3, 16)
    assert intention.intention == "Stuur een berichtje aan iemand (idee 1)"


def test_an_own_intention_wins_and_a_second_one_replaces_it_in_the_same_week(anna_client, frozen):
    anna_client.post("/oefeningen/social/", {"own": "Bel mijn zus"})
    frozen.shift(timedelta(days=2))
    anna_client.post("/oefeningen/social/", {"own": "Koffie met Sanne"})
    intention = SocialIntention.objects.get()
    assert intention.intention == "Koffie met Sanne" and intention.set_on == date(2026, 3, 18)


def test_an_intention_needs_a_choice_or_own_words(anna_client, scripts):
    response = anna_client.post("/oefeningen/social/", {"own": "  "})
    assert response.status_code == 422
    assert 'id="id_suggestion_error"' in response.content.decode()
    response = anna_client.post("/oefeningen/social/", {"suggestion": "Iets verzonnens"})
    assert response.status_code == 422
    assert not SocialIntention.objects.exists()


def test_looking_back_on_the_intention(anna_client, frozen):
    anna_client.post("/oefeningen/social/", {"own": "Bel mijn zus"})
    intention = SocialIntention.objects.get()
    frozen.shift(timedelta(days=8))  # next Tuesday: last week's intention can still be checked
    prefix = f"check-{intention.public_id.hex[:8]}"
    html = anna_client.get("/oefeningen/social/").content.decode()
    assert "Bel mijn zus" in html and f'name="{prefix}-outcome"' in html
    response = anna_client.post(
        f"/oefeningen/social/{intention.public_id}/terugblik/",
        {f"{prefix}-outcome": "partly", f"{prefix}-reflection": "Kort, maar fijn"},
    )
    assert response.status_code == 302
    intention.refresh_from_db()
    assert (intention.outcome, intention.reflection) == ("partly", "Kort, maar fijn")
    assert intention.checked_on == date(2026, 3, 24)


def test_a_checked_intention_cannot_be_replaced(anna_client):
    anna_client.post("/oefeningen/social/", {"own": "Bel mijn zus"})
    intention = SocialIntention.objects.get()
    prefix = f"check-{intention.public_id.hex[:8]}"
    anna_client.post(
        f"/oefeningen/social/{intention.public_id}/terugblik/", {f"{prefix}-outcome": "done"}
    )
    response = anna_client.post("/oefeningen/social/", {"own": "Iets anders"})
    assert response.status_code == 422
    intention.refresh_from_db()
    assert intention.intention == "Bel mijn zus"


def test_a_look_back_without_an_answer_is_refused(anna_client):
    anna_client.post("/oefeningen/social/", {"own": "Bel mijn zus"})
    intention = SocialIntention.objects.get()
    response = anna_client.post(f"/oefeningen/social/{intention.public_id}/terugblik/", {})
    assert response.status_code == 422
    intention.refresh_from_db()
    assert intention.checked_on is None


def test_another_patients_intention_answers_404(client, patient_anna, patient_bram):
    client.force_login(patient_anna)
    client.post("/oefeningen/social/", {"own": "Bel mijn zus"})
    intention = SocialIntention.objects.get()
    client.force_login(patient_bram)
    prefix = f"check-{intention.public_id.hex[:8]}"
    response = client.post(
        f"/oefeningen/social/{intention.public_id}/terugblik/", {f"{prefix}-outcome": "done"}
    )
    assert response.status_code == 404
    assert "Bel mijn zus" not in client.get("/oefeningen/social/").content.decode()


# --- Emotion and stress -------------------------------------------------------------


def test_an_emotion_entry_is_saved_and_shown(anna_client, patient_anna, scripts):
    assert "Wat raakte je maandag?" in anna_client.get("/oefeningen/emotion/").content.decode()
    response = anna_client.post(
        "/oefeningen/emotion/",
        {
            "what_happened": "Ruzie over de planning",
            "feeling": "boos",
            "body": "strakke kaken",
            "what_i_did": "Even naar buiten",
            "stress": "7",
        },
    )
    entry = EmotionEntry.objects.get(patient=patient_anna)
    assert response["Location"] == f"/oefeningen/emotion/{entry.public_id}/"
    assert (entry.feeling, entry.body, entry.stress) == ("boos", "strakke kaken", 7)
    html = anna_client.get(response["Location"]).content.decode()
    assert "strakke kaken" in html and 'role="alert"' not in html


def test_an_emotion_entry_needs_what_happened_or_what_you_felt(anna_client):
    response = anna_client.post("/oefeningen/emotion/", {"body": "buik", "stress": "12"})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="id_what_happened_error"' in html and 'id="id_stress_error"' in html
    assert "buik" in html
    assert not EmotionEntry.objects.exists()


def test_an_entry_about_wanting_to_die_offers_help_right_away(anna_client):
    response = anna_client.post(
        "/oefeningen/emotion/",
        {"what_happened": "Alles is te veel", "feeling": "Ik wil niet meer leven"},
    )
    html = anna_client.get(response["Location"]).content.decode()
    assert 'role="alert"' in html and 'href="/hulp/"' in html


def test_another_patients_emotion_entry_answers_404(client, patient_anna, patient_bram):
    client.force_login(patient_anna)
    client.post("/oefeningen/emotion/", {"feeling": "verdriet"})
    entry = EmotionEntry.objects.get()
    client.force_login(patient_bram)
    assert client.get(f"/oefeningen/emotion/{entry.public_id}/").status_code == 404
    assert client.post(f"/oefeningen/emotion/{entry.public_id}/verwijderen/").status_code == 404
    assert EmotionEntry.objects.exists()
    client.force_login(patient_anna)
    assert client.post(f"/oefeningen/emotion/{entry.public_id}/verwijderen/").status_code == 302
    assert not EmotionEntry.objects.exists()


def test_the_database_refuses_an_empty_emotion_entry(patient_anna):
    values = {
        "patient": patient_anna,
        "local_date": date(2026, 3, 16),
        "created_at": timezone.now(),
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        EmotionEntry.objects.create(body="buik", **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        EmotionEntry.objects.create(feeling="boos", stress=11, **values)


def test_journal_pages_send_logged_out_visitors_to_log_in(client):
    for url in ("/oefeningen/gratitude/", "/oefeningen/social/", "/oefeningen/emotion/"):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response["Location"]
