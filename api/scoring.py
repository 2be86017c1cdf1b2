"""The open scoring API: POST /api/v1/scoring/{instrument} (docs/clinical.md sections 3 and 6).

Instruments: acr2016, pgic, phq4, phq9, gad7, fiqr; and ``change``, the percent change of
pain against the baseline (section 3.2).

Public: no log-in, nothing stored, nothing logged about the answers. Rate-limited per
client address by the one limiter (pijnreset/ratelimit.py, settings.RATE_LIMITS["scoring"],
60 a minute by default; 429 with Retry-After after that), counted before the body is read,
so bad requests count too.

Two checks, one error format (docs/api.md): the request schemas below validate the body
(ninja and pydantic, with the API's strict JSON reader: a key twice, NaN, a body that is not
an object are refused), then the pure scoring functions of `assessments.scoring` and
`assessments.change` check again, so the API and the questionnaires can never disagree.
Either way a bad input is a 422 whose `loc` names the field (``["body", "items", 2]``);
nothing is ever scored from partial input.
"""

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import wraps
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import BeforeValidator, ConfigDict, StrictBool, StrictInt, WithJsonSchema

from api.errors import Errors, RateLimited, errors, field_errors, problem
from assessments import change, scoring
from assessments.rounding import round_half_up
from assessments.scoring import AreaKey, InvalidAnswers
from pijnreset import ratelimit

router = Router(tags=["open scoring"])

MAX_DECIMALS = 12  # digits after the point in a mean (1e-999999999 would be costly exactly)

Area = AreaKey
Symptom = Annotated[StrictInt, Field(ge=0, le=3)]
Frequency = Annotated[StrictInt, Field(ge=0, le=3)]


# --- Schemas: the first check of each body (the pure scorers are the second) ---


class Acr2016In(Schema):
    """ACR 2016: painful areas of the past week, three symptoms 0-3, three yes/no, duration."""

    model_config = ConfigDict(extra="forbid")

    pain_areas: list[Area] = Field(
        ..., max_length=19, description="Areas with pain in the past week, each at most once.",
        json_schema_extra={"uniqueItems": True},
    )  # fmt: skip
    fatigue: Symptom = Field(..., description="0 none, 1 slight or mild, 2 moderate, 3 severe")
    waking_unrefreshed: Symptom
    cognitive: Symptom
    headaches: StrictBool = Field(..., description="in the past 6 months")
    lower_abdominal: StrictBool = Field(..., description="pain or cramps, past 6 months")
    depression: StrictBool = Field(..., description="in the past 6 months")
    symptoms_3_months: StrictBool = Field(..., description="symptoms present >= 3 months")


class Acr2016Out(Schema):
    wpi: int = Field(..., description="Widespread pain index, 0-19")
    regions: int = Field(
        ..., description="Painful regions of the five (jaw, chest, abdomen excluded)"
    )
    generalized_pain: bool = Field(..., description="Pain in at least 4 of the 5 regions")
    sss: int = Field(..., description="Symptom severity scale, 0-12")
    fs: int = Field(..., description="Fibromyalgia severity = WPI + SSS, 0-31")
    severity: Literal["none", "mild", "moderate", "severe", "very_severe"]
    meets_2016_thresholds: bool = Field(
        ..., description="Screening information for a clinician; never a diagnosis."
    )


class Phq4In(Schema):
    model_config = ConfigDict(extra="forbid")

    items: list[Frequency] = Field(..., min_length=4, max_length=4, description="items 1-4, 0-3")


class Phq9In(Schema):
    model_config = ConfigDict(extra="forbid")

    items: list[Frequency] = Field(..., min_length=9, max_length=9, description="items 1-9, 0-3")


class Gad7In(Schema):
    model_config = ConfigDict(extra="forbid")

    items: list[Frequency] = Field(..., min_length=7, max_length=7, description="items 1-7, 0-3")


class Phq4Out(Schema):
    total: int
    severity: Literal["none", "mild", "moderate", "severe"]
    anxiety: int = Field(..., description="Items 1-2 (GAD-2), 0-6")
    depression: int = Field(..., description="Items 3-4 (PHQ-2), 0-6")
    anxiety_positive: bool = Field(..., description="Anxiety >= 3: talk to a GP or therapist")
    depression_positive: bool = Field(..., description="Depression >= 3: offer the PHQ-9")


class Phq9Out(Schema):
    total: int
    severity: Literal["minimal", "mild", "moderate", "moderately_severe", "severe"]
    crisis: bool = Field(
        ..., description="Item 9 > 0: show crisis help (113, 0800-0113, 112) before the result."
    )


class Gad7Out(Schema):
    total: int
    severity: Literal["minimal", "mild", "moderate", "severe"]


class PgicIn(Schema):
    model_config = ConfigDict(extra="forbid")

    answer: Annotated[StrictInt, Field(ge=1, le=7)] = Field(
        ..., description="1 very much improved ... 4 no change ... 7 very much worse"
    )


class PgicOut(Schema):
    answer: int
    label: Literal[
        "very_much_improved", "much_improved", "minimally_improved", "no_change",
        "minimally_worse", "much_worse", "very_much_worse",
    ]  # fmt: skip
    much_improved: bool = Field(..., description="Answer 1 or 2")
    improved: bool = Field(..., description="Answer 1, 2 or 3")


class FiqrIn(Schema):
    model_config = ConfigDict(extra="forbid")

    items: list[Annotated[StrictInt, Field(ge=0, le=10)] | None] = Field(
        ..., min_length=21, max_length=21,
        description="21 answers 0-10; null for a missing answer (one function item may be missing)",
    )  # fmt: skip


class FiqrOut(Schema):
    function: float = Field(..., description="0-30, one decimal, rounded half-up")
    overall: float = Field(..., description="0-20, one decimal")
    symptoms: float = Field(..., description="0-50, one decimal")
    total: float = Field(
        ..., description="0-100, one decimal, rounded half-up from the exact value"
    )
    missing_function_items: int = Field(..., description="0, or 1 (function sum scaled by 9/8)")


def _json_number(value: object) -> object:
    """A JSON number only (int, or Decimal from the strict reader): not true, not "4.9"."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError("must be a number from 0 to 10")
    return value


# A mean pain score, 0-10, kept exact: 7.0 - 4.9 is 2.1, not 2.0999...
Mean = Annotated[
    Decimal,
    BeforeValidator(_json_number),
    Field(ge=0, le=10, decimal_places=MAX_DECIMALS),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 10}),
]


class ChangeIn(Schema):
    """Either two means (JSON numbers, read exactly as decimals) or the daily scores."""

    model_config = ConfigDict(extra="forbid")

    baseline: Mean | None = Field(
        None,
        description=f"Mean pain at baseline, 0-10, at most {MAX_DECIMALS} decimals "
        "(read as an exact decimal)",
    )
    current: Mean | None = Field(None, description="Mean pain now, 0-10")
    baseline_scores: list[Annotated[StrictInt, Field(ge=0, le=10)]] | None = Field(
        None, min_length=4, description="Daily scores of the first 14 days (at least 4)"
    )
    current_scores: list[Annotated[StrictInt, Field(ge=0, le=10)]] | None = Field(
        None, min_length=4, description="Daily scores of the most recent 7 days (at least 4)"
    )


class ChangeOut(Schema):
    baseline: float = Field(..., description="Shown to one decimal, rounded half-up")
    current: float = Field(..., description="Shown to one decimal, rounded half-up")
    percent: float | None = Field(
        ...,
        description="(baseline - current) / baseline x 100, computed exactly and rounded once "
        "to one decimal, halves away from zero; signed (an increase is negative); null if "
        "baseline 0",
    )
    meaning: Literal[
        "worse", "no_important_change", "minimal", "moderate", "substantial", "not_applicable"
    ] = Field(
        ...,
        description="Decided on the shown percent p and the exact difference d = current - "
        "baseline: p >= 50 substantial, 30-50 moderate, 10-30 minimal, -10 < p < 10 no "
        "important change; p <= -10 is worse only when d >= 1.0 point, else no important "
        "change. Product rules (not IMMPACT): minimal up to 30 %, worse, the 1-point floor.",
    )
    direction: Literal["lower", "higher", "same"] | None = Field(
        ..., description="Pain now against the start, on the shown value; null if baseline 0"
    )
    in_words: str | None = Field(
        ...,
        description='The shown value as words use it, always positive: "20.0 % higher than '
        'at the start" (never "-20.0 %")',
    )


# --- Scoring each instrument from its validated body (the pure functions check again) ---


def _acr2016(payload: Acr2016In) -> dict[str, Any]:
    score = scoring.acr2016_from_answers(payload.model_dump())
    return {
        "wpi": score.wpi,
        "regions": score.regions,
        "generalized_pain": score.generalized_pain,
        "sss": score.sss,
        "fs": score.fs,
        "severity": score.severity,
        "meets_2016_thresholds": score.meets_2016_thresholds,
    }


def _phq4(payload: Phq4In) -> dict[str, Any]:
    score = scoring.phq4(payload.items)
    return {
        "total": score.total,
        "severity": score.severity,
        "anxiety": score.anxiety,
        "depression": score.depression,
        "anxiety_positive": score.anxiety_positive,
        "depression_positive": score.depression_positive,
    }


def _phq9(payload: Phq9In) -> dict[str, Any]:
    score = scoring.phq9(payload.items)
    return {"total": score.total, "severity": score.severity, "crisis": score.crisis}


def _gad7(payload: Gad7In) -> dict[str, Any]:
    score = scoring.gad7(payload.items)
    return {"total": score.total, "severity": score.severity}


def _pgic(payload: PgicIn) -> dict[str, Any]:
    score = scoring.pgic(payload.answer)
    return {
        "answer": score.answer,
        "label": score.label,
        "much_improved": score.much_improved,
        "improved": score.improved,
    }


def _fiqr(payload: FiqrIn) -> dict[str, Any]:
    score = scoring.fiqr(payload.items)
    # Classified and rounded on exact values; the one-decimal Decimal is exactly a float's repr.
    shown = {name: float(value) for name, value in score.display().items()}
    return {**shown, "missing_function_items": score.missing_function_items}


MEANS = ("baseline", "current")
DAILY_SCORES = ("baseline_scores", "current_scores")


class WrongPair(Exception):
    """A change body with fields of both forms, or one of a pair missing: 422 naming them."""

    def __init__(self, errors: Mapping[str, str], type: str) -> None:
        super().__init__(errors)
        self.errors = errors
        self.type = type


def _pair(payload: ChangeIn) -> tuple[str, str]:
    """Which form was sent: the daily scores if either list is there, else the two means."""
    given = payload.model_fields_set
    pair = DAILY_SCORES if given & set(DAILY_SCORES) else MEANS
    mixed = [name for name in ChangeIn.model_fields if name in given and name not in pair]
    if mixed:
        message = "Give either baseline and current, or baseline_scores and current_scores."
        raise WrongPair(dict.fromkeys(mixed, message), "extra_forbidden")
    missing = [name for name in pair if getattr(payload, name) is None]
    if missing:
        raise WrongPair(dict.fromkeys(missing, "Field required"), "missing")
    return pair


def _change(payload: ChangeIn) -> dict[str, Any]:
    """Percent change (docs/clinical.md 3.2) on exact values: 7.0 -> 4.9 is 30.0 %, moderate."""
    if _pair(payload) == DAILY_SCORES:
        means = {}
        for name in DAILY_SCORES:
            try:
                mean = change.exact_mean_of(getattr(payload, name), minimum=4)
            except InvalidAnswers as exc:  # name the list: "current_scores[3]", not "scores[3]"
                raise InvalidAnswers(exc.field.replace("scores", name, 1), exc.message) from exc
            if mean is None:
                raise InvalidAnswers(name, "not enough data yet: at least 4 daily scores needed")
            means[name] = mean
        result = change.percent_change(means["baseline_scores"], means["current_scores"])
        shown_baseline = round_half_up(means["baseline_scores"])
        shown_current = round_half_up(means["current_scores"])
    else:
        baseline, current = payload.baseline, payload.current
        assert baseline is not None and current is not None  # _pair saw both
        result = change.percent_change(baseline, current)
        shown_baseline, shown_current = round_half_up(baseline), round_half_up(current)
    return {
        "baseline": float(shown_baseline),
        "current": float(shown_current),
        "percent": None if result.display is None else float(result.display),
        "meaning": result.meaning,
        "direction": result.direction,
        "in_words": result.in_words,
    }


# --- The shared request handling ---


def _counted(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Count the request against the scoring limit before its body is read (ninja validates
    the body before the endpoint runs, and bad requests must count too)."""
    operation = run.__self__  # type: ignore[attr-defined]

    @wraps(run)
    def counted(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        refusal = ratelimit.hit(request, "scoring")
        if refusal is not None:
            return operation.api.on_exception(request, RateLimited(refusal))  # type: ignore[no-any-return]
        return run(request, **kwargs)

    return counted


def _score(scorer: Callable[[Any], dict[str, Any]], payload: Schema) -> Status[Any]:
    """200 with the score, or 422 naming the field the pure scorer (the second check) refused."""
    try:
        return Status(200, scorer(payload))
    except InvalidAnswers as exc:
        return Status(422, field_errors({exc.field: exc.message}, where={}))
    except WrongPair as exc:
        return Status(422, field_errors(exc.errors, where={}, type=exc.type))


# --- OpenAPI documentation ---


def _examples(examples: dict[str, Any]) -> dict[str, Any]:
    content = {"examples": {name: {"value": value} for name, value in examples.items()}}
    return {"requestBody": {"content": {"application/json": content}}}


_ERRORS = errors(413, 422, 429)
CASE_A = {
    "pain_areas": [
        "shoulder_girdle_left", "shoulder_girdle_right", "upper_arm_left", "hip_left",
        "hip_right", "upper_leg_right", "neck", "lower_back",
    ],
    "fatigue": 2, "waking_unrefreshed": 2, "cognitive": 1,
    "headaches": True, "lower_abdominal": False, "depression": False, "symptoms_3_months": True,
}  # fmt: skip


@router.post(
    "/scoring/acr2016",
    response={200: Acr2016Out, **_ERRORS},
    summary="Score the ACR 2016 fibromyalgia criteria (WPI, SSS, FS)",
    openapi_extra=_examples(
        {
            "case_A": CASE_A,
            "no_pain": {
                **CASE_A,
                "pain_areas": [],
                "fatigue": 1,
                "waking_unrefreshed": 1,
                "cognitive": 1,
                "headaches": False,
            },
        },
    ),  # fmt: skip
)
@decorate_view(_counted)
def score_acr2016(request: HttpRequest, payload: Acr2016In) -> Status[Any]:
    """Case A of docs/clinical.md 3.1 gives WPI 8, 5 regions, SSS 6, FS 14 (severe)."""
    return _score(_acr2016, payload)


@router.post(
    "/scoring/phq4",
    response={200: Phq4Out, **_ERRORS},
    summary="Score the PHQ-4 (anxiety and depression screen)",
    openapi_extra=_examples({"mild_anxiety_positive": {"items": [2, 1, 1, 1]}}),
)
@decorate_view(_counted)
def score_phq4(request: HttpRequest, payload: Phq4In) -> Status[Any]:
    """[2, 1, 1, 1] gives total 5 (mild), anxiety 3 (positive screen), depression 2."""
    return _score(_phq4, payload)


@router.post(
    "/scoring/phq9",
    response={200: Phq9Out, **_ERRORS},
    summary="Score the PHQ-9 (depression), with the crisis flag",
    openapi_extra=_examples({"mild_with_crisis": {"items": [1, 1, 2, 1, 0, 1, 1, 0, 1]}}),
)
@decorate_view(_counted)
def score_phq9(request: HttpRequest, payload: Phq9In) -> Status[Any]:
    """Any answer above 0 on item 9 sets `crisis`: show crisis help before the result."""
    return _score(_phq9, payload)


@router.post(
    "/scoring/gad7",
    response={200: Gad7Out, **_ERRORS},
    summary="Score the GAD-7 (anxiety)",
    openapi_extra=_examples({"mild": {"items": [1, 1, 1, 1, 1, 0, 0]}}),
)
@decorate_view(_counted)
def score_gad7(request: HttpRequest, payload: Gad7In) -> Status[Any]:
    return _score(_gad7, payload)


@router.post(
    "/scoring/pgic",
    response={200: PgicOut, **_ERRORS},
    summary="Classify a Patients' Global Impression of Change answer",
    openapi_extra=_examples({"much_improved": {"answer": 2}}),
)
@decorate_view(_counted)
def score_pgic(request: HttpRequest, payload: PgicIn) -> Status[Any]:
    return _score(_pgic, payload)


@router.post(
    "/scoring/fiqr",
    response={200: FiqrOut, **_ERRORS},
    summary="Score the FIQR (structure only: no item text is part of pijnreset)",
    openapi_extra=_examples(
        {
            "total_55": {"items": [5] * 9 + [6, 4] + [6] * 10},
            "one_function_item_missing": {"items": [5, 5, None] + [5] * 6 + [6, 4] + [6] * 10},
        },
    ),
)
@decorate_view(_counted)
def score_fiqr(request: HttpRequest, payload: FiqrIn) -> Status[Any]:
    """A response that cannot be scored (two function items missing, say) answers 422."""
    return _score(_fiqr, payload)


@router.post(
    "/scoring/change",
    response={200: ChangeOut, **_ERRORS},
    summary="Percent change of pain against the baseline (IMMPACT, docs/clinical.md 3.2)",
    openapi_extra=_examples(
        {
            "moderate": {"baseline": 7.0, "current": 4.9},
            "from_daily_scores": {"baseline_scores": [7, 7, 6, 8], "current_scores": [5, 4, 5, 4]},
        },
    ),
)
@decorate_view(_counted)
def score_change(request: HttpRequest, payload: ChangeIn) -> Status[Any]:
    """Means and the percent change are exact (numbers are read as exact decimals, daily
    scores give exact fractions); the percent is rounded once, half away from zero, and the
    meaning is decided on that shown value: 7.0 -> 4.9 is exactly 30.0 %, "moderate"
    (binary floats would give 29.99...). An increase of 10 % or more is "worse" only when
    pain rose by at least 1 point. "Minimal" up to 30 %, "worse", the 1-point floor and
    the 14-day/7-day windows are product rules beyond IMMPACT. Send either `baseline` and
    `current`, or `baseline_scores` and `current_scores`."""
    return _score(_change, payload)


@router.post(
    "/scoring/{instrument}",
    response=errors(404),
    summary="Any other instrument: not known",
    include_in_schema=False,
)
def unknown_instrument(request: HttpRequest, instrument: str) -> Status[Errors]:
    known = "acr2016, pgic, phq4, phq9, gad7, fiqr, change"
    message = f"Unknown instrument; use one of {known}."
    return Status(404, problem(404, message, loc=("path", "instrument")))
