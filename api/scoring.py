"""The open scoring API: POST /api/v1/scoring/{instrument} (docs/clinical.md sections 3 and 6).

Instruments: acr2016, pgic, phq4, phq9, gad7, fiqr; and ``change``, the percent change of
pain against the baseline (section 3.2).

Public: no log-in, nothing stored, nothing logged about the answers. Rate-limited per
client address by the one limiter (pijnreset/ratelimit.py, settings.RATE_LIMITS["scoring"],
60 a minute by default; 429 with Retry-After after that).

The body is parsed here, not by ninja, so that every bad input is a 422 with the field
named, ``{"detail": "fatigue: must be from 0 to 3, got 4", "field": "fatigue"}``: a body
that is not JSON, not an object, has a key twice, an unknown or missing field, a value of
the wrong type (true is not a number) or out of range, an unknown or repeated body area,
the wrong number of items. The checks are those of the pure scoring functions in
`assessments.scoring`, so the API and the questionnaires can never disagree; nothing is
ever scored from partial input. The request schemas below document the same rules.
"""

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict, StrictBool, StrictInt

from assessments import change, scoring
from assessments.rounding import round_half_up
from assessments.scoring import AreaKey, InvalidAnswers
from pijnreset import ratelimit

router = Router(tags=["open scoring"])

MAX_DECIMALS = 12  # digits after the point in a mean (1e-999999999 would be costly exactly)

Area = AreaKey
Symptom = Annotated[StrictInt, Field(ge=0, le=3)]
Frequency = Annotated[StrictInt, Field(ge=0, le=3)]


# --- Schemas (documentation of the request bodies; validation is the pure functions') ---


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


class ChangeIn(Schema):
    """Either two means (JSON numbers, read exactly as decimals) or the daily scores."""

    model_config = ConfigDict(extra="forbid")

    baseline: Annotated[float, Field(ge=0, le=10)] | None = Field(
        None, description="Mean pain at baseline, 0-10 (read as an exact decimal)"
    )
    current: Annotated[float, Field(ge=0, le=10)] | None = Field(
        None, description="Mean pain now, 0-10"
    )
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


class ScoringError(Schema):
    detail: str = Field(..., description="What is wrong, naming the field")
    field: str = Field(..., description="The field: a key, items[i] (0-based), or body")


# --- Scoring each instrument from a decoded JSON object ---


def _only(data: dict[str, Any], allowed: tuple[str, ...]) -> None:
    for key in data:
        if key not in allowed:
            raise InvalidAnswers(key, "is not a field of this instrument")
    for key in allowed:
        if key not in data or data[key] is None:
            raise InvalidAnswers(key, "is missing")


def _acr2016(data: dict[str, Any]) -> dict[str, Any]:
    score = scoring.acr2016_from_answers(data)
    return {
        "wpi": score.wpi,
        "regions": score.regions,
        "generalized_pain": score.generalized_pain,
        "sss": score.sss,
        "fs": score.fs,
        "severity": score.severity,
        "meets_2016_thresholds": score.meets_2016_thresholds,
    }


def _phq4(data: dict[str, Any]) -> dict[str, Any]:
    _only(data, ("items",))
    score = scoring.phq4(data["items"])
    return {
        "total": score.total,
        "severity": score.severity,
        "anxiety": score.anxiety,
        "depression": score.depression,
        "anxiety_positive": score.anxiety_positive,
        "depression_positive": score.depression_positive,
    }


def _phq9(data: dict[str, Any]) -> dict[str, Any]:
    _only(data, ("items",))
    score = scoring.phq9(data["items"])
    return {"total": score.total, "severity": score.severity, "crisis": score.crisis}


def _gad7(data: dict[str, Any]) -> dict[str, Any]:
    _only(data, ("items",))
    score = scoring.gad7(data["items"])
    return {"total": score.total, "severity": score.severity}


def _pgic(data: dict[str, Any]) -> dict[str, Any]:
    _only(data, ("answer",))
    score = scoring.pgic(data["answer"])
    return {
        "answer": score.answer,
        "label": score.label,
        "much_improved": score.much_improved,
        "improved": score.improved,
    }


def _fiqr(data: dict[str, Any]) -> dict[str, Any]:
    _only(data, ("items",))
    score = scoring.fiqr(data["items"])
    # Classified and rounded on exact values; the one-decimal Decimal is exactly a float's repr.
    shown = {name: float(value) for name, value in score.display().items()}
    return {**shown, "missing_function_items": score.missing_function_items}


def _nrs_mean(data: dict[str, Any], name: str) -> Decimal:
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise InvalidAnswers(name, "must be a number from 0 to 10")
    if not 0 <= value <= 10:
        raise InvalidAnswers(name, f"must be from 0 to 10, got {value}")
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    if not isinstance(exponent, int) or exponent < -MAX_DECIMALS:
        raise InvalidAnswers(name, f"must have at most {MAX_DECIMALS} decimals")
    return Decimal(value)


def _change(data: dict[str, Any]) -> dict[str, Any]:
    """Percent change (docs/clinical.md 3.2) on exact values: 7.0 -> 4.9 is 30.0 %, moderate."""
    if "baseline_scores" in data or "current_scores" in data:
        _only(data, ("baseline_scores", "current_scores"))
        means = {}
        for name in ("baseline_scores", "current_scores"):
            try:
                mean = change.exact_mean_of(data[name], minimum=4)
            except InvalidAnswers as exc:  # name the list: "current_scores[3]", not "scores[3]"
                raise InvalidAnswers(exc.field.replace("scores", name, 1), exc.message) from exc
            if mean is None:
                raise InvalidAnswers(name, "not enough data yet: at least 4 daily scores needed")
            means[name] = mean
        result = change.percent_change(means["baseline_scores"], means["current_scores"])
        shown_baseline = round_half_up(means["baseline_scores"])
        shown_current = round_half_up(means["current_scores"])
    else:
        _only(data, ("baseline", "current"))
        baseline, current = _nrs_mean(data, "baseline"), _nrs_mean(data, "current")
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


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def _decode(body: bytes, *, exact: bool = False) -> dict[str, Any]:
    """The JSON object of the body; with ``exact``, numbers with a fraction become Decimals."""
    try:
        data = json.loads(
            body.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_float=Decimal if exact else float,
        )
    except _DuplicateKey as exc:
        raise InvalidAnswers(exc.key, "is given more than once") from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InvalidAnswers("body", "must be a JSON object (application/json)") from exc
    if not isinstance(data, dict):
        raise InvalidAnswers("body", "must be a JSON object, not a list or a single value")
    return data


def _score(
    request: HttpRequest,
    response: HttpResponse,
    scorer: Callable[[dict[str, Any]], dict[str, Any]],
    *,
    exact: bool = False,
) -> Status:
    refusal = ratelimit.hit(request, "scoring")
    if refusal is not None:
        response["Retry-After"] = str(refusal.retry_after)
        return Status(429, {"detail": refusal.message, "field": "rate_limit"})
    try:
        return Status(200, scorer(_decode(request.body, exact=exact)))
    except InvalidAnswers as exc:
        return Status(422, {"detail": str(exc), "field": exc.field})


# --- OpenAPI documentation ---


def _body(schema: type[Schema], examples: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": schema.model_json_schema(),
                    "examples": {name: {"value": value} for name, value in examples.items()},
                }
            },
        }
    }


_ERRORS = {422: ScoringError, 429: ScoringError}
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
    openapi_extra=_body(
        Acr2016In,
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
def score_acr2016(request: HttpRequest, response: HttpResponse) -> Status:
    """Case A of docs/clinical.md 3.1 gives WPI 8, 5 regions, SSS 6, FS 14 (severe)."""
    return _score(request, response, _acr2016)


@router.post(
    "/scoring/phq4",
    response={200: Phq4Out, **_ERRORS},
    summary="Score the PHQ-4 (anxiety and depression screen)",
    openapi_extra=_body(Phq4In, {"mild_anxiety_positive": {"items": [2, 1, 1, 1]}}),
)
def score_phq4(request: HttpRequest, response: HttpResponse) -> Status:
    """[2, 1, 1, 1] gives total 5 (mild), anxiety 3 (positive screen), depression 2."""
    return _score(request, response, _phq4)


@router.post(
    "/scoring/phq9",
    response={200: Phq9Out, **_ERRORS},
    summary="Score the PHQ-9 (depression), with the crisis flag",
    openapi_extra=_body(Phq9In, {"mild_with_crisis": {"items": [1, 1, 2, 1, 0, 1, 1, 0, 1]}}),
)
def score_phq9(request: HttpRequest, response: HttpResponse) -> Status:
    """Any answer above 0 on item 9 sets `crisis`: show crisis help before the result."""
    return _score(request, response, _phq9)


@router.post(
    "/scoring/gad7",
    response={200: Gad7Out, **_ERRORS},
    summary="Score the GAD-7 (anxiety)",
    openapi_extra=_body(Gad7In, {"mild": {"items": [1, 1, 1, 1, 1, 0, 0]}}),
)
def score_gad7(request: HttpRequest, response: HttpResponse) -> Status:
    return _score(request, response, _gad7)


@router.post(
    "/scoring/pgic",
    response={200: PgicOut, **_ERRORS},
    summary="Classify a Patients' Global Impression of Change answer",
    openapi_extra=_body(PgicIn, {"much_improved": {"answer": 2}}),
)
def score_pgic(request: HttpRequest, response: HttpResponse) -> Status:
    return _score(request, response, _pgic)


@router.post(
    "/scoring/fiqr",
    response={200: FiqrOut, **_ERRORS},
    summary="Score the FIQR (structure only: no item text is part of pijnreset)",
    openapi_extra=_body(
        FiqrIn,
        {
            "total_55": {"items": [5] * 9 + [6, 4] + [6] * 10},
            "one_function_item_missing": {"items": [5, 5, None] + [5] * 6 + [6, 4] + [6] * 10},
        },
    ),
)
def score_fiqr(request: HttpRequest, response: HttpResponse) -> Status:
    """A response that cannot be scored (two function items missing, say) answers 422."""
    return _score(request, response, _fiqr)


@router.post(
    "/scoring/change",
    response={200: ChangeOut, **_ERRORS},
    summary="Percent change of pain against the baseline (IMMPACT, docs/clinical.md 3.2)",
    openapi_extra=_body(
        ChangeIn,
        {
            "moderate": {"baseline": 7.0, "current": 4.9},
            "from_daily_scores": {"baseline_scores": [7, 7, 6, 8], "current_scores": [5, 4, 5, 4]},
        },
    ),
)
def score_change(request: HttpRequest, response: HttpResponse) -> Status:
    """Means and the percent change are exact (numbers are read as exact decimals, daily
    scores give exact fractions); the percent is rounded once, half away from zero, and the
    meaning is decided on that shown value: 7.0 -> 4.9 is exactly 30.0 %, "moderate"
    (binary floats would give 29.99...). An increase of 10 % or more is "worse" only when
    pain rose by at least 1 point. "Minimal" up to 30 %, "worse", the 1-point floor and
    the 14-day/7-day windows are product rules beyond IMMPACT."""
    return _score(request, response, _change, exact=True)


@router.post(
    "/scoring/{instrument}",
    response={404: ScoringError},
    summary="Any other instrument: not known",
    include_in_schema=False,
)
def unknown_instrument(request: HttpRequest, instrument: str) -> Status:
    known = "acr2016, pgic, phq4, phq9, gad7, fiqr, change"
    return Status(
        404, {"detail": f"instrument: unknown; use one of {known}", "field": "instrument"}
    )
