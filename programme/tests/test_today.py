from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from diary.actions import start_flare
from diary.models import CheckIn, Flare
from programme.actions import complete_lesson, load_content
from programme.models import Enrolment, Lesson
from programme.tests.helpers import enrol

NOON = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def noon():
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


@pytest.fixture
def anna(client, patient_anna):
    client.force_login(patient_anna)
    return patient_anna


def check_in(user, days_ago, pain, **extra):
    now = timezone.now()
    return CheckIn.objects.create(
        patient=user, date=user.local_date() - timedelta(days=days_ago), pain=pain,
        created_at=now, updated_at=now, **extra,
    )  # fmt: skip


def today_html(client, path="/vandaag/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_without_enrolment_today_offers_to_start_and_the_check_in(client, anna):
    html = today_html(client)
    assert "Begin het programma" in html and 'href="/dagboek/"' in html
    assert "lessen/" not in html


def test_starting_the_programme_puts_the_first_lesson_on_today(client, anna, lessons):
    response = client.post("/programma/starten/", {"started_on": "2026-03-10"})
    assert response.status_code == 302
    assert Enrolment.objects.get(user=anna).started_on.isoformat() == "2026-03-10"
    html = today_html(client)
    assert "week 1 van 12" in html
    assert 'href="/lessen/w01-1-your-pain-is-real/"' in html


@pytest.mark.parametrize("started_on", ["2026-03-09", "2026-03-25", "geen datum"])
def test_a_start_date_in_the_past_or_too_far_ahead_is_refused_inline(client, anna, started_on):
    response = client.post("/programma/starten/", {"started_on": started_on})
    assert response.status_code == 422
    assert 'id="id_started_on_error"' in response.content.decode()
    assert not Enrolment.objects.exists()


def test_a_done_check_in_and_a_read_lesson_show_as_done_gently(client, anna, lessons):
    enrol(anna)
    check_in(anna, 0, 4)
    complete_lesson(
        user=anna, lesson=Lesson.objects.get(week=1, order=1), reflection="", now=timezone.now()
    )
    html = today_html(client)
    assert html.count("today-item--done") == 2
    for word in ("streak", "reeks", "badge", "gemist", "missed"):
        assert word not in html.lower()


@pytest.mark.parametrize(
    ("days_ago", "week", "lesson_key"),
    [(0, 1, "w01-1-"), (28, 5, "w05-1-"), (83, 12, "w12-3-")],
)
def test_today_walks_through_the_weeks_as_days_pass(
    client, anna, lessons, days_ago, week, lesson_key
):
    enrol(anna, days_ago=days_ago)
    html = today_html(client)
    assert f"week {week} van 12" in html
    assert f'href="/lessen/{lesson_key}' in html


def test_after_twelve_weeks_today_says_the_programme_is_finished(client, anna, lessons):
    enrol(anna, days_ago=84)
    html = today_html(client)
    assert (
        "12 weken afgerond" in html
        and "/lessen/" not in html.split("today-list")[1].split("</ul>")[0]
    )


def test_the_programme_day_follows_the_patients_own_date(client, anna, lessons, noon):
    anna.time_zone = "Pacific/Kiritimati"  # UTC+14: already the next day at noon in Amsterdam
    anna.save()
    enrol(anna)  # started "today" there: 11 March
    noon.move_to(datetime(2026, 3, 11, 9, 30, tzinfo=ZoneInfo("Pacific/Kiritimati")))
    client.force_login(anna)
    assert Enrolment.objects.get(user=anna).day(anna.local_date()).day == 1
    noon.move_to(datetime(2026, 3, 12, 0, 30, tzinfo=ZoneInfo("Pacific/Kiritimati")))
    assert Enrolment.objects.get(user=anna).day(anna.local_date()).day == 2
    assert "donderdag 12 maart" in today_html(client)  # 11:30 UTC on the 11th, the 12th there


def test_a_paused_programme_shows_how_to_go_on_and_keeps_the_day(client, anna, lessons, noon):
    enrolment = enrol(anna, days_ago=9)  # day 10, week 2
    client.post("/programma/pauzeren/")
    noon.shift(timedelta(days=20))
    client.force_login(anna)  # the session of 20 days ago has expired
    html = today_html(client)
    assert "staat op pauze" in html and "/lessen/" not in html.split("today-list")[1]
    client.post("/programma/hervatten/")
    enrolment.refresh_from_db()
    assert enrolment.paused_on is None and enrolment.paused_days == 20
    assert enrolment.day(anna.local_date()).day == 10
    assert 'href="/lessen/w02-2-' in today_html(client)


def test_restart_begins_at_week_1_and_keeps_lessons_read(client, anna, lessons):
    enrolment = enrol(anna, days_ago=30)
    lesson = Lesson.objects.get(week=1, order=1)
    complete_lesson(user=anna, lesson=lesson, reflection="", now=timezone.now())
    assert client.post("/programma/opnieuw/", {}).status_code == 422
    client.post("/programma/opnieuw/", {"confirm": "on"})
    enrolment.refresh_from_db()
    assert enrolment.day(anna.local_date()).day == 1
    html = today_html(client)
    assert "week 1 van 12" in html
    assert 'Gelezen</span>\n    <a href="/lessen/w01-1-' in html  # read before: still marked
    assert anna.lesson_progress.filter(lesson=lesson).exists()


def test_in_flare_mode_today_is_the_gentle_plan_without_lesson_or_questionnaire(
    client, anna, lessons, tmp_path
):
    enrol(anna, days_ago=27)  # week 4: a questionnaire could be due
    start_flare(user=anna, now=timezone.now())
    html = today_html(client)
    assert "Je rustige plan" in html
    assert "/lessen/" not in html.split("today-list")[1].split("</ul>")[0]
    assert "vragenlijst" not in html.lower().split("today-more")[0].split("today-list")[1]


def test_in_flare_mode_the_gentle_breathing_is_the_primary_action_and_flare_over_is_quiet(
    client, anna
):
    enrol(anna)
    start_flare(user=anna, now=timezone.now())
    html = today_html(client)
    plan = html.split('class="card gentle-plan"')[1].split("</section>")[0]
    assert '<a class="button" href="/oefeningen/breathing/?minutes=3">' in plan
    assert 'class="button button--quiet">Mijn opvlamming is voorbij' in plan


def test_the_flare_plan_text_is_shown_when_loaded(client, anna, tmp_path):
    folder = tmp_path / "nl" / "pages"
    folder.mkdir(parents=True)
    (folder / "flare-plan.md").write_text(
        '---\nkey: flare-plan\nslug: plan-bij-opvlamming\nlanguage: nl\ntitle: "Plan"\n---\n'
        "Eerst rust nemen.\n",
        "utf-8",
    )
    load_content(content_dir=tmp_path, now=timezone.now())
    enrol(anna)
    start_flare(user=anna, now=timezone.now())
    assert "Eerst rust nemen." in today_html(client)


def test_the_patient_switches_flare_mode_on_and_off(client, anna):
    enrol(anna)
    client.post("/opvlamming/aan/")
    assert Flare.objects.open().filter(user=anna, source="patient").exists()
    client.post("/opvlamming/uit/")
    assert not Flare.objects.open().exists()
    assert Flare.objects.get(user=anna).ended_on == anna.local_date()


def test_the_rule_suggests_flare_mode_and_the_patient_decides(client, anna):
    enrol(anna, days_ago=12)
    for days_ago in range(2, 9):
        check_in(anna, days_ago, 3)
    check_in(anna, 1, 6)
    check_in(anna, 0, 6)
    assert "Zou een rustig plan helpen?" in today_html(client)
    assert not Flare.objects.exists()
    client.post("/opvlamming/niet-nu/")
    assert "Zou een rustig plan helpen?" not in today_html(client)
    client.post("/opvlamming/aan/", {"source": "suggestion"})
    assert Flare.objects.open().get(user=anna).source == "suggestion"


def test_a_high_mean_never_hides_a_flare_and_the_page_only_offers(client, anna):
    # Mean 9: mean + 2 is off the scale, so two days of 10 are spikes (docs/clinical.md 6).
    enrol(anna, days_ago=12)
    for days_ago in range(2, 9):
        check_in(anna, days_ago, 9)
    check_in(anna, 1, 10)
    check_in(anna, 0, 10)
    assert "Zou een rustig plan helpen?" in today_html(client)
    assert not Flare.objects.exists()  # offered, never switched on by itself


def test_yesterday_is_summed_up_calmly(client, anna):
    enrol(anna)
    check_in(anna, 1, 5, mood=6)
    html = today_html(client)
    assert "Gisteren" in html and "Iedere dag is anders" in html


def test_no_yesterday_means_no_word_about_it(client, anna):
    enrol(anna)
    assert "Gisteren" not in today_html(client)


def test_english_today_uses_the_english_lesson_title(client, anna, lessons):
    enrol(anna)
    html = today_html(client, "/en/vandaag/")
    assert "week 1 of 12" in html and "Welcome: your pain is real" in html


def add_check_ins(user, days):
    now, today = timezone.now(), user.local_date()
    existing = set(CheckIn.objects.filter(patient=user).values_list("date", flat=True))
    CheckIn.objects.bulk_create(
        CheckIn(
            patient=user, date=today - timedelta(days=n), pain=n % 11, mood=5,
            created_at=now, updated_at=now,
        )
        for n in range(days)
        if today - timedelta(days=n) not in existing
    )  # fmt: skip


def test_today_runs_the_same_few_queries_with_7_and_with_700_days(
    client, anna, lessons, django_assert_max_num_queries
):
    enrol(anna, days_ago=20)
    for lesson in Lesson.objects.all():
        complete_lesson(user=anna, lesson=lesson, reflection="", now=timezone.now())
    counts = []
    for days in (7, 700):
        add_check_ins(anna, days)
        cache.clear()  # the day state is built afresh: its queries are the ones counted
        # Session, user, consent, enrolment, check-ins, lesson, two red-flag checks, practice
        # done, a planned experiment (insights), homework and messages (care), the pages
        # kept offline (programme/offline.py): 12, constant.
        with django_assert_max_num_queries(12) as captured:
            today_html(client)
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_in_flare_mode_the_query_count_stays_small(client, anna, django_assert_max_num_queries):
    enrol(anna, days_ago=20)
    start_flare(user=anna, now=timezone.now())
    add_check_ins(anna, 700)
    with django_assert_max_num_queries(11):  # 10, and the pages kept offline
        today_html(client)


def test_today_and_the_check_in_name_the_manifest_once(client, anna):
    client.force_login(anna)
    for url in ("/vandaag/", "/dagboek/"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count('rel="manifest"') == 1, url
