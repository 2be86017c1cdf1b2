"""Today names what the device keeps for reading offline (programme/offline.py)."""

import pytest
from django.utils import timezone

from programme.models import Lesson, Page
from programme.offline import pages_kept_offline
from programme.tests.helpers import enrol
from programme.today import plan_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(client, patient_anna):
    client.force_login(patient_anna)
    return patient_anna


def flare_plan(language, slug):
    return Page.objects.create(
        key="flare-plan", slug=slug, language=language, title="Plan", body_html="<p>Rust.</p>",
        public=True,
    )  # fmt: skip


def kept(user, language="nl"):
    plan = plan_for(user=user, now=timezone.now(), language=language)
    return pages_kept_offline(plan=plan, language=language)


def lesson_urls(*weeks):
    keys = Lesson.objects.filter(week__in=weeks, active=True).values_list("key", flat=True)
    return {f"/lessen/{key}/" for key in keys}


def test_this_weeks_and_last_weeks_lessons_and_the_flare_plan(anna, lessons):
    enrol(anna, days_ago=10)  # day 11: week 2
    flare_plan("nl", "plan-bij-opvlamming")
    flare_plan("en", "flare-plan")
    urls = kept(anna)
    assert set(urls) == lesson_urls(1, 2) | {"/uitleg/plan-bij-opvlamming/"}
    assert len(lesson_urls(1, 2)) == 6
    assert "/uitleg/flare-plan/" not in urls


def test_in_week_one_only_week_one_and_a_missing_translation_falls_back_to_dutch(anna, lessons):
    enrol(anna)
    flare_plan("nl", "plan-bij-opvlamming")
    assert set(kept(anna, "en")) == lesson_urls(1) | {"/uitleg/plan-bij-opvlamming/"}


def test_not_enrolled_and_no_flare_plan_loaded_keeps_nothing(anna, lessons):
    assert kept(anna) == []


def test_an_inactive_lesson_is_not_kept(anna, lessons):
    enrol(anna)
    first = Lesson.objects.filter(week=1).first()
    Lesson.objects.filter(pk=first.pk).update(active=False)
    assert f"/lessen/{first.key}/" not in kept(anna)


def test_today_names_them_for_the_page_script(client, anna, lessons):
    enrol(anna, days_ago=10)
    html = client.get("/vandaag/").content.decode()
    keep = html.split('data-offline-keep="')[1].split('"')[0].split(" ")
    assert set(keep) == lesson_urls(1, 2)
