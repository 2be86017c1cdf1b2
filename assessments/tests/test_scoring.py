"""Example tests for assessments.scoring (docs/clinical.md 3.1-3.5, 6). No Django, no database."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from assessments.scoring import (
    AREAS,
    REGIONS,
    Acr2016Score,
    IncompleteResponse,
    InvalidAnswers,
    acr2016,
    acr2016_from_answers,
    fiqr,
    fs_band,
    gad7,
    pgic,
    pgic_summary,
    phq4,
    phq9,
    round_half_up,
)


def _cases(table: Mapping[str, tuple[int, ...]]) -> list[tuple[int, str]]:
    """{"band": (value, value)} -> [(value, "band"), ...] for compact boundary tables."""
    return [(value, band) for band, values in table.items() for value in values]


# --- Constants ---


# The block from docs/clinical.md 3.1, verbatim.
CLINICAL_AREA_BLOCK = """
jaw_left  jaw_right  shoulder_girdle_left  shoulder_girdle_right
upper_arm_left  upper_arm_right  lower_arm_left  lower_arm_right
hip_left  hip_right  upper_leg_left  upper_leg_right
lower_leg_left  lower_leg_right  neck  upper_back  lower_back  chest  abdomen
"""


def test_areas_are_the_19_acr_keys_in_clinical_order() -> None:
    assert AREAS == tuple(CLINICAL_AREA_BLOCK.split())
    assert len(AREAS) == 19


def test_regions_are_five_disjoint_sets_without_jaw_chest_or_abdomen() -> None:
    assert set(REGIONS) == {"left_upper", "right_upper", "left_lower", "right_lower", "axial"}
    members = [area for region in REGIONS.values() for area in region]
    assert len(members) == len(set(members)) == 15
    assert set(AREAS) - set(members) == {"jaw_left", "jaw_right", "chest", "abdomen"}
    assert REGIONS["axial"] == frozenset({"neck", "upper_back", "lower_back"})
    assert REGIONS["left_upper"] == {"shoulder_girdle_left", "upper_arm_left", "lower_arm_left"}
    assert REGIONS["right_lower"] == {"hip_right", "upper_leg_right", "lower_leg_right"}


# --- ACR 2016 worked examples A-G (docs/clinical.md 3.1) ---

A_AREAS = [
    "shoulder_girdle_left",
    "shoulder_girdle_right",
    "upper_arm_left",
    "hip_left",
    "hip_right",
    "upper_leg_right",
    "neck",
    "lower_back",
]
B_AREAS = ["jaw_left", "jaw_right", "chest", "abdomen", "neck", "upper_back", "lower_back"]
C_AREAS = ["shoulder_girdle_left", "shoulder_girdle_right", "hip_left", "hip_right", "neck"]
Y, N = True, False

# areas, (fatigue, unrefreshed, cognitive), (headache, lower abdomen, depression), >= 3 months,
# then expected (wpi, regions, sss, fs, band, thresholds met)
ACR_EXAMPLES = {
    "A": (A_AREAS, (2, 2, 1), (Y, N, N), Y, (8, 5, 6, 14, "severe", True)),
    "B_not_generalized": (B_AREAS, (3, 3, 3), (Y, Y, Y), Y, (7, 1, 12, 19, "severe", False)),
    "C": (C_AREAS, (3, 3, 2), (N, N, Y), Y, (5, 5, 9, 14, "severe", True)),
    "D_sss_below_9": (C_AREAS, (3, 3, 2), (N, N, N), Y, (5, 5, 8, 13, "severe", False)),
    "E_under_3_months": (C_AREAS, (3, 3, 2), (N, N, Y), N, (5, 5, 9, 14, "severe", False)),
    "F": ([], (1, 1, 1), (N, N, N), Y, (0, 0, 3, 3, "none", False)),
    "G": ([], (1, 1, 1), (Y, N, N), Y, (0, 0, 4, 4, "mild", False)),
}


def _acr(
    areas: Any,
    symptoms: tuple[int, int, int] = (0, 0, 0),
    yes_no: tuple[bool, bool, bool] = (N, N, N),
    three_months: bool = True,
) -> Acr2016Score:
    return acr2016(
        pain_areas=areas,
        fatigue=symptoms[0],
        waking_unrefreshed=symptoms[1],
        cognitive=symptoms[2],
        headaches=yes_no[0],
        lower_abdominal=yes_no[1],
        depression=yes_no[2],
        symptoms_3_months=three_months,
    )


@pytest.mark.parametrize("case", list(ACR_EXAMPLES))
def test_acr2016_worked_example(case: str) -> None:
    areas, symptoms, yes_no, three_months, expected = ACR_EXAMPLES[case]
    score = _acr(areas, symptoms, yes_no, three_months)
    wpi, regions, sss, fs, band, met = expected
    assert (score.wpi, score.regions, score.sss, score.fs) == (wpi, regions, sss, fs)
    assert score.severity == band
    assert score.meets_2016_thresholds is met
    assert score.generalized_pain is (regions >= 4)


def test_jaw_chest_and_abdomen_count_in_wpi_but_not_in_regions() -> None:
    score = _acr(["jaw_left", "jaw_right", "chest", "abdomen"])
    assert (score.wpi, score.regions, score.painful_regions) == (4, 0, ())
    assert score.generalized_pain is False


def test_high_wpi_and_sss_without_generalized_pain_does_not_meet_thresholds() -> None:
    score = _acr(B_AREAS, (3, 3, 3), (Y, Y, Y))
    assert score.wpi >= 7 and score.sss >= 5
    assert score.meets_2016_thresholds is False


def test_wpi_4_to_6_needs_sss_of_at_least_9() -> None:
    assert _acr(C_AREAS, (3, 3, 2), (N, N, Y)).meets_2016_thresholds is True
    assert _acr(C_AREAS, (3, 3, 2), (N, N, N)).meets_2016_thresholds is False


def test_wpi_7_needs_sss_of_at_least_5() -> None:
    areas = [*C_AREAS, "upper_arm_left", "upper_arm_right"]
    below = _acr(areas, (2, 2, 0))
    assert (below.wpi, below.regions, below.sss) == (7, 5, 4)
    assert below.meets_2016_thresholds is False
    assert _acr(areas, (2, 2, 1)).meets_2016_thresholds is True


def test_wpi_3_never_meets_thresholds_even_with_maximal_sss() -> None:
    score = _acr(["shoulder_girdle_left", "hip_right", "neck"], (3, 3, 3), (Y, Y, Y))
    assert (score.wpi, score.sss, score.meets_2016_thresholds) == (3, 12, False)


def test_pain_areas_order_does_not_matter_and_is_reported_canonically() -> None:
    score = _acr(list(reversed(A_AREAS)))
    assert score.pain_areas == tuple(a for a in AREAS if a in A_AREAS)
    assert score.painful_regions == tuple(REGIONS)


def test_pain_areas_may_be_any_iterable_such_as_a_generator_or_tuple() -> None:
    assert _acr(tuple(C_AREAS)).wpi == 5
    assert _acr(a for a in C_AREAS).wpi == 5


VALID_ACR: dict[str, Any] = {
    "pain_areas": C_AREAS,
    "fatigue": 3,
    "waking_unrefreshed": 3,
    "cognitive": 2,
    "headaches": False,
    "lower_abdominal": False,
    "depression": True,
    "symptoms_3_months": True,
}


def test_acr2016_from_answers_scores_a_decoded_json_object() -> None:
    score = acr2016_from_answers(VALID_ACR)
    assert (score.wpi, score.sss, score.fs, score.meets_2016_thresholds) == (5, 9, 14, True)


# --- FS bands (Wolfe 2015) ---

FS_BOUNDARIES = {
    "none": (0, 3),
    "mild": (4, 7),
    "moderate": (8, 11),
    "severe": (12, 19),
    "very_severe": (20, 31),
}


@pytest.mark.parametrize(("fs", "band"), _cases(FS_BOUNDARIES))
def test_fs_band_boundaries(fs: int, band: str) -> None:
    assert fs_band(fs) == band


@pytest.mark.parametrize("fs", [-1, 32, True, False, 7.0, "7", None])
def test_fs_band_rejects_out_of_range_or_non_int(fs: Any) -> None:
    with pytest.raises(InvalidAnswers) as info:
        fs_band(fs)
    assert info.value.field == "fs"


# --- ACR 2016 invalid input: never scored as 0, never de-duplicated ---

BAD_AREAS = {
    "unknown_key": ["neck", "knee_left"],
    "wrong_case": ["Neck"],
    "empty_key": [""],
    "same_area_twice": ["neck", "neck"],
    "same_area_twice_apart": ["neck", "upper_back", "neck"],
    "bare_string": "neck",
    "mapping_true": {"neck": True},
    "mapping_false": {"neck": False},
    "int_key": [1],
    "none_key": [None],
    "not_iterable": 42,
    "missing": None,
}


def _acr_with(**changes: Any) -> Acr2016Score:
    return acr2016(**{**VALID_ACR, **changes})


@pytest.mark.parametrize("case", list(BAD_AREAS))
def test_invalid_pain_areas_are_rejected_naming_pain_areas(case: str) -> None:
    with pytest.raises(InvalidAnswers) as info:
        _acr_with(pain_areas=BAD_AREAS[case])
    assert info.value.field == "pain_areas"
    assert info.value.message


def test_duplicate_area_is_rejected_not_deduplicated() -> None:
    with pytest.raises(InvalidAnswers, match="more than once"):
        _acr_with(pain_areas=["neck", "chest", "neck"])


@pytest.mark.parametrize("name", ["fatigue", "waking_unrefreshed", "cognitive"])
@pytest.mark.parametrize("value", [-1, 4, 1.0, 2.5, "2", True, False, None, Decimal(1)])
def test_symptom_outside_0_to_3_or_not_int_is_rejected_naming_it(name: str, value: Any) -> None:
    with pytest.raises(InvalidAnswers) as info:
        _acr_with(**{name: value})
    assert info.value.field == name


@pytest.mark.parametrize(
    "name", ["headaches", "lower_abdominal", "depression", "symptoms_3_months"]
)
@pytest.mark.parametrize("value", [0, 1, "yes", "true", None, 1.0])
def test_yes_no_field_that_is_not_a_bool_is_rejected_naming_it(name: str, value: Any) -> None:
    with pytest.raises(InvalidAnswers) as info:
        _acr_with(**{name: value})
    assert info.value.field == name


@pytest.mark.parametrize("name", list(VALID_ACR))
def test_omitted_acr_argument_is_rejected_as_missing_field(name: str) -> None:
    kwargs = {k: v for k, v in VALID_ACR.items() if k != name}
    with pytest.raises(InvalidAnswers, match="missing") as info:
        acr2016(**kwargs)
    assert info.value.field == name


@pytest.mark.parametrize("name", list(VALID_ACR))
def test_acr2016_from_answers_rejects_missing_key_naming_it(name: str) -> None:
    with pytest.raises(InvalidAnswers) as info:
        acr2016_from_answers({k: v for k, v in VALID_ACR.items() if k != name})
    assert info.value.field == name


def test_acr2016_from_answers_rejects_unknown_key() -> None:
    with pytest.raises(InvalidAnswers) as info:
        acr2016_from_answers({**VALID_ACR, "sleep": 2})
    assert info.value.field == "sleep"


def test_invalid_answers_is_a_value_error_with_field_and_message() -> None:
    error = InvalidAnswers("fatigue", "must be from 0 to 3, got 4")
    assert isinstance(error, ValueError)
    assert (error.field, error.message) == ("fatigue", "must be from 0 to 3, got 4")
    assert "fatigue" in str(error)


# --- PHQ-4, PHQ-9, GAD-7 (docs/clinical.md 3.4) ---


def test_phq4_example_is_mild_with_positive_anxiety_screen() -> None:
    score = phq4([2, 1, 1, 1])
    assert (score.total, score.severity) == (5, "mild")
    assert (score.anxiety, score.anxiety_positive) == (3, True)
    assert (score.depression, score.depression_positive) == (2, False)


def test_phq4_depression_subscale_of_3_is_positive() -> None:
    score = phq4([0, 0, 2, 1])
    assert (score.depression_positive, score.anxiety_positive) == (True, False)


def test_phq9_example_is_mild_and_item_9_triggers_crisis() -> None:
    score = phq9([1, 1, 2, 1, 0, 1, 1, 0, 1])
    assert (score.total, score.severity, score.crisis) == (8, "mild", True)


def test_phq9_crisis_only_when_item_9_is_above_0() -> None:
    assert phq9([3, 3, 3, 3, 3, 3, 3, 3, 0]).crisis is False
    assert phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]).crisis is True
    assert phq9([0, 0, 0, 0, 0, 0, 0, 0, 3]).crisis is True


def test_gad7_example_total_and_band() -> None:
    score = gad7([1, 2, 1, 1, 0, 2, 3])
    assert (score.total, score.severity) == (10, "moderate")


def _spread(total: int, count: int) -> list[int]:
    """Items 0-3 (filled from the first item on) summing to total."""
    items = [min(3, max(0, total - 3 * i)) for i in range(count)]
    assert sum(items) == total
    return items


PHQ4_BOUNDARIES = {"none": (0, 2), "mild": (3, 5), "moderate": (6, 8), "severe": (9, 12)}
PHQ9_BOUNDARIES = {
    "minimal": (0, 4),
    "mild": (5, 9),
    "moderate": (10, 14),
    "moderately_severe": (15, 19),
    "severe": (20, 27),
}
GAD7_BOUNDARIES = {"minimal": (0, 4), "mild": (5, 9), "moderate": (10, 14), "severe": (15, 21)}


@pytest.mark.parametrize(("total", "band"), _cases(PHQ4_BOUNDARIES))
def test_phq4_band_boundaries(total: int, band: str) -> None:
    score = phq4(_spread(total, 4))
    assert (score.total, score.severity) == (total, band)


@pytest.mark.parametrize(("total", "band"), _cases(PHQ9_BOUNDARIES))
def test_phq9_band_boundaries(total: int, band: str) -> None:
    score = phq9(_spread(total, 9))
    assert (score.total, score.severity) == (total, band)


@pytest.mark.parametrize(("total", "band"), _cases(GAD7_BOUNDARIES))
def test_gad7_band_boundaries(total: int, band: str) -> None:
    score = gad7(_spread(total, 7))
    assert (score.total, score.severity) == (total, band)


QUESTIONNAIRES = {"phq4": (phq4, 4), "phq9": (phq9, 9), "gad7": (gad7, 7)}


@pytest.mark.parametrize("name", list(QUESTIONNAIRES))
@pytest.mark.parametrize("delta", [-1, 1])
def test_wrong_item_count_is_rejected_naming_items(name: str, delta: int) -> None:
    score, count = QUESTIONNAIRES[name]
    with pytest.raises(InvalidAnswers) as info:
        score([0] * (count + delta))
    assert info.value.field == "items"


@pytest.mark.parametrize("name", list(QUESTIONNAIRES))
@pytest.mark.parametrize("bad", [-1, 4, True, False, 1.0, "1", Decimal(2)])
def test_bad_item_is_rejected_naming_its_index(name: str, bad: Any) -> None:
    score, count = QUESTIONNAIRES[name]
    items: list[Any] = [0] * count
    items[2] = bad
    with pytest.raises(InvalidAnswers) as info:
        score(items)
    assert info.value.field == "items[2]"


@pytest.mark.parametrize("name", list(QUESTIONNAIRES))
def test_missing_item_gets_no_score(name: str) -> None:
    score, count = QUESTIONNAIRES[name]
    items: list[Any] = [1] * count
    items[-1] = None
    with pytest.raises(IncompleteResponse) as info:
        score(items)
    assert info.value.field == f"items[{count - 1}]"
    assert info.value.missing_items == (count,)


def test_phq9_missing_item_9_is_never_prorated() -> None:
    with pytest.raises(IncompleteResponse):
        phq9([0, 0, 0, 0, 0, 0, 0, 0, None])  # type: ignore[list-item]


@pytest.mark.parametrize("name", list(QUESTIONNAIRES))
@pytest.mark.parametrize("items", [None, "0000", 1234, {0: 1}])
def test_items_that_are_not_a_list_are_rejected(name: str, items: Any) -> None:
    with pytest.raises(InvalidAnswers) as info:
        QUESTIONNAIRES[name][0](items)
    assert info.value.field == "items"


# --- PGIC (docs/clinical.md 3.3) ---

PGIC_ROWS = {
    1: ("very_much_improved", True, True),
    2: ("much_improved", True, True),
    3: ("minimally_improved", False, True),
    4: ("no_change", False, False),
    5: ("minimally_worse", False, False),
    6: ("much_worse", False, False),
    7: ("very_much_worse", False, False),
}


@pytest.mark.parametrize("answer", list(PGIC_ROWS))
def test_pgic_labels_and_improvement_flags(answer: int) -> None:
    score = pgic(answer)
    assert (score.label, score.much_improved, score.improved) == PGIC_ROWS[answer]
    assert score.answer == answer


@pytest.mark.parametrize("answer", [0, 8, -1, True, 2.0, "2", None])
def test_pgic_rejects_answer_outside_1_to_7_or_not_int(answer: Any) -> None:
    with pytest.raises(InvalidAnswers) as info:
        pgic(answer)
    assert info.value.field == "answer"


def test_pgic_summary_reports_full_distribution_and_two_shares() -> None:
    summary = pgic_summary([1, 2, 2, 3, 4, 4, 7, 3])
    assert summary.distribution == {1: 1, 2: 2, 3: 2, 4: 2, 5: 0, 6: 0, 7: 1}
    assert summary.n == 8
    assert (summary.much_improved_count, summary.improved_count) == (3, 5)
    assert summary.share_much_improved == Decimal("0.375")
    assert summary.share_improved == Decimal("0.625")


def test_pgic_summary_of_no_answers_has_no_shares() -> None:
    summary = pgic_summary([])
    assert summary.n == 0
    assert summary.distribution == dict.fromkeys(range(1, 8), 0)
    assert summary.share_much_improved is None and summary.share_improved is None


def test_pgic_summary_non_terminating_share_rounds_half_up_for_display() -> None:
    summary = pgic_summary([1, 4, 4])
    assert summary.share_much_improved is not None
    assert round_half_up(summary.share_much_improved, 3) == Decimal("0.333")


def test_pgic_summary_rejects_a_bad_answer_naming_its_index() -> None:
    with pytest.raises(InvalidAnswers) as info:
        pgic_summary([1, 9, 2])
    assert info.value.field == "answers[1]"


# --- FIQR (docs/clinical.md 3.5) ---

FIQR_EXAMPLE: list[int | None] = [5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 4, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6]


def test_fiqr_example_totals_55() -> None:
    score = fiqr(FIQR_EXAMPLE)
    assert (score.function, score.overall, score.symptoms) == (
        Decimal(15),
        Decimal(10),
        Decimal(30),
    )
    assert score.total == Decimal(55)
    assert str(score.total_display) == "55.0"
    assert score.missing_function_items == 0


def test_fiqr_one_missing_function_item_is_scaled_by_nine_eighths() -> None:
    items = list(FIQR_EXAMPLE)
    items[2] = None  # item 3: 40 x 9/8 / 3 = 15.0
    score = fiqr(items)
    assert score.function_exact == Fraction(15)
    assert score.total_exact == Fraction(55)
    assert str(score.total_display) == "55.0"
    assert score.missing_function_items == 1


def test_fiqr_total_of_exactly_2_25_is_shown_as_2_3() -> None:
    items: list[int | None] = [1, 1, 1, 1, 1, 1, 0, 0, None, *([0] * 12)]
    score = fiqr(items)
    assert score.total == Decimal("2.25")
    assert score.total_exact == Fraction(9, 4)
    assert str(score.total_display) == "2.3"
    assert score.display()["total"] == Decimal("2.3")


def test_fiqr_two_missing_function_items_make_the_response_incomplete() -> None:
    items = list(FIQR_EXAMPLE)
    items[0] = items[4] = None
    with pytest.raises(IncompleteResponse) as info:
        fiqr(items)
    assert (info.value.field, info.value.missing_items) == ("items", (1, 5))
    assert "function" in info.value.message


def test_fiqr_one_missing_symptom_item_makes_the_response_incomplete() -> None:
    items = list(FIQR_EXAMPLE)
    items[14] = None  # item 15
    with pytest.raises(IncompleteResponse) as info:
        fiqr(items)
    assert (info.value.field, info.value.missing_items) == ("items[14]", (15,))


def test_fiqr_one_missing_overall_item_makes_the_response_incomplete() -> None:
    items = list(FIQR_EXAMPLE)
    items[9] = None  # item 10
    with pytest.raises(IncompleteResponse) as info:
        fiqr(items)
    assert info.value.field == "items[9]"


def test_fiqr_non_terminating_function_score_keeps_exact_value() -> None:
    score = fiqr([1, *([0] * 20)])
    assert score.function_exact == Fraction(1, 3)
    assert (score.function_display, score.total_display) == (Decimal("0.3"), Decimal("0.3"))


def test_fiqr_all_tens_gives_100() -> None:
    score = fiqr([10] * 21)
    assert score.total == 100
    assert {k: str(v) for k, v in score.display().items()} == {
        "function": "30.0",
        "overall": "20.0",
        "symptoms": "50.0",
        "total": "100.0",
    }


@pytest.mark.parametrize("count", [0, 20, 22])
def test_fiqr_wrong_item_count_is_rejected(count: int) -> None:
    with pytest.raises(InvalidAnswers) as info:
        fiqr([0] * count)
    assert info.value.field == "items"


@pytest.mark.parametrize("bad", [-1, 11, True, False, 5.5, 5.0, "5", Decimal(5)])
def test_fiqr_item_out_of_range_or_not_int_is_rejected_naming_its_index(bad: Any) -> None:
    items: list[Any] = [0] * 21
    items[20] = bad
    with pytest.raises(InvalidAnswers) as info:
        fiqr(items)
    assert info.value.field == "items[20]"
    assert not isinstance(info.value, IncompleteResponse)
