"""What the Today page asks the device to keep for reading offline (docs/offline.md).

The service worker keeps Today and the check-in by itself; the lessons and the
flare plan depend on where the patient is in the programme, so Today names them
(`data-offline-keep`) and js/offline.js passes them on to the worker.
"""

from django.db.models import CharField, Value
from django.urls import reverse

from programme.models import Lesson, Page
from programme.today import FLARE_PLAN_KEY, TodayPlan


def pages_kept_offline(*, plan: TodayPlan, language: str) -> list[str]:
    """The URLs of this week's and last week's lessons (while the programme has
    started) and of the flare plan, in the page's language. One query."""
    no_language = Value("", output_field=CharField())
    weeks = [] if plan.day is None else [plan.day.week - 1, plan.day.week]
    lessons = (
        Lesson.objects.filter(active=True, week__in=weeks)
        .values_list("key", no_language)
        .order_by()
    )
    flare_plan = (
        Page.objects.public()
        .filter(key=FLARE_PLAN_KEY, language__in={language, "nl"})
        .values_list("slug", "language")
        .order_by()
    )
    rows = list(lessons.union(flare_plan, all=True))
    urls = [reverse("programme:lesson", args=[key]) for key, kind in rows if kind == ""]
    plans = sorted((kind != language, slug) for slug, kind in rows if kind)  # own language first
    if plans:
        urls.append(reverse("programme:page", args=[plans[0][1]]))
    return urls
