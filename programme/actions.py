"""Writes about the programme (enrolment, lessons, content), shared by every entry point."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from django.db import transaction

from accounts.access import require_patient
from accounts.models import User
from content.rendering import render_markdown
from exercises.content import load_scripts
from pijnreset import versions
from programme import content, days
from programme.errors import NotStartedYet, StartDateNotAllowed
from programme.models import Enrolment, Lesson, LessonProgress, LessonText, Page

START_AHEAD = timedelta(days=14)


def enrol(*, user: User, started_on: date, now: datetime) -> Enrolment:
    """Start the 12-week programme on `started_on` (the user's local date).

    Today up to two weeks ahead. Idempotent: an existing enrolment is returned
    unchanged (use restart_programme to begin again). Transaction: one atomic
    block; the one-to-one constraint keeps one enrolment per user.
    """
    require_patient(user)
    today = user.local_date(now)
    if not today <= started_on <= today + START_AHEAD:
        raise StartDateNotAllowed()
    with transaction.atomic():
        enrolment, _created = Enrolment.objects.get_or_create(
            user=user, defaults={"started_on": started_on, "created_at": now}
        )
    return enrolment


def pause_programme(*, enrolment: Enrolment, today: date) -> Enrolment:
    """Pause: the programme day stays where it is until resume_programme.

    A conditional UPDATE, so pausing twice keeps the first pause date.
    """
    require_patient(enrolment.user)
    if today < enrolment.started_on:
        raise NotStartedYet()
    Enrolment.objects.filter(pk=enrolment.pk, paused_on__isnull=True).update(paused_on=today)
    versions.patient_changed(enrolment.user_id)
    enrolment.refresh_from_db()
    return enrolment


def resume_programme(*, enrolment: Enrolment, today: date) -> Enrolment:
    """Resume after a pause: the paused days are added up, nothing is skipped.

    Transaction: one atomic block with the enrolment row locked, so a double
    click counts the pause once.
    """
    require_patient(enrolment.user)
    with transaction.atomic():
        locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if locked.paused_on is not None:
            locked.paused_days = days.paused_days_after_resume(
                paused_days=locked.paused_days, paused_on=locked.paused_on, resumed_on=today
            )
            locked.paused_on = None
            locked.save(update_fields=["paused_days", "paused_on"])
    return locked


def restart_programme(*, enrolment: Enrolment, today: date, now: datetime) -> Enrolment:
    """Begin again at day 1 today. Lessons already read stay marked as read."""
    require_patient(enrolment.user)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        started_on=today, paused_on=None, paused_days=0, restarted_at=now
    )
    versions.patient_changed(enrolment.user_id)
    enrolment.refresh_from_db()
    return enrolment


def dismiss_flare_suggestion(*, enrolment: Enrolment, today: date) -> None:
    """Hide the flare suggestion for the rest of the day."""
    require_patient(enrolment.user)
    Enrolment.objects.filter(pk=enrolment.pk).update(flare_suggestion_dismissed_on=today)
    versions.patient_changed(enrolment.user_id)


def complete_lesson(
    *, user: User, lesson: Lesson, reflection: str, now: datetime
) -> LessonProgress:
    """Mark a lesson read, with an optional private reflection.

    Idempotent: the first completion time is kept; a new reflection replaces
    the old one, an empty one keeps it. Transaction: one atomic block; the
    unique constraint (user, lesson) keeps one row.
    """
    require_patient(user)
    with transaction.atomic():
        progress, created = LessonProgress.objects.select_for_update().get_or_create(
            user=user,
            lesson=lesson,
            defaults={
                "completed_at": now,
                "completed_on": user.local_date(now),
                "reflection": reflection.strip(),
            },
        )
        if not created and reflection.strip() and reflection.strip() != progress.reflection:
            progress.reflection = reflection.strip()
            progress.save(update_fields=["reflection"])
    return progress


@dataclass(frozen=True)
class ContentReport:
    lessons_changed: int
    lessons_unchanged: int
    lessons_retired: int
    pages_changed: int
    pages_unchanged: int
    pages_removed: int
    scripts: int


def load_content(*, content_dir: Path, now: datetime) -> ContentReport:
    """Load lessons and pages (and the exercise scripts) from the Markdown files.

    Idempotent: rows are keyed by `key` (pages by key and language) and only
    written when the file changed (its hash), so loading twice changes
    nothing and a text change keeps every patient's progress. A lesson that
    is no longer in the files is retired, not deleted (its progress stays).
    Every file goes through the one content pipeline: the front-matter reader
    (content/frontmatter.py) and the Markdown renderer (content/rendering.py),
    so the stored HTML is sanitised once here and requests only show it.
    Transaction: one atomic block; a broken file (FrontMatterError naming the
    file and field) loads nothing.
    """
    lessons = list(content.lesson_files(content_dir))
    pages = list(content.page_files(content_dir))
    _check_lessons(lessons)
    with transaction.atomic():
        lesson_counts = _store_lessons(lessons, now=now)
        retired = (
            Lesson.objects.current().exclude(key__in={f.key for f in lessons}).update(active=False)
        )
        page_counts = _store_pages(pages, now=now)
        wanted = {(f.key, f.language) for f in pages}
        stale = [p.pk for p in Page.objects.all() if (p.key, p.language) not in wanted]
        removed, _per_model = Page.objects.filter(pk__in=stale).delete()
        scripts = load_scripts(content_dir=content_dir)
    versions.content_changed()
    return ContentReport(
        lessons_changed=lesson_counts[0],
        lessons_unchanged=lesson_counts[1],
        lessons_retired=retired,
        pages_changed=page_counts[0],
        pages_unchanged=page_counts[1],
        pages_removed=removed,
        scripts=scripts,
    )


def _check_lessons(files: list[content.LessonFile]) -> None:
    by_key: dict[str, list[content.LessonFile]] = defaultdict(list)
    slots: dict[tuple[str, int, int], str] = {}
    for file in files:
        by_key[file.key].append(file)
        slot = (file.language, file.week, file.order)
        if slot in slots:
            raise content.ContentError(
                f"{file.language}: lessons {slots[slot]!r} and {file.key!r} share "
                f"week {file.week}, order {file.order}"
            )
        slots[slot] = file.key
    for key, group in by_key.items():
        shapes = {(f.week, f.order, f.evidence, f.exercises) for f in group}
        if len(shapes) > 1:
            raise content.ContentError(
                f"lesson {key!r}: week, order, evidence and exercises differ between languages"
            )


def _store_lessons(files: list[content.LessonFile], *, now: datetime) -> tuple[int, int]:
    changed = unchanged = 0
    lessons = {lesson.key: lesson for lesson in Lesson.objects.all()}
    texts = {(t.lesson.key, t.language): t for t in LessonText.objects.select_related("lesson")}
    for file in files:
        shape = {
            "week": file.week,
            "order": file.order,
            "evidence": file.evidence,
            "exercises": list(file.exercises),
            "active": True,
        }
        lesson = lessons.get(file.key)
        if lesson is None:
            lesson = lessons[file.key] = Lesson.objects.create(key=file.key, **shape)
        elif any(getattr(lesson, name) != value for name, value in shape.items()):
            Lesson.objects.filter(pk=lesson.pk).update(**shape)
            for name, value in shape.items():
                setattr(lesson, name, value)
        text = texts.get((file.key, file.language))
        if text is not None and text.source_hash == file.source_hash:
            unchanged += 1
            continue
        LessonText.objects.update_or_create(
            lesson=lesson,
            language=file.language,
            defaults={
                "title": file.title,
                "reading_minutes": file.reading_minutes,
                "body_html": render_markdown(file.body),
                "reflection_question": file.reflection,
                "source_hash": file.source_hash,
                "updated_at": now,
            },
        )
        changed += 1
    return changed, unchanged


def _store_pages(files: list[content.PageFile], *, now: datetime) -> tuple[int, int]:
    changed = unchanged = 0
    existing = {(page.key, page.language): page for page in Page.objects.all()}
    for file in files:
        page = existing.get((file.key, file.language))
        if page is not None and page.source_hash == file.source_hash:
            unchanged += 1
            continue
        Page.objects.update_or_create(
            key=file.key,
            language=file.language,
            defaults={
                "slug": file.slug,
                "title": file.title,
                "order": file.order,
                "public": file.public,
                "body_html": render_markdown(file.body),
                "source_hash": file.source_hash,
                "updated_at": now,
            },
        )
        changed += 1
    return changed, unchanged
