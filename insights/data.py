"""Read a patient's rows in a constant number of bounded queries and hand them to the pure
modules (trends, change, weekly summary). Writes nothing. Personal insights: insights/found.py.

Every function takes a patient that already passed the clinical gate (`require_patient`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.formats import get_format

from accounts.models import User
from assessments import change as change_rule
from assessments.models import Occasion, Response
from assessments.rounding import round_half_up
from assessments.scoring import pgic_summary
from diary.models import SCORES, CheckIn, Flare
from exercises.models import ExerciseSession, MovementLog, SessionStatus
from insights import trends
from programme.models import Enrolment

BASELINE_DAYS = change_rule.BASELINE_DAYS
CURRENT_DAYS = change_rule.CURRENT_DAYS
WINDOW_MINIMUM = change_rule.WINDOW_MINIMUM
PGIC_OCCASIONS = (Occasion.WEEK_4, Occasion.WEEK_8, Occasion.WEEK_12)
# Questionnaire scores over time: (instrument keys, key in the stored scores, scale top).
QUESTIONNAIRES: dict[str, tuple[tuple[str, ...], str, int]] = {
    "fs": (("acr2016", "acr2016_symptoms"), "fs", 31),
    "phq4": (("phq4",), "total", 12),
    "pgic": (("pgic",), "answer", 7),
}


# --- Daily scores -------------------------------------------------------------------


def daily_scores(patient: User, first: date, last: date) -> dict[str, dict[date, int]]:
    """score name -> {date: value} for the check-ins from `first` to `last` (one query)."""
    found: dict[str, dict[date, int]] = {name: {} for name in (*SCORES, "flare")}
    rows = CheckIn.objects.of(patient).between(first, last).values_list("date", *SCORES, "flare")
    for day, *values in rows:
        for name, value in zip((*SCORES, "flare"), values, strict=True):
            if value is not None:
                found[name][day] = int(value)
    return found


def flare_days(patient: User, first: date, last: date, reported: Iterable[date]) -> set[date]:
    """Days of a flare period (flare mode) or reported as a flare in the check-in."""
    days = {d for d in reported if first <= d <= last}
    periods = (
        Flare.objects.filter(user=patient, started_on__lte=last)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .values_list("started_on", "ended_on")
    )
    for started_on, ended_on in periods:
        day = max(started_on, first)
        end = min(ended_on or last, last)
        while day <= end:
            days.add(day)
            day += timedelta(days=1)
    return days


def practice_days(patient: User, first: date, last: date) -> Counter[date]:
    """Finished timed sessions and movement logs per local date (two queries)."""
    counts: Counter[date] = Counter()
    sessions = (
        ExerciseSession.objects.of(patient)
        .filter(status=SessionStatus.FINISHED, local_date__gte=first, local_date__lte=last)
        .values("local_date")
        .annotate(n=Count("id"))
        .values_list("local_date", "n")
    )
    moves = (
        MovementLog.objects.of(patient)
        .filter(local_date__gte=first, local_date__lte=last)
        .values("local_date")
        .annotate(n=Count("id"))
        .values_list("local_date", "n")
    )
    for day, n in (*sessions, *moves):
        counts[day] += n
    return counts


# --- Trends ---------------------------------------------------------------------------


class Texts:
    """Day labels and one-decimal numbers for the tables, made once per request: a table of
    two years is thousands of cells, too many for a template filter each."""

    def __init__(self) -> None:
        self.separator = str(get_format("DECIMAL_SEPARATOR"))
        self.weekdays = [str(WEEKDAYS_ABBR[n]) for n in range(7)]
        self.months = {n: str(MONTHS_3[n]) for n in range(1, 13)}

    def day(self, day: date) -> str:
        return f"{self.weekdays[day.weekday()]} {day.day} {self.months[day.month]}"

    def week(self, monday: date) -> str:
        return f"{monday.day} {self.months[monday.month]} {monday.year}"

    def number(self, value: Decimal | None) -> str:
        return "–" if value is None else str(value).replace(".", self.separator)


@dataclass(frozen=True)
class ScoreTrend:
    score: str
    points: list[trends.DayPoint]
    geometry: trends.Geometry
    mean: Decimal | None
    rows: list[tuple[str, str, str, bool]]  # day, score, rolling mean, flare: the table
    by_week: bool  # long periods: the table is by week (week, mean, days, False)

    @property
    def has_data(self) -> bool:
        return any(p.value is not None for p in self.points)


@dataclass(frozen=True)
class QuestionnaireTrend:
    key: str
    top: int
    points: list[tuple[date, int, float, float]]


@dataclass(frozen=True)
class Trends:
    first: date
    last: date
    scores: list[ScoreTrend]
    practice_strip: str
    practice_rows: list[tuple[date, int]]
    practice_table: list[tuple[str, int]]  # by day, or by week for long periods
    questionnaires: list[QuestionnaireTrend]
    flare_count: int

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


DAILY_TABLE_DAYS = 92  # longer periods get a table by week


# Trends over this many days or more read from a replica when there is one
# (pijnreset/db_routing.py); a few weeks stay on the primary, with the latest check-in.
HEAVY_PERIOD_DAYS = 180


def trends_for(patient: User, first: date, last: date) -> Trends:
    """Every score's daily points with its rolling mean, flares, practices, questionnaires."""
    values = daily_scores(patient, first - timedelta(days=trends.WINDOW_DAYS - 1), last)
    flares = flare_days(patient, first, last, values["flare"])
    practices = practice_days(patient, first, last)
    days = trends.days_between(first, last)
    texts = Texts()
    by_week = len(days) > DAILY_TABLE_DAYS
    labels = {} if by_week else {day: texts.day(day) for day in days}
    mondays = trends.mondays_of(days) if by_week else []
    scores = []
    for name in SCORES:
        points = trends.day_points(values[name], days, flare_days=flares)
        if by_week:
            rows = [
                (texts.week(w.week_start), texts.number(w.mean), str(w.days), False)
                for w in trends.week_rows(points, mondays)
            ]
        else:
            rows = [
                (labels[p.day], "–" if p.value is None else str(p.value),
                 texts.number(p.rolling), p.flare)
                for p in points
            ]  # fmt: skip
        scores.append(
            ScoreTrend(
                score=name,
                points=points,
                geometry=trends.geometry(points),
                mean=trends.mean_of(p.value for p in points if p.value is not None),
                rows=rows,
                by_week=by_week,
            )
        )
    practice_rows = sorted(practices.items())
    return Trends(
        first=first,
        last=last,
        scores=scores,
        practice_strip=trends.strip(days, practices),
        practice_rows=practice_rows,
        practice_table=_practice_table(practice_rows, texts, by_week=by_week),
        questionnaires=questionnaire_trends(patient, first, last),
        flare_count=len(flares),
    )


def _practice_table(
    rows: list[tuple[date, int]], texts: Texts, *, by_week: bool
) -> list[tuple[str, int]]:
    if not by_week:
        return [(texts.day(day), count) for day, count in rows]
    weeks: dict[date, int] = {}
    for day, count in rows:
        monday = day - timedelta(days=day.weekday())
        weeks[monday] = weeks.get(monday, 0) + count
    return [(texts.week(monday), count) for monday, count in weeks.items()]


def questionnaire_trends(patient: User, first: date, last: date) -> list[QuestionnaireTrend]:
    keys = [k for keys, _s, _t in QUESTIONNAIRES.values() for k in keys]
    rows = (
        Response.objects.of(patient)
        .submitted()
        .filter(instrument_key__in=keys)
        .order_by("submitted_at")
        .values_list("instrument_key", "submitted_at", "scores")
    )  # submitted(): submitted_at is never None here
    zone = patient.zone
    entries: dict[str, list[tuple[date, int]]] = {name: [] for name in QUESTIONNAIRES}
    for key, submitted_at, scores in rows:
        for name, (instrument_keys, score_key, _top) in QUESTIONNAIRES.items():
            value = (scores or {}).get(score_key)
            if key in instrument_keys and isinstance(value, int):
                entries[name].append((submitted_at.astimezone(zone).date(), value))  # type: ignore[union-attr]
    return [
        QuestionnaireTrend(name, top, trends.score_points(entries[name], first, last, top=top))
        for name, (_k, _s, top) in QUESTIONNAIRES.items()
    ]


# --- Change against the baseline (docs/clinical.md 3.2) -------------------------------


@dataclass(frozen=True)
class Change:
    """Baseline and current pain with the 3.2 rule's result (None: not enough data yet)."""

    baseline_from: date | None
    baseline_to: date | None
    current_from: date
    current_to: date
    baseline_days: int
    current_days: int
    result: change_rule.ChangeResult | None
    baseline_exact: Fraction | None = None
    current_exact: Fraction | None = None
    pgic: list[tuple[str, int, str, date]] = field(default_factory=list)
    pgic_summary: Any = None

    @property
    def meaning(self) -> str:
        return "not_enough_data" if self.result is None else self.result.meaning

    @property
    def baseline_shown(self) -> Decimal | None:
        return None if self.baseline_exact is None else round_half_up(self.baseline_exact)

    @property
    def current_shown(self) -> Decimal | None:
        return None if self.current_exact is None else round_half_up(self.current_exact)


def baseline_start(patient: User) -> date | None:
    """The enrolment's start date; without a programme, the first check-in's date."""
    enrolment = Enrolment.objects.filter(user=patient).values_list("started_on", flat=True).first()
    if enrolment is not None:
        return enrolment
    return CheckIn.objects.of(patient).order_by("date").values_list("date", flat=True).first()


def pain_change_for(patient: User, today: date) -> change_rule.PainChange | None:
    """The 3.2 change of pain against the start (None: no start yet); the same for the
    patient's pages, the report and the therapist (assessments.change.pain_change)."""
    start = baseline_start(patient)
    if start is None:
        return None
    baseline_to = start + timedelta(days=BASELINE_DAYS - 1)
    current_from = max(today - timedelta(days=CURRENT_DAYS - 1), baseline_to + timedelta(days=1))
    windows = Q(date__gte=start, date__lte=baseline_to) | Q(date__gte=current_from, date__lte=today)
    pain = dict(CheckIn.objects.of(patient).filter(windows).values_list("date", "pain"))
    return change_rule.pain_change(pain, start=start, today=today)


def change_for(patient: User, today: date) -> Change:
    """Baseline = first 14 days, current = last 7 days (each >= 4 check-ins); the current
    window only counts days after the baseline window ([product]: no overlap)."""
    pgic, summary = pgic_results(patient)
    change = pain_change_for(patient, today)
    if change is None:
        current_from = today - timedelta(days=CURRENT_DAYS - 1)
        return Change(None, None, current_from, today, 0, 0, None, pgic=pgic,
                      pgic_summary=summary)  # fmt: skip
    return Change(
        change.baseline_from, change.baseline_to, change.current_from, change.current_to,
        change.baseline_days, change.current_days, change.result,
        change.baseline_exact, change.current_exact, pgic, summary,
    )  # fmt: skip


def pgic_results(patient: User) -> tuple[list[tuple[str, int, str, date]], Any]:
    """PGIC answers at weeks 4, 8 and 12 (occasion, answer, label, date) and their summary."""
    rows = (
        Response.objects.of(patient)
        .submitted()
        .filter(instrument_key="pgic", occasion__in=PGIC_OCCASIONS)
        .order_by("submitted_at")
        .values_list("occasion", "scores", "submitted_at")
    )
    found = []
    for occasion, scores, submitted_at in rows:
        answer = (scores or {}).get("answer")
        if isinstance(answer, int):
            local = submitted_at.astimezone(patient.zone).date()  # type: ignore[union-attr]
            found.append((occasion, answer, str((scores or {}).get("label", "")), local))
    summary = pgic_summary([answer for _o, answer, _l, _d in found]) if found else None
    return found, summary
