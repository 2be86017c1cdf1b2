"""Pure scoring functions for the pijnreset instruments (docs/clinical.md sections 2, 3 and 6).

Standard library only: no Django. Every function validates its input and raises
:class:`InvalidAnswers` (or its subclass :class:`IncompleteResponse`) naming the offending
field; nothing is ever coerced, defaulted to 0 or silently de-duplicated.

Arithmetic is exact (``Fraction``); ``Decimal`` values are derived from the exact value and
display values are rounded half-up (``ROUND_HALF_UP``), never with ``round()``. Classification
(bands, change meaning) always uses the exact value.

Field names in errors: keyword names (``"pain_areas"``, ``"fatigue"``), ``"items"`` for the
list as a whole and ``"items[i]"`` with a 0-based index (as in the JSON array) for one item;
the message uses the 1-based clinical item number ("item 9").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, get_args

from assessments.rounding import round_half_up as round_half_up  # noqa: PLC0414 (re-export)
from assessments.rounding import to_decimal as _to_decimal
from assessments.validation import (
    IncompleteResponse as IncompleteResponse,  # noqa: PLC0414 (re-export)
)
from assessments.validation import (
    InvalidAnswers as InvalidAnswers,  # noqa: PLC0414 (re-export)
)
from assessments.validation import complete_items, require_bool, require_int, require_sequence

# --- Constants (docs/clinical.md 3.1) ---

# The 19 body-map keys, used everywhere (API, database, tests). One source: the API
# schemas take the Literal, the code the tuple.
AreaKey = Literal[
    "jaw_left",
    "jaw_right",
    "shoulder_girdle_left",
    "shoulder_girdle_right",
    "upper_arm_left",
    "upper_arm_right",
    "lower_arm_left",
    "lower_arm_right",
    "hip_left",
    "hip_right",
    "upper_leg_left",
    "upper_leg_right",
    "lower_leg_left",
    "lower_leg_right",
    "neck",
    "upper_back",
    "lower_back",
    "chest",
    "abdomen",
]
AREAS: Final[tuple[str, ...]] = get_args(AreaKey)

# Jaw, chest and abdomen count in the WPI but belong to no region.
REGIONS: Final[Mapping[str, frozenset[str]]] = {
    "left_upper": frozenset({"shoulder_girdle_left", "upper_arm_left", "lower_arm_left"}),
    "right_upper": frozenset({"shoulder_girdle_right", "upper_arm_right", "lower_arm_right"}),
    "left_lower": frozenset({"hip_left", "upper_leg_left", "lower_leg_left"}),
    "right_lower": frozenset({"hip_right", "upper_leg_right", "lower_leg_right"}),
    "axial": frozenset({"neck", "upper_back", "lower_back"}),
}

FS_BANDS: Final[tuple[str, ...]] = ("none", "mild", "moderate", "severe", "very_severe")
PHQ4_BANDS: Final[tuple[str, ...]] = ("none", "mild", "moderate", "severe")
PHQ9_BANDS: Final[tuple[str, ...]] = (
    "minimal",
    "mild",
    "moderate",
    "moderately_severe",
    "severe",
)
GAD7_BANDS: Final[tuple[str, ...]] = ("minimal", "mild", "moderate", "severe")
PGIC_LABELS: Final[Mapping[int, str]] = {
    1: "very_much_improved",
    2: "much_improved",
    3: "minimally_improved",
    4: "no_change",
    5: "minimally_worse",
    6: "much_worse",
    7: "very_much_worse",
}

_ACR_FIELDS: Final[tuple[str, ...]] = (
    "pain_areas",
    "fatigue",
    "waking_unrefreshed",
    "cognitive",
    "headaches",
    "lower_abdominal",
    "depression",
    "symptoms_3_months",
)

# --- Small helpers ---


def _share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else _to_decimal(Fraction(part, whole))


# --- ACR 2016 (docs/clinical.md 3.1) ---


@dataclass(frozen=True)
class Acr2016Score:
    wpi: int
    regions: int
    generalized_pain: bool
    sss: int
    fs: int
    severity: str
    meets_2016_thresholds: bool
    pain_areas: tuple[str, ...] = ()  # canonical AREAS order
    painful_regions: tuple[str, ...] = ()  # names from REGIONS, in REGIONS order


def fs_band(fs: int) -> str:
    """Fibromyalgia severity band (Wolfe 2015): 0-3 none ... 20-31 very_severe."""
    value = require_int(fs, "fs", 0, 31)
    if value <= 3:
        return "none"
    if value <= 7:
        return "mild"
    if value <= 11:
        return "moderate"
    if value <= 19:
        return "severe"
    return "very_severe"


def _validate_areas(pain_areas: object) -> frozenset[str]:
    name = "pain_areas"
    if pain_areas is None:
        raise InvalidAnswers(name, "is missing")
    if isinstance(pain_areas, (str, bytes, bytearray, Mapping)) or not isinstance(
        pain_areas, Iterable
    ):
        raise InvalidAnswers(name, "must be a list of body area keys")
    seen: set[str] = set()
    for area in pain_areas:
        if not isinstance(area, str):
            raise InvalidAnswers(name, f"every area must be a text key, got {area!r}")
        if area not in AREAS:
            raise InvalidAnswers(name, f"unknown body area {area!r}")
        if area in seen:
            raise InvalidAnswers(name, f"body area {area!r} is given more than once")
        seen.add(area)
    return frozenset(seen)


@dataclass(frozen=True)
class Acr2016SymptomScore:
    """The symptom part of ACR 2016 (weeks 4, 8, 12): WPI, SSS, FS and band, no thresholds."""

    wpi: int
    regions: int
    generalized_pain: bool
    sss: int
    fs: int
    severity: str
    pain_areas: tuple[str, ...] = ()  # canonical AREAS order
    painful_regions: tuple[str, ...] = ()  # names from REGIONS, in REGIONS order


def acr2016_symptoms(
    *,
    pain_areas: Iterable[str] | None = None,
    fatigue: int | None = None,
    waking_unrefreshed: int | None = None,
    cognitive: int | None = None,
    headaches: bool | None = None,
    lower_abdominal: bool | None = None,
    depression: bool | None = None,
) -> Acr2016SymptomScore:
    """Score the ACR 2016 symptom part: body map (WPI, regions) and SSS, FS and its band.

    The 2016 thresholds need the duration question too, so they are not computed here (the
    follow-ups at weeks 4, 8 and 12 ask only the symptom part, docs/clinical.md section 4).
    Every argument is required, exactly as in :func:`acr2016`.
    """
    areas = _validate_areas(pain_areas)
    fat = require_int(fatigue, "fatigue", 0, 3)
    unref = require_int(waking_unrefreshed, "waking_unrefreshed", 0, 3)
    cog = require_int(cognitive, "cognitive", 0, 3)
    head = require_bool(headaches, "headaches")
    abdo = require_bool(lower_abdominal, "lower_abdominal")
    dep = require_bool(depression, "depression")

    wpi = len(areas)
    painful_regions = tuple(name for name, members in REGIONS.items() if areas & members)
    sss = fat + unref + cog + int(head) + int(abdo) + int(dep)
    fs = wpi + sss
    return Acr2016SymptomScore(
        wpi=wpi,
        regions=len(painful_regions),
        generalized_pain=len(painful_regions) >= 4,
        sss=sss,
        fs=fs,
        severity=fs_band(fs),
        pain_areas=tuple(a for a in AREAS if a in areas),
        painful_regions=painful_regions,
    )


def acr2016(
    *,
    pain_areas: Iterable[str] | None = None,
    fatigue: int | None = None,
    waking_unrefreshed: int | None = None,
    cognitive: int | None = None,
    headaches: bool | None = None,
    lower_abdominal: bool | None = None,
    depression: bool | None = None,
    symptoms_3_months: bool | None = None,
) -> Acr2016Score:
    """Score the ACR 2016 criteria (WPI, regions, SSS, FS, band, thresholds).

    Every argument is required: an omitted or ``None`` argument raises InvalidAnswers naming
    it (so ``acr2016(**payload)`` reports a missing key as a field error). ``pain_areas``
    lists the painful areas (keys of AREAS); an empty list means no pain.
    """
    part = acr2016_symptoms(
        pain_areas=pain_areas,
        fatigue=fatigue,
        waking_unrefreshed=waking_unrefreshed,
        cognitive=cognitive,
        headaches=headaches,
        lower_abdominal=lower_abdominal,
        depression=depression,
    )
    three_months = require_bool(symptoms_3_months, "symptoms_3_months")
    wpi, sss = part.wpi, part.sss
    wpi_sss = (wpi >= 7 and sss >= 5) or (4 <= wpi <= 6 and sss >= 9)
    return Acr2016Score(
        wpi=wpi,
        regions=part.regions,
        generalized_pain=part.generalized_pain,
        sss=sss,
        fs=part.fs,
        severity=part.severity,
        meets_2016_thresholds=wpi_sss and part.generalized_pain and three_months,
        pain_areas=part.pain_areas,
        painful_regions=part.painful_regions,
    )


def acr2016_from_answers(answers: Mapping[str, object]) -> Acr2016Score:
    """Score a decoded JSON object: rejects unknown keys and missing keys by name."""
    if not isinstance(answers, Mapping):
        raise InvalidAnswers("answers", "must be an object with the ACR 2016 fields")
    for key in answers:
        if key not in _ACR_FIELDS:
            raise InvalidAnswers(str(key), "is not an ACR 2016 field")
    for key in _ACR_FIELDS:
        if key not in answers or answers[key] is None:
            raise InvalidAnswers(key, "is missing")
    return acr2016(**answers)  # type: ignore[arg-type]  # validated inside acr2016


def acr2016_symptoms_from_answers(answers: Mapping[str, object]) -> Acr2016SymptomScore:
    """Score the symptom part from a decoded JSON object (no ``symptoms_3_months``)."""
    fields = tuple(f for f in _ACR_FIELDS if f != "symptoms_3_months")
    if not isinstance(answers, Mapping):
        raise InvalidAnswers("answers", "must be an object with the ACR 2016 symptom fields")
    for key in answers:
        if key not in fields:
            raise InvalidAnswers(str(key), "is not an ACR 2016 symptom-part field")
    for key in fields:
        if key not in answers or answers[key] is None:
            raise InvalidAnswers(key, "is missing")
    return acr2016_symptoms(**answers)  # type: ignore[arg-type]  # validated inside


# --- PHQ-4, PHQ-9, GAD-7 (docs/clinical.md 3.4) ---


@dataclass(frozen=True)
class Phq4Score:
    total: int
    severity: str
    anxiety: int
    depression: int
    anxiety_positive: bool
    depression_positive: bool


@dataclass(frozen=True)
class Phq9Score:
    total: int
    severity: str
    crisis: bool  # item 9 > 0: show the crisis panel first (docs/clinical.md 6)


@dataclass(frozen=True)
class Gad7Score:
    total: int
    severity: str


def _band(total: int, upper_bounds: tuple[int, ...], names: tuple[str, ...]) -> str:
    for bound, name in zip(upper_bounds, names, strict=True):
        if total <= bound:
            return name
    raise AssertionError("total outside validated range")  # pragma: no cover


def phq4(items: Sequence[int]) -> Phq4Score:
    """PHQ-4: 4 items 0-3; total 0-12 banded 0-2/3-5/6-8/9-12; subscales >= 3 positive."""
    values = complete_items(items, 4, "PHQ-4")
    total = sum(values)
    anxiety = values[0] + values[1]
    depression = values[2] + values[3]
    return Phq4Score(
        total=total,
        severity=_band(total, (2, 5, 8, 12), PHQ4_BANDS),
        anxiety=anxiety,
        depression=depression,
        anxiety_positive=anxiety >= 3,
        depression_positive=depression >= 3,
    )


def phq9(items: Sequence[int]) -> Phq9Score:
    """PHQ-9: 9 items 0-3; total 0-27 banded 0-4/5-9/10-14/15-19/20-27; crisis if item 9 > 0."""
    values = complete_items(items, 9, "PHQ-9")
    total = sum(values)
    return Phq9Score(
        total=total,
        severity=_band(total, (4, 9, 14, 19, 27), PHQ9_BANDS),
        crisis=values[8] > 0,
    )


def gad7(items: Sequence[int]) -> Gad7Score:
    """GAD-7: 7 items 0-3; total 0-21 banded 0-4/5-9/10-14/15-21."""
    values = complete_items(items, 7, "GAD-7")
    total = sum(values)
    return Gad7Score(total=total, severity=_band(total, (4, 9, 14, 21), GAD7_BANDS))


# --- PGIC (docs/clinical.md 3.3) ---


@dataclass(frozen=True)
class PgicScore:
    answer: int
    label: str
    much_improved: bool  # 1-2
    improved: bool  # 1-3


@dataclass(frozen=True)
class PgicSummary:
    distribution: Mapping[int, int]  # answer 1..7 -> count (all seven keys present)
    n: int
    much_improved_count: int
    improved_count: int
    share_much_improved: Decimal | None  # fraction 0..1, None when n == 0
    share_improved: Decimal | None


def pgic(answer: int) -> PgicScore:
    value = require_int(answer, "answer", 1, 7)
    return PgicScore(
        answer=value,
        label=PGIC_LABELS[value],
        much_improved=value <= 2,
        improved=value <= 3,
    )


def pgic_summary(answers: Sequence[int]) -> PgicSummary:
    seq = require_sequence(answers, "answers", None)
    values = [require_int(a, f"answers[{i}]", 1, 7) for i, a in enumerate(seq)]
    distribution = {k: 0 for k in PGIC_LABELS}
    for value in values:
        distribution[value] += 1
    n = len(values)
    much = distribution[1] + distribution[2]
    improved = much + distribution[3]
    return PgicSummary(
        distribution=distribution,
        n=n,
        much_improved_count=much,
        improved_count=improved,
        share_much_improved=_share(much, n),
        share_improved=_share(improved, n),
    )


# --- FIQR (docs/clinical.md 3.5), structure and scoring only ---

_FIQR_FUNCTION: Final = range(9)  # items 1-9
_FIQR_OVERALL: Final = range(9, 11)  # items 10-11
_FIQR_SYMPTOMS: Final = range(11, 21)  # items 12-21


@dataclass(frozen=True)
class FiqrScore:
    function: Decimal  # 0-30
    overall: Decimal  # 0-20
    symptoms: Decimal  # 0-50
    total: Decimal  # 0-100
    function_exact: Fraction = field(repr=False)
    overall_exact: Fraction = field(repr=False)
    symptoms_exact: Fraction = field(repr=False)
    total_exact: Fraction = field(repr=False)
    missing_function_items: int = 0  # 0 or 1 (1 -> function sum scaled by 9/8)

    @property
    def function_display(self) -> Decimal:
        return round_half_up(self.function_exact)

    @property
    def overall_display(self) -> Decimal:
        return round_half_up(self.overall_exact)

    @property
    def symptoms_display(self) -> Decimal:
        return round_half_up(self.symptoms_exact)

    @property
    def total_display(self) -> Decimal:
        return round_half_up(self.total_exact)

    def display(self) -> dict[str, Decimal]:
        """All four values rounded half-up to one decimal, for showing only."""
        return {
            "function": self.function_display,
            "overall": self.overall_display,
            "symptoms": self.symptoms_display,
            "total": self.total_display,
        }


def fiqr(items: Sequence[int | None]) -> FiqrScore:
    """FIQR: 21 items, each None (missing) or int 0-10.

    Function = sum(items 1-9) / 3, overall = sum(items 10-11), symptoms = sum(items 12-21) / 2.
    Exactly one missing function item: function sum x 9/8. Two or more missing function
    items, or any missing overall/symptom item: IncompleteResponse.
    """
    seq = require_sequence(items, "items", 21)
    values: list[int | None] = [
        None if item is None else require_int(item, f"items[{i}]", 0, 10)
        for i, item in enumerate(seq)
    ]
    missing_other = [i for i in (*_FIQR_OVERALL, *_FIQR_SYMPTOMS) if values[i] is None]
    if missing_other:
        numbers = ", ".join(str(i + 1) for i in missing_other)
        raise IncompleteResponse(
            f"items[{missing_other[0]}]" if len(missing_other) == 1 else "items",
            f"FIQR overall impact and symptom items (10-21) are all required; "
            f"missing item(s) {numbers}",
            tuple(i + 1 for i in missing_other),
        )
    missing_function = [i for i in _FIQR_FUNCTION if values[i] is None]
    if len(missing_function) >= 2:
        numbers = ", ".join(str(i + 1) for i in missing_function)
        raise IncompleteResponse(
            "items",
            f"FIQR: at most one function item (1-9) may be missing; missing items {numbers}",
            tuple(i + 1 for i in missing_function),
        )

    def total_of(indices: range) -> int:
        return sum(v for i in indices if (v := values[i]) is not None)

    function_sum = Fraction(total_of(_FIQR_FUNCTION))
    if missing_function:
        function_sum = function_sum * Fraction(9, 8)
    function = function_sum / 3
    overall = Fraction(total_of(_FIQR_OVERALL))
    symptoms = Fraction(total_of(_FIQR_SYMPTOMS), 2)
    total = function + overall + symptoms
    return FiqrScore(
        function=_to_decimal(function),
        overall=_to_decimal(overall),
        symptoms=_to_decimal(symptoms),
        total=_to_decimal(total),
        function_exact=function,
        overall_exact=overall,
        symptoms_exact=symptoms,
        total_exact=total,
        missing_function_items=len(missing_function),
    )
