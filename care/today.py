"""What a therapist the patient shares with put on the patient's Today page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

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
class FromTherapist:
    homework: list[HomeworkItem]
    messages: list[CareMessage]


def _url(item: Homework) -> str:
    try:
        if item.kind == Homework.Kind.LESSON:
            return reverse("programme:lesson", args=[item.key])
        return reverse(f"exercises:{item.key}")
    except NoReverseMatch:
        return ""


def from_therapist(*, patient: Any, now: datetime, language: str) -> FromTherapist | None:
    """Homework and messages of active shares from the last four weeks (three queries)."""
    active = Share.objects.active(patient.local_date(now)).filter(patient=patient)
    since = now - timedelta(days=SHOWN_DAYS)
    homework = list(Homework.objects.filter(share__in=active, created_at__gte=since)[:SHOWN_ITEMS])
    messages = list(
        CareMessage.objects.filter(share__in=active, created_at__gte=since)[:SHOWN_ITEMS]
    )
    if not homework and not messages:
        return None
    lesson_keys = [h.key for h in homework if h.kind == Homework.Kind.LESSON]
    titles = (
        dict(
            LessonText.objects.filter(lesson__key__in=lesson_keys, language=language).values_list(
                "lesson__key", "title"
            )
        )
        if lesson_keys
        else {}
    )
    items = []
    for item in homework:
        if item.kind == Homework.Kind.EXERCISE:
            title = str(CATALOGUE[item.key].title) if item.key in CATALOGUE else item.key
        else:
            title = titles.get(item.key, item.key)
        items.append(HomeworkItem(title=title, url=_url(item), by=item.assigned_by_name))
    return FromTherapist(homework=items, messages=messages)
