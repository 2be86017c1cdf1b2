"""What the report for a doctor or therapist holds, read from the patient's rows.

`gather` reads everything the PDF needs in a fixed number of queries; `dataports.pdf`
draws it. Figures come from the pure `dataports.figures`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Sum
from django.utils import timezone

from assessments.definitions import pick
from assessments.models import Response
from assessments.results import Line, result_lines
from dataports.figures import CHART_SCORES, Average, BaselineChange, Day, averages
from dataports.figures import baseline_change as compute_change
from dataports.models import Report
from diary.models import CheckIn
from exercises.models import ExerciseSession, GratitudeEntry, MovementLog, SessionStatus
from programme.models import Enrolment, LessonProgress

MAX_NOTES = 60  # more never fit on two pages; the PDF says how many were left out
NOTE_LENGTH = 400
SHORT_NAMES = {
    "acr2016": "ACR 2016",
    "phq4": "PHQ-4",
    "phq9": "PHQ-9",
    "gad7": "GAD-7",
    "pgic": "PGIC",
    "fiqr": "FIQR",
}


@dataclass(frozen=True)
class Questionnaire:
    title: str
    submitted_on: date
    lines: list[Line]


@dataclass
class ReportContent:
    full_name: str
    birth_date: date | None
    first: date
    last: date
    made_on: date
    language: str
    days: list[Day]
    averages: dict[str, Average]
    start: date | None
    change: BaselineChange | None
    questionnaires: list[Questionnaire]
    flare_days: int
    flare_periods: int
    sessions: dict[str, int]
    movement_minutes: int
    movement_days: int
    gratitude_days: int
    lessons: int
    notes: list[tuple[date, str]] = field(default_factory=list)  # newest first
    notes_left_out: int = 0

    @property
    def has_data(self) -> bool:
        return bool(self.days)


def gather(report: Report) -> ReportContent:
    patient = report.patient
    first, last = report.first_day, report.last_day
    check_ins = list(CheckIn.objects.of(patient).between(first, last).order_by("date"))
    days = [
        Day(c.date, {name: getattr(c, name) for name in CHART_SCORES}, c.flare) for c in check_ins
    ]
    enrolment = Enrolment.objects.filter(user=patient).first()
    start = enrolment.started_on if enrolment else None
    pain_by_day = dict(
        CheckIn.objects.of(patient).filter(date__lte=last).values_list("date", "pain")
    )
    if start is None and pain_by_day:
        start = min(pain_by_day)  # no programme: the first check-in starts the baseline
    change = compute_change(pain_by_day, start=start, last_day=last) if start else None
    sessions = Counter(
        ExerciseSession.objects.filter(
            patient=patient,
            local_date__range=(first, last),
            status=SessionStatus.FINISHED,
        ).values_list("exercise", flat=True)
    )
    movement = MovementLog.objects.filter(patient=patient, local_date__range=(first, last))
    notes_rows = [(c.date, c.note) for c in check_ins if c.note.strip()]
    notes = [(day, text[:NOTE_LENGTH]) for day, text in reversed(notes_rows[-MAX_NOTES:])]
    return ReportContent(
        full_name=report.full_name,
        birth_date=report.birth_date,
        first=first,
        last=last,
        made_on=patient.local_date(timezone.now()),
        language=report.language,
        days=days,
        averages=averages(days),
        start=start,
        change=change,
        questionnaires=_latest_questionnaires(report),
        flare_days=sum(1 for d in days if d.flare),
        flare_periods=patient.flares.filter(started_on__lte=last)  # type: ignore[attr-defined]
        .exclude(ended_on__lt=first)
        .count(),
        sessions=dict(sessions),
        movement_minutes=movement.aggregate(total=Sum("minutes"))["total"] or 0,
        movement_days=movement.values("local_date").distinct().count(),
        gratitude_days=GratitudeEntry.objects.filter(
            patient=patient, local_date__range=(first, last)
        ).count(),
        lessons=LessonProgress.objects.filter(
            user=patient, completed_on__range=(first, last)
        ).count(),
        notes=notes if report.include_notes else [],
        notes_left_out=max(0, len(notes_rows) - MAX_NOTES) if report.include_notes else 0,
    )


def _latest_questionnaires(report: Report) -> list[Questionnaire]:
    """The latest submitted response of each questionnaire up to the end of the period."""
    zone = report.patient.zone
    found: dict[str, Response] = {}
    responses = (
        Response.objects.of(report.patient)
        .submitted()
        .select_related("instrument")
        .order_by("-submitted_at")
    )
    for response in responses:
        submitted_on = timezone.localtime(response.submitted_at, zone).date()
        if submitted_on <= report.last_day and response.instrument_key not in found:
            found[response.instrument_key] = response
    shown = []
    for response in found.values():
        definition = response.instrument.parsed()
        shown.append(
            Questionnaire(
                title=f"{SHORT_NAMES.get(response.instrument_key, response.instrument_key)}: "
                f"{pick(definition.title, report.language)}",
                submitted_on=timezone.localtime(response.submitted_at, zone).date(),
                lines=result_lines(response, None, report.language),
            )
        )
    return shown
