"""The Today page's "day state", cached per patient under a version key (issue 18).

Everything the page shows (the plan of programme/today.py, the insights extras and
what the therapist set) is computed once and kept in the cache, rendered as the page's
body (programme/today_body.py), under the patient's version (pijnreset/versions.py),
the content version, the patient's local date, time zone and language. What changes
any of it bumps the version:

- every request by the patient that may write (POST, PUT, PATCH, DELETE, on pages
  and the API; `BumpOnWriteMiddleware`), so their own check-in, flare, enrolment,
  questionnaire, exercise or lesson shows at once, whichever path wrote it;
- every save or delete of a row that belongs to a patient in the apps Today reads
  (signals below), for what others and background tasks write: a therapist's
  homework or message, a share that ends, a reminder task;
- saves of lessons, pages and instruments bump the content version (content loading).

A bounded lifetime (`TTL`) limits the damage of a path nobody thought of. Without a
cache every process shares (Redis), another worker would keep an old state, so the
cache is used only when `settings.DAY_STATE_CACHE` is on (shared cache, or tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

from accounts.access import require_patient
from accounts.models import User
from pijnreset import versions

TTL = 15 * 60
_V = TypeVar("_V")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Apps whose rows of a patient Today shows (directly or through a rule).
PATIENT_APPS = frozenset({"diary", "programme", "assessments", "exercises", "care", "insights"})
CONTENT_MODELS = frozenset({"programme.lesson", "programme.lessontext", "programme.page",
                            "assessments.instrument"})  # fmt: skip
OWNER_FIELDS = ("user_id", "patient_id")


@dataclass
class DayState:
    plan: Any  # programme.today.TodayPlan
    insights: Any  # insights.today.TodayExtras
    from_therapist: Any  # care.today.FromTherapist | None
    kept_offline: list[str]  # URLs the service worker keeps (programme.offline)


def compute(user: User, now: datetime, language: str) -> DayState:
    from care.today import from_therapist
    from insights.today import extras_for
    from programme.offline import pages_kept_offline
    from programme.today import plan_for

    plan = plan_for(user=user, now=now, language=language)
    return DayState(
        plan=plan,
        insights=extras_for(user, plan.local_date),
        from_therapist=from_therapist(patient=user, now=now, language=language),
        kept_offline=pages_kept_offline(plan=plan, language=language),
    )


def kept_for_the_day(
    what: str, user: User, now: datetime, language: str, make: Callable[[], _V]
) -> _V:
    """`make()`, kept under the patient's and the content's versions for the patient's
    day, time zone and language: what the day state is made of, and pages made from it
    (Today's body, programme/today_body.py; the check-in page, diary/views.py)."""
    require_patient(user)  # never from the cache: consent may have been withdrawn
    if not settings.DAY_STATE_CACHE:
        return make()
    key = ":".join((what, str(user.pk), user.local_date(now).isoformat(), str(user.zone), language))
    names = [versions.patient(user.pk), versions.CONTENT]
    return versions.kept(key, names, make, TTL)


changed = versions.patient_changed
content_changed = versions.content_changed


def _on_row_change(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    label = sender._meta.label_lower
    if label in CONTENT_MODELS:
        content_changed()
        return
    if sender._meta.app_label not in PATIENT_APPS:
        return
    for field in OWNER_FIELDS:
        owner = getattr(instance, field, None)
        if owner is not None:
            changed(owner)
    share = getattr(instance, "share", None) if hasattr(instance, "share_id") else None
    if share is not None:
        changed(getattr(share, "patient_id", None))


def connect_signals() -> None:
    post_save.connect(_on_row_change, dispatch_uid="day_state_save")
    post_delete.connect(_on_row_change, dispatch_uid="day_state_delete")


class BumpOnWriteMiddleware:
    """A patient's writing request makes their day state out of date (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in SAFE_METHODS and settings.DAY_STATE_CACHE:
            user = getattr(request, "user", None)  # the API sets it for a token, too
            if user is not None and user.is_authenticated:
                changed(user.pk)
        return response
