"""Network outcomes for the operator (issue 15 point 6): anonymised, aggregate figures.

Everything is counted by the database (aggregate queries over annotated enrolments, never
a Python loop over patients): one query for the whole network or one practice, plus one
for the PGIC distribution and one for the FS means. A group of fewer than 10 people
gets no figure at all, and a figure whose own denominator is under 10 is left out too.

Who counts: enrolled patients with an active health-data consent AND an active research
consent (CLINICAL.md §8: research use of anonymised figures is its own purpose, asked
separately, unticked); a withdrawal counts from the next computation on. A practice's
group is the patients who ever shared with it. Windows ([product], docs/clinical.md 3.2): the
baseline is the first 14 days after the start, week 12 is days 78-84 (pauses are not
counted out); each needs at least 4 check-ins. The 30 % and 50 % reductions are decided
on the shown, rounded percent p, in whole numbers: p >= 29.95 exactly when
1401 x baseline >= 2000 x week-12 mean (and 1001 x for 50 %).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import connections, transaction
from django.db.models import (
    Avg,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce

from accounts.models import Consent
from assessments.change import WINDOW_MINIMUM
from assessments.models import Response
from assessments.rounding import round_half_up
from care.models import Share
from diary.models import CheckIn
from practices.models import Practice
from programme.models import Enrolment, Lesson, LessonProgress

SMALLEST_GROUP = 10
ACTIVE_DAYS = 14
BASELINE = (0, 13)  # days after the start, inclusive
WEEK_12 = (77, 83)


@dataclass
class Figures:
    group: str
    enrolled: int | None
    active: int | None = None
    completed: int | None = None
    week_12_measured: int | None = None
    reduced_30_percent: Decimal | None = None
    reduced_50_percent: Decimal | None = None
    pgic: dict[int, int] | None = None
    fs_intake_mean: Decimal | None = None
    fs_week_12_mean: Decimal | None = None
    fs_pairs: int | None = None
    header: list[str] = field(default_factory=list)

    @property
    def cells(self) -> list[object]:
        return outcome_row(self)


def _day(offset: int) -> ExpressionWrapper:
    return ExpressionWrapper(
        OuterRef("started_on") + timedelta(days=offset), output_field=DateField()
    )


# One correlated subquery per window gives both numbers: 100 x the sum of pain plus the
# number of check-ins (at most 14 check-ins, so the count never reaches 100). Two index
# range scans per patient instead of four; the outer query takes them apart.
PACK = 100


def _window(days: tuple[int, int]) -> Coalesce:
    """100 x (sum of pain) + (number of check-ins) in a window after the patient's start."""
    rows = CheckIn.objects.filter(
        patient=OuterRef("user"), date__gte=_day(days[0]), date__lte=_day(days[1])
    )
    packed = Sum("pain") * PACK + Count("pain")  # pain is required: a count of check-ins
    aggregated = rows.order_by().values("patient").annotate(v=packed).values("v")
    return Coalesce(Subquery(aggregated, output_field=IntegerField()), Value(0))


def _consents_to(purpose: str) -> Exists:
    return Exists(Consent.objects.active().filter(user=OuterRef("user"), purpose=purpose))


def _patients(now: datetime) -> QuerySet[Enrolment]:
    since = now.date() - timedelta(days=ACTIVE_DAYS - 1)
    lessons = (
        LessonProgress.objects.filter(user=OuterRef("user"))
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Enrolment.objects.filter(
        _consents_to(Consent.Purpose.HEALTH_DATA), _consents_to(Consent.Purpose.RESEARCH)
    ).annotate(
        is_active=Exists(CheckIn.objects.filter(patient=OuterRef("user"), date__gte=since)),
        lessons_done=Coalesce(Subquery(lessons, output_field=IntegerField()), Value(0)),
        base=_window(BASELINE),
        week=_window(WEEK_12),
    )


# The outer query reads each patient's figures once. Django would repeat a subquery in
# every expression that names its annotation (20 index scans per patient instead of 4),
# so the sums over the patients are written over the inner query as a derived table, and
# a no-op OFFSET keeps the database from pulling it up and repeating them itself.
FENCE = {"postgresql": "OFFSET 0", "sqlite": "LIMIT -1 OFFSET 0"}
TOTALS = """
SELECT COUNT(*),
       SUM(CASE WHEN is_active THEN 1 ELSE 0 END),
       SUM(CASE WHEN lessons_done >= %s THEN 1 ELSE 0 END),
       SUM(measured),
       SUM(CASE WHEN measured = 1 AND base_sum * week_n * 1401 >= week_sum * base_n * 2000
                THEN 1 ELSE 0 END),
       SUM(CASE WHEN measured = 1 AND base_sum * week_n * 1001 >= week_sum * base_n * 2000
                THEN 1 ELSE 0 END)
FROM (
  SELECT is_active, lessons_done, base_sum, base_n, week_sum, week_n,
         CASE WHEN base_n >= %s AND week_n >= %s AND base_sum > 0 THEN 1 ELSE 0 END AS measured
  FROM (
    SELECT is_active, lessons_done,
           base / %s AS base_sum, base %% %s AS base_n, week / %s AS week_sum, week %% %s AS week_n
    FROM ({patients} {fence}) AS per_patient
  ) AS unpacked
) AS figures
"""


def _totals(patients: QuerySet[Enrolment], total_lessons: int) -> dict[str, int]:
    annotated = ("is_active", "lessons_done", "base", "week")  # from _patients
    inner, params = patients.values(*annotated).query.sql_with_params()
    vendor = connections[patients.db].vendor
    sql = TOTALS.format(patients=inner, fence=FENCE.get(vendor, ""))
    arguments = (
        max(total_lessons, 1),
        WINDOW_MINIMUM,
        WINDOW_MINIMUM,
        PACK,
        PACK,
        PACK,
        PACK,
        *params,
    )
    # The inner query's own parameters come last: it sits last in the statement.
    with transaction.atomic(using=patients.db), connections[patients.db].cursor() as cursor:
        if vendor == "postgresql":
            # PostgreSQL would spend about half a second compiling this one-off query (JIT)
            # to save less than that: measured on 100,000 patients (docs/performance.md).
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, arguments)
        row = cursor.fetchone()
    names = ("enrolled", "active", "completed", "measured_n", "reduced_30", "reduced_50")
    return {name: int(value or 0) for name, value in zip(names, row, strict=True)}


def _share(count: int, of: int) -> Decimal | None:
    if of < SMALLEST_GROUP:
        return None
    return round_half_up(Decimal(count * 100) / Decimal(of))


def _figures(group: str, patients: QuerySet[Enrolment], total_lessons: int) -> Figures:
    totals = _totals(patients, total_lessons)
    enrolled = totals["enrolled"]
    if enrolled < SMALLEST_GROUP:
        return Figures(group=group, enrolled=None)
    measured = totals["measured_n"]
    users = patients.values("user")
    pgic = _pgic(users)
    fs_intake, fs_week_12, pairs = _fs(users)
    return Figures(
        group=group,
        enrolled=enrolled,
        active=totals["active"],
        completed=totals["completed"],
        week_12_measured=measured if measured >= SMALLEST_GROUP else None,
        reduced_30_percent=_share(totals["reduced_30"], measured),
        reduced_50_percent=_share(totals["reduced_50"], measured),
        pgic=pgic if sum(pgic.values()) >= SMALLEST_GROUP else None,
        fs_intake_mean=fs_intake if pairs >= SMALLEST_GROUP else None,
        fs_week_12_mean=fs_week_12 if pairs >= SMALLEST_GROUP else None,
        fs_pairs=pairs if pairs >= SMALLEST_GROUP else None,
    )


def _pgic(users: Any) -> dict[int, int]:
    rows = (
        Response.objects.submitted()
        .filter(patient__in=users, instrument_key="pgic", occasion="week_12")
        .annotate(answer=Cast(KeyTextTransform("answer", "scores"), IntegerField()))
        .order_by()
        .values("answer")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(range(1, 8), 0)
    for row in rows:
        if row["answer"] in counts:
            counts[row["answer"]] = row["n"]
    return counts


def _fs(users: Any) -> tuple[Decimal | None, Decimal | None, int]:
    """Mean FS at intake and at week 12, of the patients who have both."""
    acr = Response.objects.submitted().filter(instrument_key="acr2016")
    both = users.filter(
        Exists(acr.filter(patient=OuterRef("user"), occasion="intake")),
        Exists(acr.filter(patient=OuterRef("user"), occasion="week_12")),
    )
    fs = Cast(KeyTextTransform("fs", "scores"), IntegerField())
    means = (
        acr.filter(patient__in=both, occasion__in=["intake", "week_12"])
        .annotate(fs_value=fs)
        .aggregate(
            intake=Avg("fs_value", filter=Q(occasion="intake")),
            week_12=Avg("fs_value", filter=Q(occasion="week_12")),
            pairs=Count("patient", filter=Q(occasion="week_12"), distinct=True),
        )
    )

    def shown(value: Any) -> Decimal | None:
        return None if value is None else round_half_up(Decimal(str(value)))

    return shown(means["intake"]), shown(means["week_12"]), means["pairs"] or 0


def network_outcomes(*, now: datetime) -> list[Figures]:
    """The whole network first, then each practice that patients shared with."""
    total_lessons = Lesson.objects.filter(active=True).count()
    patients = _patients(now)
    figures = [_figures("network", patients, total_lessons)]
    for practice in Practice.objects.filter(pk__in=Share.objects.values("practice_id")).order_by(
        "name"
    ):
        shared = Share.objects.filter(practice=practice, patient=OuterRef("user"))
        figures.append(_figures(practice.name, patients.filter(Exists(shared)), total_lessons))
    header, _ = outcome_rows(figures)
    for figure in figures:
        figure.header = header
    return figures


HEADER = [
    "group",
    "enrolled",
    "active_14_days",
    "completed_programme",
    "week_12_measured",
    "pain_reduced_30_percent_share",
    "pain_reduced_50_percent_share",
    *[f"pgic_{answer}" for answer in range(1, 8)],
    "fs_intake_mean",
    "fs_week_12_mean",
    "fs_pairs",
]


def outcome_row(figure: Figures) -> list[object]:
    pgic = figure.pgic or {}
    return [
        figure.group,
        figure.enrolled,
        figure.active,
        figure.completed,
        figure.week_12_measured,
        figure.reduced_30_percent,
        figure.reduced_50_percent,
        *[pgic.get(answer) if figure.pgic else None for answer in range(1, 8)],
        figure.fs_intake_mean,
        figure.fs_week_12_mean,
        figure.fs_pairs,
    ]


def outcome_rows(figures: list[Figures]) -> tuple[list[str], list[list[object]]]:
    return list(HEADER), [outcome_row(figure) for figure in figures]
