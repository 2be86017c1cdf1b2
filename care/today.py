"""What a therapist the patient shares with put on the patient's Today page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Value
from django.urls import NoReverseMatch, reverse

from care.models import CareMessage, Homework, Share
from exercises.catalogue import CATALOGUE
from programme.models import LessonText

SHOWN_DAYS = 28
SHOWN_ITEMS = 5


@dataclass(frozen=True)
class HomeworkItem:
    title: str
    url: str
    by: str


@dataclass(frozen=True)
class Note:
    text: str
    author_name: str
    created_at: datetime


@dataclass(frozen=True)
class FromTherapist:
    homework: list[HomeworkItem]
    messages: list[Note]


def _url(kind: str, key: str) -> str:
    try:
        if kind == Homework.Kind.LESSON:
            return reverse("programme:lesson", args=[key])
        return reverse(f"exercises:{key}")
    except NoReverseMatch:
        return ""


def from_therapist(*, patient: Any, now: datetime, language: str) -> FromTherapist | None:
    """Homework and messages of active shares from the last four weeks.

    One query when there is nothing (the Today page counts its queries): homework and
    messages come back together in a UNION; lesson titles only when a lesson was set.
    """
    active = Share.objects.active(patient.local_date(now)).filter(patient=patient)
    since = now - timedelta(days=SHOWN_DAYS)
    homework = (
        Homework.objects.filter(share__in=active, created_at__gte=since)
        .order_by()
        .values_list(Value("homework"), "kind", "key", "assigned_by_name", "created_at")
    )
    messages = (
        CareMessage.objects.filter(share__in=active, created_at__gte=since)
        .order_by()
        .values_list(Value("message"), Value(""), "text", "author_name", "created_at")
    )
    rows = sorted(homework.union(messages, all=True), key=lambda row: row[4], reverse=True)
    if not rows:
        return None
    set_homework = [row for row in rows if row[0] == "homework"][:SHOWN_ITEMS]
    lesson_keys = [row[2] for row in set_homework if row[1] == Homework.Kind.LESSON]
    titles: dict[str, str] = {}
    if lesson_keys:
        titles = dict(
            LessonText.objects.filter(lesson__key__in=lesson_keys, language=language).values_list(
                "lesson__key", "title"
            )
        )
    items = []
    for _, kind, key, by, _at in set_homework:
        if kind == Homework.Kind.EXERCISE:
            title = str(CATALOGUE[key].title) if key in CATALOGUE else key
        else:
            title = titles.get(key, key)
        items.append(HomeworkItem(title=title, url=_url(kind, key), by=by))
    notes = [
        Note(text=text, author_name=by, created_at=at)
        for what, _, text, by, at in rows
        if what == "message"
    ][:SHOWN_ITEMS]
    return FromTherapist(homework=items, messages=notes)
