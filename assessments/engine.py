"""Score a questionnaire response with its instrument's pure scoring function. Pure: no Django.

``SCORERS`` maps the ``scoring`` name of a definition file to an adapter that takes the
stored answers (item key -> value) and the item keys in order, calls the scoring function of
``assessments.scoring`` and returns JSON-safe scores, bands and flags. Adding a licensed
instrument means adding its scoring function and one adapter here; its wording and
structure are data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

from assessments import scoring
from assessments.scoring import InvalidAnswers


@dataclass(frozen=True)
class Scored:
    scores: dict[str, Any]  # every value the scoring function computed, JSON-safe
    bands: dict[str, str]  # e.g. {"severity": "mild"}
    flags: dict[str, bool]  # e.g. {"crisis": True}


def json_safe(value: object) -> Any:
    """Decimal -> "2.25", Fraction -> "9/4", tuples -> lists, dataclasses -> dicts."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: json_safe(getattr(value, f.name)) for f in fields(value)}
    raise TypeError(f"cannot store {type(value).__name__}")


def _items(answers: Mapping[str, object], keys: Sequence[str]) -> list[object]:
    return [answers.get(key) for key in keys]


def _only(answers: Mapping[str, object], keys: Sequence[str]) -> None:
    for key in answers:
        if key not in keys:
            raise InvalidAnswers(key, "is not an item of this questionnaire")


def _acr2016(answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    score = scoring.acr2016_from_answers(answers)
    return Scored(
        scores=json_safe(score),
        bands={"severity": score.severity},
        flags={"generalized_pain": score.generalized_pain},
    )


def _acr2016_symptoms(answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    score = scoring.acr2016_symptoms_from_answers(answers)
    return Scored(
        scores=json_safe(score),
        bands={"severity": score.severity},
        flags={"generalized_pain": score.generalized_pain},
    )


def _phq4(answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    _only(answers, keys)
    score = scoring.phq4(_items(answers, keys))  # type: ignore[arg-type]  # validated inside
    return Scored(
        scores=json_safe(score),
        bands={"severity": score.severity},
        flags={
            "anxiety_positive": score.anxiety_positive,
            "depression_positive": score.depression_positive,
        },
    )


def _phq9(answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    _only(answers, keys)
    score = scoring.phq9(_items(answers, keys))  # type: ignore[arg-type]
    return Scored(
        scores=json_safe(score), bands={"severity": score.severity}, flags={"crisis": score.crisis}
    )


def _gad7(answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    _only(answers, keys)
    score = scoring.gad7(_items(answers, keys))  # type: ignore[arg-type]
    return Scored(scores=json_safe(score), bands={"severity": score.severity}, flags={})


def _pgic(answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    _only(answers, keys)
    if len(keys) != 1:
        raise InvalidAnswers("items", "PGIC has exactly one item")
    score = scoring.pgic(answers.get(keys[0]))  # type: ignore[arg-type]
    return Scored(
        scores=json_safe(score),
        bands={"change": score.label},
        flags={"much_improved": score.much_improved, "improved": score.improved},
    )


def _fiqr(answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    _only(answers, keys)
    score = scoring.fiqr(_items(answers, keys))  # type: ignore[arg-type]
    # Exact values for analysis, half-up one-decimal values for showing (docs/clinical.md 3.2, 3.5).
    scores = {
        "function": json_safe(score.function_exact),
        "overall": json_safe(score.overall_exact),
        "symptoms": json_safe(score.symptoms_exact),
        "total": json_safe(score.total_exact),
        "missing_function_items": score.missing_function_items,
        **{f"{name}_display": str(value) for name, value in score.display().items()},
    }
    return Scored(scores=scores, bands={}, flags={})


Scorer = Callable[[Mapping[str, object], Sequence[str]], Scored]

SCORERS: Final[Mapping[str, Scorer]] = {
    "acr2016": _acr2016,
    "acr2016_symptoms": _acr2016_symptoms,
    "phq4": _phq4,
    "phq9": _phq9,
    "gad7": _gad7,
    "pgic": _pgic,
    "fiqr": _fiqr,
}


def score_answers(scorer: str, answers: Mapping[str, object], keys: Sequence[str]) -> Scored:
    """Score stored answers; raises InvalidAnswers (or IncompleteResponse) naming the item.

    An optional item the patient skipped is stored as None and reaches the scoring
    function as missing: nothing is ever defaulted to 0.
    """
    if scorer not in SCORERS:
        raise InvalidAnswers("scoring", f"no scoring function {scorer!r}")
    return SCORERS[scorer](answers, keys)
