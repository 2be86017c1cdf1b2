import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from programme.actions import complete_lesson, load_content
from programme.content import ContentError
from programme.models import Lesson, LessonProgress, LessonText, Page
from programme.tests.helpers import CONTENT, copy_lessons

PAGE = """---
key: flare-plan
slug: plan-bij-opvlamming
language: {language}
title: "{title}"
order: 7
public: true
---
Rust is goed.
"""


@pytest.mark.django_db
def test_load_content_loads_36_lessons_in_dutch_and_english(tmp_path):
    report = load_content(content_dir=copy_lessons(tmp_path), now=timezone.now())
    assert report.lessons_changed == 72
    assert Lesson.objects.current().count() == 36
    assert LessonText.objects.filter(language="nl").count() == 36
    assert LessonText.objects.filter(language="en").count() == 36
    slots = set(Lesson.objects.values_list("week", "order"))
    assert slots == {(week, order) for week in range(1, 13) for order in (1, 2, 3)}


@pytest.mark.django_db
def test_loading_twice_changes_nothing(tmp_path):
    content_dir = copy_lessons(tmp_path)
    load_content(content_dir=content_dir, now=timezone.now())
    before = list(LessonText.objects.values_list("pk", "updated_at", "source_hash", "body_html"))
    report = load_content(content_dir=content_dir, now=timezone.now())
    assert (report.lessons_changed, report.lessons_unchanged) == (0, 72)
    after = list(LessonText.objects.values_list("pk", "updated_at", "source_hash", "body_html"))
    assert before == after


@pytest.mark.django_db
def test_a_text_change_keeps_every_patients_progress(tmp_path, patient_anna, patient_bram):
    content_dir = copy_lessons(tmp_path)
    load_content(content_dir=content_dir, now=timezone.now())
    lesson = Lesson.objects.get(week=1, order=1)
    for user in (patient_anna, patient_bram):
        complete_lesson(user=user, lesson=lesson, reflection="mijn gedachte", now=timezone.now())
    path = next((content_dir / "nl" / "lessons").glob("w01-1*.md"))
    path.write_text(path.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", encoding="utf-8")

    report = load_content(content_dir=content_dir, now=timezone.now())

    assert report.lessons_changed == 1
    text = LessonText.objects.get(lesson__week=1, lesson__order=1, language="nl")
    assert "Een nieuwe alinea." in text.body_html
    assert LessonProgress.objects.filter(lesson=lesson).count() == 2
    assert set(LessonProgress.objects.values_list("reflection", flat=True)) == {"mijn gedachte"}


@pytest.mark.django_db
def test_a_broken_file_loads_nothing(tmp_path):
    content_dir = copy_lessons(tmp_path)
    (content_dir / "en" / "lessons" / "w12-3.md").write_text("kapot", encoding="utf-8")
    with pytest.raises(CommandError, match="w12-3.md"):
        call_command("load_content", content_dir=content_dir)
    assert not Lesson.objects.exists()


@pytest.mark.django_db
def test_two_lessons_in_one_slot_are_refused(tmp_path):
    content_dir = copy_lessons(tmp_path)
    path = content_dir / "nl" / "lessons" / "w01-2.md"
    path.write_text(path.read_text(encoding="utf-8").replace("order: 2", "order: 1"), "utf-8")
    with pytest.raises(ContentError, match="share week 1, order 1"):
        load_content(content_dir=content_dir, now=timezone.now())


@pytest.mark.django_db
def test_a_removed_lesson_is_retired_and_keeps_its_progress(tmp_path, patient_anna):
    content_dir = copy_lessons(tmp_path)
    load_content(content_dir=content_dir, now=timezone.now())
    lesson = Lesson.objects.get(week=12, order=3)
    complete_lesson(user=patient_anna, lesson=lesson, reflection="", now=timezone.now())
    for language in ("nl", "en"):
        (content_dir / language / "lessons" / "w12-3.md").unlink()
    report = load_content(content_dir=content_dir, now=timezone.now())
    assert report.lessons_retired == 1
    assert not Lesson.objects.get(pk=lesson.pk).active
    assert LessonProgress.objects.filter(lesson=lesson, user=patient_anna).exists()


@pytest.mark.django_db
def test_pages_load_per_language_and_a_removed_page_goes(tmp_path):
    for language, title in (("nl", "Plan bij een opvlamming"), ("en", "Flare plan")):
        folder = tmp_path / language / "pages"
        folder.mkdir(parents=True)
        (folder / "flare-plan.md").write_text(PAGE.format(language=language, title=title), "utf-8")
    report = load_content(content_dir=tmp_path, now=timezone.now())
    assert report.pages_changed == 2
    assert Page.objects.get(key="flare-plan", language="en").title == "Flare plan"
    shutil.rmtree(tmp_path / "en" / "pages")
    report = load_content(content_dir=tmp_path, now=timezone.now())
    assert (report.pages_unchanged, report.pages_removed) == (1, 1)


@pytest.mark.django_db
def test_the_command_loads_the_real_content_folder_lessons_pages_and_scripts():
    """Issue 5's acceptance: `manage.py load_content` on content/ as it is in the repository."""
    call_command("load_content", content_dir=Path(CONTENT))
    assert Lesson.objects.current().count() == 36
    assert LessonText.objects.count() == 72
    from exercises.models import ExerciseScript

    scripts = {(s.key, s.language) for s in ExerciseScript.objects.all()}
    keys = {key for key, _language in scripts}
    assert scripts == {(key, language) for key in keys for language in ("nl", "en")}
    page_keys = set(Page.objects.values_list("key", "language"))
    assert page_keys == {(key, language) for key, _l in page_keys for language in ("nl", "en")}
