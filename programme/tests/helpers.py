"""Fixtures shared by the programme, diary and api tests (imported by their conftest.py)."""

import shutil
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from api.actions import create_access_token
from content.rendering import render_markdown
from programme import content
from programme.models import Enrolment, Lesson, LessonText

CONTENT = Path(settings.BASE_DIR) / "content"


def copy_lessons(target: Path) -> Path:
    """Only the lessons of content/ (pages and scripts are written by others)."""
    for language in ("nl", "en"):
        shutil.copytree(CONTENT / language / "lessons", target / language / "lessons")
    return target


@lru_cache(maxsize=1)
def _lesson_files() -> tuple[tuple[content.LessonFile, str], ...]:
    """The real lessons with their rendered HTML, as load_content would store them."""
    return tuple((file, render_markdown(file.body)) for file in content.lesson_files(CONTENT))


@pytest.fixture
def lessons(db):
    """The 36 real lessons in nl and en, parsed once per test run and stored in bulk.

    (load_content itself is tested in test_content.py; this keeps other tests fast.)
    """
    now = timezone.now()
    files = _lesson_files()
    by_key = {}
    for file, _html in files:
        by_key.setdefault(file.key, file)
    stored = {
        lesson.key: lesson
        for lesson in Lesson.objects.bulk_create(
            Lesson(key=f.key, week=f.week, order=f.order, evidence=f.evidence,
                   exercises=list(f.exercises))
            for f in by_key.values()
        )
    }  # fmt: skip
    LessonText.objects.bulk_create(
        LessonText(
            lesson=stored[f.key], language=f.language, title=f.title,
            reading_minutes=f.reading_minutes, body_html=html,
            reflection_question=f.reflection, source_hash=f.source_hash, updated_at=now,
        )
        for f, html in files
    )  # fmt: skip
    return Lesson.objects.all()


def enrol(user, *, days_ago: int = 0) -> Enrolment:
    today = user.local_date()
    return Enrolment.objects.create(user=user, started_on=today - timedelta(days=days_ago))


@pytest.fixture
def enrolled_anna(patient_anna):
    return enrol(patient_anna)


@pytest.fixture
def anna_token(patient_anna) -> str:
    return create_access_token(user=patient_anna, name="test", now=timezone.now()).secret
