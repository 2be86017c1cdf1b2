"""Trends, change against the baseline, personal insights and personal factors over JSON.

The same reads as the /inzicht/ pages (insights/data.py, insights/found.py). Numbers that
are shown are decimal strings with one decimal, rounded once, half up (docs/clinical.md
3.2); percent_change keeps its sign (an increase is negative, as in 3.2).
"""

import datetime as dt
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import BaseModel, ConfigDict, StrictInt

from accounts.access import require_patient
from accounts.models import User
from api.auth import api_auth
from api.errors import ERRORS, field_errors
from api.inputs import PastDate
from assessments.rounding import round_half_up
from diary.models import SCORES
from insights import actions, data, effects, found
from insights.errors import InsightsError
from pijnreset.db_routing import heavy_reads_if

router = Router(tags=["insights"], auth=api_auth)

MAX_TREND_DAYS = 3 * 366
DEFAULT_TREND_DAYS = 28


def _user(request: HttpRequest) -> User:
    """The patient asking (set by api_auth); staff and consentless accounts get 403."""
    return require_patient(request.auth)  # type: ignore[attr-defined]


def _one(value: object) -> str | None:
    return None if value is None else str(round_half_up(value))  # type: ignore[arg-type]


# --- Trends ---------------------------------------------------------------------------


class TrendDay(Schema):
    date: dt.date
    scores: dict[str, int | None] = Field(description="The day's 0-10 scores (null: not given)")
    rolling_mean: dict[str, str | None] = Field(
        description="7-day rolling mean per score, one decimal; null with < 4 of 7 days"
    )
    flare: bool
    practices: int = Field(description="Finished timed practices and movement logs that day")


class QuestionnaireScore(Schema):
    questionnaire: str = Field(description="fs (0-31), phq4 (0-12) or pgic (1-7)")
    date: dt.date
    score: int


class TrendsOut(Schema):
    from_: dt.date = Field(alias="from")
    to: dt.date
    days: list[TrendDay]
    questionnaires: list[QuestionnaireScore]

    model_config = ConfigDict(populate_by_name=True)


class TrendPeriod(Schema):
    from_: PastDate | None = Field(
        None, alias="from", description="First date (default: 27 days before 'to'), 1900-2100"
    )
    to: PastDate | None = Field(None, description="Last date (default: today), 1900-2100")


@router.get("/me/trends", response={200: TrendsOut, **ERRORS}, by_alias=True)
def trends(request: HttpRequest, period: Query[TrendPeriod]) -> Status[object]:
    """Your daily scores with their 7-day rolling mean, flares and practices, from `from`
    to `to` (inclusive, at most 1098 days), and your questionnaire scores in that period."""
    user = _user(request)
    last = period.to or user.local_date(timezone.now())
    first = period.from_ or last - dt.timedelta(days=DEFAULT_TREND_DAYS - 1)
    if first > last:
        wrong_way = {"from": _("'from' must not be after 'to'.")}
        return Status(422, field_errors(wrong_way, where={"from": ("query",)}))
    if (last - first).days >= MAX_TREND_DAYS:
        too_long = {"to": _("At most %(days)d days at once.") % {"days": MAX_TREND_DAYS}}
        return Status(422, field_errors(too_long, where={"to": ("query",)}))
    with heavy_reads_if((last - first).days >= data.HEAVY_PERIOD_DAYS):
        found_trends = data.trends_for(user, first, last)
    by_score = {t.score: t.points for t in found_trends.scores}
    practices = dict(found_trends.practice_rows)
    days = [
        TrendDay(
            date=point.day,
            scores={name: by_score[name][i].value for name in SCORES},
            rolling_mean={name: _one(by_score[name][i].rolling) for name in SCORES},
            flare=point.flare,
            practices=practices.get(point.day, 0),
        )
        for i, point in enumerate(by_score["pain"])
    ]
    questionnaires = [
        QuestionnaireScore(questionnaire=q.key, date=day, score=score)
        for q in found_trends.questionnaires
        for day, score, _x, _y in q.points
    ]
    return Status(
        200,
        TrendsOut.model_validate(
            {"from": first, "to": last, "days": days, "questionnaires": questionnaires}
        ),
    )


# --- Change ---------------------------------------------------------------------------


class PgicAnswerOut(Schema):
    occasion: str = Field(description="week_4, week_8 or week_12")
    date: dt.date
    answer: int = Field(description="1 very much improved ... 7 very much worse")


class BaselineChangeOut(Schema):
    baseline: str | None = Field(description="Mean pain of the first 14 days, one decimal")
    current: str | None = Field(description="Mean pain of the last 7 days, one decimal")
    percent_change: str | None = Field(
        description="(baseline - current) / baseline x 100, one decimal, signed "
        "(positive: less pain); null when not_enough_data or not_applicable"
    )
    meaning: str = Field(
        description="not_enough_data, not_applicable, worse, no_important_change, minimal, "
        "moderate or substantial (docs/clinical.md 3.2)"
    )
    baseline_from: dt.date | None
    baseline_to: dt.date | None
    baseline_check_ins: int
    current_from: dt.date
    current_to: dt.date
    current_check_ins: int
    pgic: list[PgicAnswerOut]


@router.get("/me/change", response={200: BaselineChangeOut, **ERRORS})
def change(request: HttpRequest) -> Status[object]:
    """Your pain now against your start, with its meaning, and your PGIC answers."""
    user = _user(request)
    found_change = data.change_for(user, user.local_date(timezone.now()))
    result = found_change.result
    return Status(
        200,
        BaselineChangeOut(
            baseline=_one(found_change.baseline_exact),
            current=_one(found_change.current_exact),
            percent_change=None
            if result is None or result.display is None
            else str(result.display),
            meaning=found_change.meaning,
            baseline_from=found_change.baseline_from,
            baseline_to=found_change.baseline_to,
            baseline_check_ins=found_change.baseline_days,
            current_from=found_change.current_from,
            current_to=found_change.current_to,
            current_check_ins=found_change.current_days,
            pgic=[
                PgicAnswerOut(occasion=occasion, date=day, answer=answer)
                for occasion, answer, _label, day in found_change.pgic
            ],
        ),
    )


# --- Insights -------------------------------------------------------------------------


class ComparisonOut(Schema):
    factor: str = Field(
        description="breathing, relaxation, movement_above_median, sleep_above_median, "
        "gratitude, social, or personal:<id> for a factor of your own"
    )
    factor_name: str | None = Field(description="Your own name for a personal factor")
    outcome: str = Field(description="pain or fatigue, on the next day")
    status: str = Field(description="shown, no_clear_difference or not_enough_data")
    days: int
    days_with: int
    days_without: int
    difference: str | None = Field(
        description="Mean next-day score after days with minus without, one decimal"
    )
    interval_low: str | None = Field(description="95 % interval, one decimal")
    interval_high: str | None


class InsightsOut(Schema):
    from_: dt.date = Field(alias="from")
    to: dt.date
    shown: list[ComparisonOut] = Field(description="At most three, after Benjamini-Hochberg")
    tested: list[ComparisonOut]

    model_config = ConfigDict(populate_by_name=True)


def _comparison(c: effects.Comparison, names: dict[str, str]) -> ComparisonOut:
    diff = c.difference
    return ComparisonOut(
        factor=c.factor,
        factor_name=names.get(c.factor),
        outcome=c.outcome,
        status=c.status,
        days=c.days,
        days_with=c.with_days,
        days_without=c.without_days,
        difference=None if diff is None else _one(diff.estimate),
        interval_low=None if diff is None else _one(diff.low),
        interval_high=None if diff is None else _one(diff.high),
    )


@router.get("/me/insights", response={200: InsightsOut, **ERRORS}, by_alias=True)
def insights(request: HttpRequest) -> Status[object]:
    """Your personal insights (docs/clinical.md 7): what goes together with better days."""
    user = _user(request)
    result = found.insights_for(user, user.local_date(timezone.now()))
    names = result.factor_names
    return Status(
        200,
        InsightsOut.model_validate(
            {
                "from": result.first,
                "to": result.last,
                "shown": [_comparison(c, names) for c in result.shown],
                "tested": [_comparison(c, names) for c in result.comparisons],
            }
        ),
    )


# --- Personal factor values -----------------------------------------------------------


FactorValue = Annotated[StrictInt, Field(ge=0, le=10)]


class FactorValuesIn(BaseModel):
    """Unknown keys are refused (422) after the caller is known to be a patient, so a
    request from someone who may not write health data is answered 403 whatever it sends.
    A plain pydantic model: ninja's Schema reads only declared fields, so it keeps no extras."""

    model_config = ConfigDict(extra="allow")

    values: dict[str, FactorValue | None] = Field(
        default_factory=dict,
        max_length=5,
        description="Your factor's id -> 0/1 for yes/no, 0-10 for a scale; null clears",
    )


class FactorValuesOut(Schema):
    date: dt.date
    stored: int


@router.put("/me/factors/{date}", response={200: FactorValuesOut, **ERRORS})
def put_factor_values(
    request: HttpRequest, date: PastDate, payload: FactorValuesIn
) -> Status[object]:
    """Fill in your own factors for one day (today and the 7 days before)."""
    patient = _user(request)
    if payload.model_extra:
        extra = dict.fromkeys(payload.model_extra, _("This field is not allowed."))
        return Status(422, field_errors(extra, where={}, type="extra_forbidden"))
    try:
        stored = actions.record_factor_values(
            patient=patient, day=date, values=payload.values, now=timezone.now()
        )
    except InsightsError as exc:
        where = {"date": ("path",)} if exc.field == "date" else {exc.field: ("body", "values")}
        return Status(422, field_errors({exc.field: str(exc.message)}, where=where))
    return Status(200, FactorValuesOut(date=date, stored=stored))
