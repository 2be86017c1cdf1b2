"""Demo data for the programme: the lessons and pages, Anna 30 days in, Bram just started.

Each step is idempotent (`manage.py demo` may run again at any time).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import User
from programme import actions
from programme.models import Enrolment, Lesson

ANNA = "anna@demo.pijnreset.nl"
BRAM = "bram@demo.pijnreset.nl"
# Lessons Anna skipped so far (the lesson list shows them as not read yet).
ANNA_SKIPPED = {(2, 3)}


def load_texts() -> None:
    actions.load_content(content_dir=settings.BASE_DIR / "content", now=timezone.now())


def _enrol(email: str, *, days_ago: int) -> Enrolment:
    user = User.objects.get(email=email)
    started_on = user.local_date() - timedelta(days=days_ago)
    enrolment, _created = Enrolment.objects.update_or_create(
        user=user, defaults={"started_on": started_on, "paused_on": None, "paused_days": 0}
    )
    return enrolment


def enrol_patients() -> None:
    anna = _enrol(ANNA, days_ago=30)
    _enrol(BRAM, days_ago=2)
    now = timezone.now()
    day = anna.day(anna.user.local_date(now))
    assert day is not None
    for lesson in Lesson.objects.current():
        # Read: every earlier lesson but one; today's lesson is left for the visitor.
        slot = (lesson.week, lesson.order)
        if lesson.first_day < day.day and slot != day.lesson and slot not in ANNA_SKIPPED:
            completed = now - timedelta(days=day.day - lesson.first_day)
            progress = actions.complete_lesson(
                user=anna.user, lesson=lesson, reflection="", now=completed
            )
            progress.completed_at, progress.completed_on = completed, completed.date()
            progress.save(update_fields=["completed_at", "completed_on"])


STEPS = [("programme content", load_texts), ("programme enrolment", enrol_patients)]
