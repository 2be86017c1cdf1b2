"""Hypothesis property tests for assessments.scoring over all valid inputs. No Django."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.change import CHANGE_MEANINGS, exact_mean_of, percent_change
from assessments.scoring import (
    AREAS,
    FS_BANDS,
    GAD7_BANDS,
    PHQ4_BANDS,
    PHQ9_BANDS,
    REGIONS,
    InvalidAnswers,
    acr2016,
    fiqr,
    fs_band,
    gad7,
    pgic_summary,
    phq4,
    phq9,
    round_half_up,
)

# No example database on disk: these tests must not write into the project tree.
PROPS = settings(
    database=None,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

symptom = st.integers(min_value=0, max_value=3)
area_lists = st.lists(st.sampled_from(AREAS), unique=True, max_size=len(AREAS))
acr_answers = st.fixed_dictionaries(
    {
        "pain_areas": area_lists,
        "fatigue": symptom,
        "waking_unrefreshed": symptom,
        "cognitive": symptom,
        "headaches": st.booleans(),
        "lower_abdominal": st.booleans(),
        "depression": st.booleans(),
        "symptoms_3_months": st.booleans(),
    }
)


# --------------------------------------------------------------------------------------
# ACR 2016
# --------------------------------------------------------------------------------------


@PROPS
@given(acr_answers)
def test_acr2016_scores_stay_in_range_and_fs_is_wpi_plus_sss(answers: dict[str, Any]) -> None:
    score = acr2016(**answers)
    assert 0 <= score.wpi <= 19
    assert score.wpi == len(answers["pain_areas"])
    assert 0 <= score.regions <= 5
    assert 0 <= score.sss <= 12
    assert score.fs == score.wpi + score.sss
    assert 0 <= score.fs <= 31
    assert score.severity == fs_band(score.fs)
    assert score.generalized_pain is (score.regions >= 4)


@PROPS
@given(acr_answers)
def test_acr2016_thresholds_follow_the_2016_rule(answers: dict[str, Any]) -> None:
    score = acr2016(**answers)
    wpi_sss = (score.wpi >= 7 and score.sss >= 5) or (4 <= score.wpi <= 6 and score.sss >= 9)
    expected = wpi_sss and score.generalized_pain and answers["symptoms_3_months"]
    assert score.meets_2016_thresholds is expected
    if score.meets_2016_thresholds:
        assert score.wpi >= 4 and score.regions >= 4


@PROPS
@given(acr_answers, st.data())
def test_removing_a_painful_area_never_raises_wpi_or_regions(
    answers: dict[str, Any], data: st.DataObject
) -> None:
    areas: list[str] = answers["pain_areas"]
    if not areas:
        return
    removed = data.draw(st.sampled_from(areas))
    before = acr2016(**answers)
    after = acr2016(**{**answers, "pain_areas": [a for a in areas if a != removed]})
    assert after.wpi == before.wpi - 1
    assert after.regions <= before.regions
    assert after.fs < before.fs
    assert FS_BANDS.index(after.severity) <= FS_BANDS.index(before.severity)


@PROPS
@given(acr_answers)
def test_regions_count_only_regional_areas(answers: dict[str, Any]) -> None:
    score = acr2016(**answers)
    non_regional = {"jaw_left", "jaw_right", "chest", "abdomen"}
    regional = [a for a in answers["pain_areas"] if a not in non_regional]
    expected = sum(1 for members in REGIONS.values() if members & set(regional))
    assert score.regions == expected


@PROPS
@given(acr_answers, st.data())
def test_any_duplicated_area_is_rejected(answers: dict[str, Any], data: st.DataObject) -> None:
    areas: list[str] = answers["pain_areas"]
    if not areas:
        return
    duplicate = data.draw(st.sampled_from(areas))
    position = data.draw(st.integers(min_value=0, max_value=len(areas)))
    with pytest.raises(InvalidAnswers) as info:
        acr2016(**{**answers, "pain_areas": [*areas[:position], duplicate, *areas[position:]]})
    assert info.value.field == "pain_areas"


@PROPS
@given(st.integers(min_value=0, max_value=31), st.integers(min_value=0, max_value=31))
def test_fs_bands_are_monotonic_in_fs(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert FS_BANDS.index(fs_band(low)) <= FS_BANDS.index(fs_band(high))


@PROPS
@given(st.integers().filter(lambda n: not 0 <= n <= 31))
def test_fs_outside_0_to_31_is_rejected(fs: int) -> None:
    with pytest.raises(InvalidAnswers):
        fs_band(fs)


# --------------------------------------------------------------------------------------
# PHQ-4, PHQ-9, GAD-7
# --------------------------------------------------------------------------------------


def _items(count: int) -> st.SearchStrategy[list[int]]:
    return st.lists(symptom, min_size=count, max_size=count)


@PROPS
@given(_items(4), _items(4))
def test_phq4_total_in_range_and_severity_monotonic(a: list[int], b: list[int]) -> None:
    sa, sb = phq4(a), phq4(b)
    for items, score in ((a, sa), (b, sb)):
        assert score.total == sum(items)
        assert 0 <= score.total <= 12
        assert score.anxiety + score.depression == score.total
        assert score.anxiety_positive is (score.anxiety >= 3)
        assert score.depression_positive is (score.depression >= 3)
    if sa.total <= sb.total:
        assert PHQ4_BANDS.index(sa.severity) <= PHQ4_BANDS.index(sb.severity)


@PROPS
@given(_items(9), _items(9))
def test_phq9_total_in_range_and_severity_monotonic(a: list[int], b: list[int]) -> None:
    sa, sb = phq9(a), phq9(b)
    for items, score in ((a, sa), (b, sb)):
        assert score.total == sum(items)
        assert 0 <= score.total <= 27
        assert score.crisis is (items[8] > 0)
    if sa.total <= sb.total:
        assert PHQ9_BANDS.index(sa.severity) <= PHQ9_BANDS.index(sb.severity)


@PROPS
@given(_items(7), _items(7))
def test_gad7_total_in_range_and_severity_monotonic(a: list[int], b: list[int]) -> None:
    sa, sb = gad7(a), gad7(b)
    for items, score in ((a, sa), (b, sb)):
        assert score.total == sum(items)
        assert 0 <= score.total <= 21
    if sa.total <= sb.total:
        assert GAD7_BANDS.index(sa.severity) <= GAD7_BANDS.index(sb.severity)


# --------------------------------------------------------------------------------------
# FIQR
# --------------------------------------------------------------------------------------

fiqr_item = st.integers(min_value=0, max_value=10)


@st.composite
def fiqr_items(draw: st.DrawFn) -> list[int | None]:
    items: list[int | None] = list(draw(st.lists(fiqr_item, min_size=21, max_size=21)))
    missing = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=8)))
    if missing is not None:
        items[missing] = None
    return items


@PROPS
@given(fiqr_items())
def test_fiqr_total_stays_in_0_to_100_and_is_the_sum_of_parts(items: list[int | None]) -> None:
    score = fiqr(items)
    assert 0 <= score.function_exact <= 30
    assert 0 <= score.overall_exact <= 20
    assert 0 <= score.symptoms_exact <= 50
    assert 0 <= score.total_exact <= 100
    assert score.total_exact == score.function_exact + score.overall_exact + score.symptoms_exact
    assert Decimal(0) <= score.total_display <= Decimal(100)
    assert abs(Fraction(score.total) - score.total_exact) < Fraction(1, 10**40)
    assert score.total_display == round_half_up(score.total_exact)


@PROPS
@given(fiqr_items())
def test_fiqr_one_missing_function_item_scales_the_answered_sum(items: list[int | None]) -> None:
    score = fiqr(items)
    answered = [v for v in items[:9] if v is not None]
    scale = Fraction(9, 8) if len(answered) == 8 else Fraction(1)
    assert score.function_exact == sum(answered) * scale / 3
    assert score.missing_function_items == 9 - len(answered)


@PROPS
@given(
    st.lists(fiqr_item, min_size=21, max_size=21),
    st.lists(st.integers(min_value=0, max_value=8), min_size=2, max_size=9, unique=True),
)
def test_fiqr_two_or_more_missing_function_items_always_incomplete(
    items: list[int], missing: list[int]
) -> None:
    answers: list[int | None] = list(items)
    for index in missing:
        answers[index] = None
    with pytest.raises(InvalidAnswers):
        fiqr(answers)


# --------------------------------------------------------------------------------------
# Rounding and change
# --------------------------------------------------------------------------------------


@PROPS
@given(st.decimals(min_value=-1000, max_value=1000, places=4, allow_nan=False))
def test_round_half_up_agrees_for_decimal_and_fraction(value: Decimal) -> None:
    rounded = round_half_up(value)
    assert rounded == round_half_up(Fraction(value))
    assert abs(rounded - value) <= Decimal("0.05")
    assert rounded.as_tuple().exponent == -1


nrs_window = st.lists(st.integers(min_value=0, max_value=10), min_size=4, max_size=14)


@PROPS
@given(nrs_window, nrs_window)
def test_percent_change_meaning_matches_the_exact_value(
    base_scores: list[int], current_scores: list[int]
) -> None:
    baseline = exact_mean_of(base_scores, minimum=4)
    current = exact_mean_of(current_scores, minimum=4)
    assert baseline is not None and current is not None
    result = percent_change(baseline, current)
    assert result.meaning in CHANGE_MEANINGS
    if baseline == 0:
        assert result.meaning == "not_applicable"
        return
    exact = (baseline - current) / baseline * 100
    assert result.percent_exact == exact
    shown = round_half_up(exact)
    assert result.display == shown
    # Decided on the shown value p, with the 1-point floor for "worse" (docs/clinical.md 3.2).
    if shown <= -10:
        expected = "worse" if current - baseline >= 1 else "no_important_change"
    elif shown < 10:
        expected = "no_important_change"
    elif shown < 30:
        expected = "minimal"
    elif shown < 50:
        expected = "moderate"
    else:
        expected = "substantial"
    assert result.meaning == expected
    if result.meaning == "worse":
        assert result.in_words is not None and "higher" in result.in_words
        assert "-" not in result.in_words


ORDER = ("worse", "no_important_change", "minimal", "moderate", "substantial")


@PROPS
@given(
    st.decimals(min_value="0.1", max_value=10, places=1),
    st.decimals(min_value=0, max_value=10, places=1),
    st.decimals(min_value=0, max_value=10, places=1),
)
def test_lower_current_pain_never_means_less_improvement(
    baseline: Decimal, a: Decimal, b: Decimal
) -> None:
    lower, higher = sorted((a, b))
    better = percent_change(baseline, lower)
    worse = percent_change(baseline, higher)
    assert ORDER.index(better.meaning) >= ORDER.index(worse.meaning)


@PROPS
@given(st.lists(st.integers(min_value=1, max_value=7), max_size=50))
def test_pgic_summary_distribution_sums_to_n_and_shares_are_fractions(answers: list[int]) -> None:
    summary = pgic_summary(answers)
    assert sorted(summary.distribution) == list(range(1, 8))
    assert sum(summary.distribution.values()) == summary.n == len(answers)
    assert summary.much_improved_count <= summary.improved_count <= summary.n
    if summary.n == 0:
        assert summary.share_much_improved is None and summary.share_improved is None
    else:
        assert summary.share_much_improved is not None and summary.share_improved is not None
        assert 0 <= summary.share_much_improved <= summary.share_improved <= 1
