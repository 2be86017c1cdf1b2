"""What a therapist sees of one sharing patient: only the shared scope.

Trends (check-ins), questionnaire results with the ACR 2016 thresholds labelled as
screening information (docs/clinical.md 3.1), the change against the baseline (3.2),
PGIC, practices done and pacing flags (6.4), and the pre-visit summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

from assessments.change import ChangeResult, exact_mean_of
from assessments.models import Response, SafetyFlag
from care import needs
from care.models import CareMessage, ClinicalNote, Homework, Share
from diary.models import CheckIn
from exercises.models import ExerciseSession, MovementLog
from insights.data import pain_change_for
from programme.models import LessonProgress

MEANINGS = {
    "worse": _("worse"),
    "no_important_change": _("no important change"),
    "minimal": _("minimal improvement"),
    "moderate": _("moderate improvement"),
    "substantial": _("substantial improvement"),
    "not_applicable": _("not applicable"),
}
TREND_DAYS = 90


@dataclass
class Detail:
    share: Share
    today: date
    pain_line: str = ""
    fatigue_line: str = ""
    sleep_line: str = ""
    check_in_count: int = 0
    last_check_in: date | None = None
    change: ChangeResult | None = None
    results: list[Response] = field(default_factory=list)
    pgic: list[Response] = field(default_factory=list)
    flags: list[SafetyFlag] = field(default_factory=list)
    sessions_done: int = 0
    lessons_done: int = 0
    movement_days: int = 0
    pacing_notes: list[str] = field(default_factory=list)
    notes: list[ClinicalNote] = field(default_factory=list)
    homework: list[Homework] = field(default_factory=list)
    messages: list[CareMessage] = field(default_factory=list)
    check_in_notes: list[CheckIn] = field(default_factory=list)

    @property
    def change_words(self) -> str:
        return str(MEANINGS[self.change.meaning]) if self.change else ""

    @property
    def acr_results(self) -> list[Response]:
        return [r for r in self.results if r.instrument_key == "acr2016"]


def baseline_change(patient: Any, today: date) -> ChangeResult | None:
    """Pain now against the start (3.2): the very number the patient sees on their own
    insights page (insights.data.pain_change_for)."""
    change = pain_change_for(patient, today)
    return None if change is None else change.result


def _trends(detail: Detail, patient: Any) -> None:
    first = detail.today - timedelta(days=TREND_DAYS - 1)
    rows = list(
        CheckIn.objects.filter(patient=patient, date__gte=first, date__lte=detail.today)
        .order_by("date")
        .values("date", "pain", "fatigue", "sleep_quality")
    )
    for name, attribute in (
        ("pain", "pain_line"),
        ("fatigue", "fatigue_line"),
        ("sleep_quality", "sleep_line"),
    ):
        series = {row["date"]: row[name] for row in rows if row[name] is not None}  # type: ignore[literal-required]
        line = needs.sparkline(series, detail.today, days=TREND_DAYS, width=300, height=60)
        setattr(detail, attribute, line)
    detail.check_in_count = len(rows)
    detail.last_check_in = rows[-1]["date"] if rows else None
    detail.change = baseline_change(patient, detail.today)


def _questionnaires(detail: Detail, patient: Any) -> None:
    submitted = (
        Response.objects.submitted()
        .filter(patient=patient)
        .select_related("instrument")
        .order_by("-submitted_at")
    )
    detail.results = [r for r in submitted[:20] if r.instrument_key != "pgic"]
    detail.pgic = list(submitted.filter(instrument_key="pgic")[:3])
    detail.flags = list(SafetyFlag.objects.open().filter(patient=patient)[:5])


def _practices(detail: Detail, patient: Any) -> None:
    from exercises.movement import pacing_for

    since = detail.today - timedelta(days=28)
    detail.sessions_done = ExerciseSession.objects.filter(
        patient=patient, local_date__gte=since, ended_at__isnull=False
    ).count()
    detail.lessons_done = LessonProgress.objects.filter(user=patient).count()
    detail.movement_days = (
        MovementLog.objects.filter(patient=patient, local_date__gte=since)
        .values("local_date")
        .distinct()
        .count()
    )
    advice = pacing_for(patient=patient, today=detail.today)
    if advice.patterns:
        detail.pacing_notes.append("boom_bust")
    if advice.malaise:
        detail.pacing_notes.append("malaise")
    if advice.advice.in_flare:
        detail.pacing_notes.append("flare")
    if advice.advice.step_back_offer is not None:
        detail.pacing_notes.append("step_back")


def detail_for(share: Share, now: datetime, *, viewer: Any) -> Detail:
    """Everything of the share's scope; the practice's own notes and assignments."""
    patient = share.patient
    detail = Detail(share=share, today=viewer.local_date(now))
    if share.check_ins:
        _trends(detail, patient)
    if share.questionnaires:
        _questionnaires(detail, patient)
    if share.practices:
        _practices(detail, patient)
    if share.notes:
        detail.check_in_notes = list(
            CheckIn.objects.filter(patient=patient).exclude(note="").order_by("-date")[:10]
        )
    detail.notes = list(ClinicalNote.objects.filter(practice=share.practice, patient=patient)[:20])
    detail.homework = list(Homework.objects.filter(share=share)[:10])
    detail.messages = list(CareMessage.objects.filter(share=share)[:5])
    return detail


@dataclass(frozen=True)
class Summary:
    """Half a page before the next appointment: what changed since the last visit."""

    share: Share
    since: date | None
    next_visit: datetime | None
    check_ins: int
    pain_then: str
    pain_now: str
    new_results: list[Response]
    flags: list[SafetyFlag]
    worsening: bool
    quiet: bool
    change: ChangeResult | None


def _mean_text(scores: list[int]) -> str:
    mean = exact_mean_of(scores) if scores else None
    if mean is None:
        return ""
    from assessments.rounding import round_half_up

    return str(round_half_up(mean))


def summary_for(share: Share, now: datetime, *, viewer: Any) -> Summary:
    from bookings.models import Appointment, Status

    patient = share.patient
    today = viewer.local_date(now)
    appointments = Appointment.objects.filter(
        patient=patient,
        practice=share.practice,
        status__in=[Status.CONFIRMED, Status.COMPLETED],
    )
    if not share.whole_practice:
        appointments = appointments.filter(therapist=share.therapist)
    last = appointments.filter(start__lt=now).order_by("-start").first()
    upcoming = appointments.filter(start__gte=now).order_by("start").first()
    since = viewer.local_date(last.start) if last else today - timedelta(days=28)
    pain: dict[date, int] = {}
    if share.check_ins:
        pain = dict(
            CheckIn.objects.filter(
                patient=patient, date__gte=since - timedelta(days=14)
            ).values_list("date", "pain")
        )
    then = [p for d, p in pain.items() if since - timedelta(days=14) <= d < since]
    recent = [p for d, p in pain.items() if d >= since]
    results: list[Response] = []
    flags: list[SafetyFlag] = []
    if share.questionnaires:
        results = list(
            Response.objects.submitted()
            .filter(patient=patient, submitted_at__date__gte=since)
            .select_related("instrument")[:6]
        )
        flags = list(SafetyFlag.objects.open().filter(patient=patient)[:3])
    last_day = max(pain) if pain else None
    return Summary(
        share=share,
        since=since,
        next_visit=upcoming.start if upcoming else None,
        check_ins=len(recent),
        pain_then=_mean_text(then),
        pain_now=_mean_text(recent),
        new_results=results,
        flags=flags,
        worsening=share.check_ins and needs.is_worsening(pain, today),
        quiet=share.check_ins and needs.is_quiet(last_day, today),
        change=baseline_change(patient, today) if share.check_ins else None,
    )
