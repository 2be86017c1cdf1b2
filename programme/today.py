"""What the Today page shows: at most three things, in a constant number of queries.

The check-in, the lesson of the day and one practice (from the exercises app),
plus a questionnaire when one is due (assessments app) and a calm look at
yesterday. In flare mode the page becomes the gentle plan: the flare-plan text,
the check-in and a short breathing practice; no lesson, no questionnaire.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef

from accounts.access import require_patient
from accounts.models import User
from assessments.safety import exercises_paused
from assessments.schedule import DueQuestionnaire, due_questionnaire
from diary import rules
from diary.models import CheckIn, Flare
from exercises.today import PracticeSuggestion, practice_for
from programme.days import ProgrammeDay
from programme.models import Enrolment, LessonProgress, LessonText, Page

FLARE_PLAN_KEY = "flare-plan"


@dataclass(frozen=True)
class LessonOfTheDay:
    key: str
    title: str
    reading_minutes: int
    done: bool


@dataclass
class TodayPlan:
    local_date: date
    enrolment: Enrolment | None = None
    day: ProgrammeDay | None = None
    in_flare: bool = False
    flare_suggested: bool = False
    flare_reported: bool = False  # the suggestion comes from today's check-in, not the rule
    check_in: CheckIn | None = None
    yesterday: CheckIn | None = None
    lesson: LessonOfTheDay | None = None
    practice: PracticeSuggestion | None = None
    questionnaire: DueQuestionnaire | None = None
    exercises_paused: bool = False
    flare_plan: Page | None = None
    recent: list[CheckIn] = field(default_factory=list)

    @property
    def running(self) -> bool:
        """The programme runs today: started, not paused, not finished."""
        return self.day is not None and not self.day.paused and not self.day.finished


def plan_for(*, user: User, now: datetime, language: str) -> TodayPlan:
    require_patient(user)
    today = user.local_date(now)
    plan = TodayPlan(local_date=today)
    plan.enrolment = (
        Enrolment.objects.filter(user=user)
        .annotate(open_flare=Exists(Flare.objects.open().filter(user=OuterRef("user"))))
        .first()
    )
    if plan.enrolment is not None:
        plan.in_flare = plan.enrolment.open_flare  # type: ignore[attr-defined]
        plan.day = plan.enrolment.day(today)
    else:
        plan.in_flare = Flare.objects.open().filter(user=user).exists()

    plan.recent = list(
        CheckIn.objects.of(user).between(rules.flare_window_start(today), today).order_by("-date")
    )
    by_date = {check_in.date: check_in for check_in in plan.recent}
    plan.check_in = by_date.get(today)
    plan.yesterday = by_date.get(today - timedelta(days=1))
    # Reported or found by the spike rule, flare mode is only offered (docs/clinical.md 6.3).
    plan.flare_reported = plan.check_in is not None and plan.check_in.flare
    plan.flare_suggested = (
        not plan.in_flare
        and (plan.enrolment is None or plan.enrolment.flare_suggestion_dismissed_on != today)
        and (
            plan.flare_reported
            or rules.flare_suggested({d: c.pain for d, c in by_date.items()}, today=today)
        )
    )

    if plan.in_flare:
        plan.flare_plan = _page(FLARE_PLAN_KEY, language)
    elif plan.running and plan.day is not None and plan.day.lesson is not None:
        plan.lesson = _lesson(user, *plan.day.lesson, language=language)

    week = plan.day.week if plan.day is not None else None
    plan.exercises_paused = exercises_paused(user)
    practising = plan.in_flare or (plan.day is not None and not plan.day.paused)
    if not plan.exercises_paused and practising:
        plan.practice = practice_for(user=user, local_date=today, week=week, in_flare=plan.in_flare)
    if plan.enrolment is not None and not plan.in_flare:
        plan.questionnaire = due_questionnaire(
            user=user, programme_week=week, in_flare=plan.in_flare, today=today
        )
    return plan


def _lesson(user: User, week: int, order: int, *, language: str) -> LessonOfTheDay | None:
    """The lesson in the slot, in the language asked for (Dutch when it has no translation)."""
    texts = (
        LessonText.objects.filter(
            lesson__week=week,
            lesson__order=order,
            lesson__active=True,
            language__in={language, "nl"},
        )
        .select_related("lesson")
        .annotate(done=Exists(LessonProgress.objects.filter(user=user, lesson=OuterRef("lesson"))))
    )
    chosen = sorted(texts, key=lambda text: text.language != language)
    if not chosen:
        return None
    text = chosen[0]
    return LessonOfTheDay(
        key=text.lesson.key,
        title=text.title,
        reading_minutes=text.reading_minutes,
        done=text.done,  # type: ignore[attr-defined]
    )


def _page(key: str, language: str) -> Page | None:
    pages = sorted(
        Page.objects.filter(key=key, language__in={language, "nl"}),
        key=lambda page: page.language != language,
    )
    return pages[0] if pages else None
