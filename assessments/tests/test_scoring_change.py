"""docs/clinical.md 3.2: half-up rounding, NRS means and percent change. No Django, no database."""

from __future__ import annotations

from decimal import Decimal, getcontext, localcontext
from fractions import Fraction
from typing import Any

import pytest

from assessments import scoring
from assessments.change import exact_mean_of, mean_of, percent_change
from assessments.rounding import round_half_up, to_decimal
from assessments.validation import InvalidAnswers

ROUNDING = [
    (Decimal("2.25"), 1, "2.3"),
    (Decimal("2.35"), 1, "2.4"),
    (Decimal("0.05"), 1, "0.1"),
    (Decimal("2.24999"), 1, "2.2"),
    (Decimal("-2.25"), 1, "-2.3"),
    (Decimal(55), 1, "55.0"),
    (Decimal("0.125"), 2, "0.13"),
    (Fraction(9, 4), 1, "2.3"),
    (Fraction(1, 3), 1, "0.3"),
    (Fraction(-1, 20), 1, "-0.1"),
    (7, 1, "7.0"),
]


@pytest.mark.parametrize(("value", "places", "expected"), ROUNDING)
def test_round_half_up_rounds_halves_up(value: Any, places: int, expected: str) -> None:
    assert str(round_half_up(value, places)) == expected


def test_builtin_round_would_round_2_25_to_even() -> None:
    assert round(Decimal("2.25"), 1) == Decimal("2.2")  # the trap round_half_up avoids
    assert round_half_up(Decimal("2.25")) == Decimal("2.3")


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (2.25, TypeError),
        (True, TypeError),
        (Decimal("NaN"), ValueError),
        (Decimal("-Inf"), ValueError),
    ],
)
def test_round_half_up_refuses_floats_bools_and_non_finite(value: Any, error: type) -> None:
    with pytest.raises(error):
        round_half_up(value)


def test_scoring_re_exports_the_same_round_half_up() -> None:
    assert scoring.round_half_up is round_half_up


def test_round_half_up_ignores_a_low_global_decimal_precision() -> None:
    with localcontext() as ctx:
        ctx.prec = 3
        assert str(round_half_up(Decimal("12345.65"))) == "12345.7"
    assert getcontext().prec >= 28


@pytest.mark.parametrize("places", [-1, 1.0, True])
def test_round_half_up_refuses_bad_places(places: Any) -> None:
    with pytest.raises(ValueError):
        round_half_up(Decimal(1), places)


def test_to_decimal_is_exact_for_terminating_fractions() -> None:
    assert to_decimal(Fraction(9, 4)) == Decimal("2.25")
    assert to_decimal(Fraction(55)) == Decimal(55)


def test_to_decimal_keeps_50_significant_digits_otherwise() -> None:
    third = to_decimal(Fraction(1, 3))
    assert third == Decimal("0." + "3" * 50)


# --- Percent change (docs/clinical.md 3.2) ---

# Every row of the table in docs/clinical.md 3.2: (baseline, current, shown percent (signed, as
# the API keeps it), words, meaning). Means given as days in the table are built from those
# days; 33/8 and 26/7 are exact fractions.
DAYS_20_3, DAYS_14_3 = [7, 7, 7, 7, 6, 6], [5, 5, 5, 5, 4, 4]
DAYS_7_75, DAYS_38_7 = [8, 8, 8, 7], [6, 6, 6, 5, 5, 5, 5]
CHANGE_TABLE: list[tuple[Any, Any, str | None, str | None, str]] = [
    (Decimal("7.0"), Decimal("4.9"), "30.0", "30.0 % lower", "moderate"),
    (Decimal("8.0"), Decimal("4.0"), "50.0", "50.0 % lower", "substantial"),
    (Decimal("6.0"), Decimal("5.5"), "8.3", "8.3 % lower", "no_important_change"),
    (Decimal("6.0"), Decimal("5.0"), "16.7", "16.7 % lower", "minimal"),
    (Decimal("5.0"), Decimal("6.0"), "-20.0", "20.0 % higher", "worse"),
    (Decimal("0.0"), Decimal("2.0"), None, None, "not_applicable"),
    (DAYS_20_3, DAYS_14_3, "30.0", "30.0 % lower", "moderate"),
    (DAYS_7_75, DAYS_38_7, "30.0", "30.0 % lower", "moderate"),
    (Fraction(33, 8), Fraction(26, 7), "10.0", "10.0 % lower", "minimal"),
    (Decimal("6.0"), Decimal("6.5"), "-8.3", "8.3 % higher", "no_important_change"),
    (Decimal("1.5"), Decimal("1.75"), "-16.7", "16.7 % higher", "no_important_change"),
]


def _mean(value: Any) -> Decimal | Fraction:
    if isinstance(value, list):
        mean = exact_mean_of(value, minimum=4)
        assert mean is not None
        return mean
    return value


@pytest.mark.parametrize(("baseline", "current", "display", "words", "meaning"), CHANGE_TABLE)
def test_percent_change_every_row_of_the_table(
    baseline: Any, current: Any, display: str | None, words: str | None, meaning: str
) -> None:
    result = percent_change(_mean(baseline), _mean(current))
    shown = None if result.display is None else str(result.display)
    assert (shown, result.meaning) == (display, meaning)
    size = None if result.shown_size is None else f"{result.shown_size} % {result.direction}"
    assert size == words


def test_the_table_means_are_the_fractions_of_the_days() -> None:
    assert exact_mean_of(DAYS_20_3) == Fraction(20, 3)
    assert exact_mean_of(DAYS_14_3) == Fraction(14, 3)
    assert exact_mean_of(DAYS_7_75) == Fraction(31, 4)
    assert exact_mean_of(DAYS_38_7) == Fraction(38, 7)


def test_the_meaning_is_decided_on_the_shown_value_not_the_exact_one() -> None:
    # 7.75 -> 38/7 is exactly 29.95...%: shown 30.0, so "moderate" (words and number agree).
    result = percent_change(Fraction(31, 4), Fraction(38, 7))
    assert result.percent_exact is not None and result.percent_exact < 30
    assert (str(result.display), result.meaning) == ("30.0", "moderate")
    # 33/8 -> 26/7 is exactly 9.956...%: shown 10.0, so "minimal".
    result = percent_change(Fraction(33, 8), Fraction(26, 7))
    assert result.percent_exact is not None and result.percent_exact < 10
    assert (str(result.display), result.meaning) == ("10.0", "minimal")


def test_an_increase_is_worse_only_from_one_point_up() -> None:
    # 1.5 -> 1.75: 16.7 % higher, but only 0.25 points: no important change (product rule).
    small = percent_change(Decimal("1.5"), Decimal("1.75"))
    assert (small.meaning, small.difference) == ("no_important_change", Fraction(1, 4))
    # 2.0 -> 3.0: 50 % higher and exactly 1 point: worse.
    assert percent_change(Decimal(2), Decimal(3)).meaning == "worse"
    assert percent_change(Decimal(2), Decimal("2.99")).meaning == "no_important_change"


def test_an_increase_is_shown_in_words_as_a_positive_number_and_signed_for_the_api() -> None:
    result = percent_change(Decimal("5.0"), Decimal("6.0"))
    assert result.display == Decimal("-20.0")
    assert result.in_words == "20.0 % higher than at the start"
    assert percent_change(Decimal(5), Decimal(5)).in_words == "the same as at the start"
    assert percent_change(Decimal(0), Decimal(5)).in_words is None


def test_percent_change_baseline_zero_is_not_applicable() -> None:
    result = percent_change(Decimal("0.0"), Decimal("2.0"))
    assert result.meaning == "not_applicable"
    assert result.percent is None and result.display is None and result.percent_exact is None


def test_percent_change_7_to_4_9_is_exactly_30_and_moderate_where_float_says_less() -> None:
    assert (7.0 - 4.9) / 7.0 * 100 < 30  # binary floats get 29.99...: the trap
    result = percent_change(Decimal("7.0"), Decimal("4.9"))
    assert result.percent == Decimal(30) and result.percent_exact == Fraction(30)
    assert result.meaning == "moderate"


CHANGE_BOUNDARIES = [
    ("9.0", "minimal"),  # exactly 10 % reduction
    ("9.004", "minimal"),  # 9.96 % shows as 10.0: minimal, decided on the shown value
    ("9.006", "no_important_change"),  # 9.94 % shows as 9.9
    ("7.0", "moderate"),  # exactly 30 %
    ("7.01", "minimal"),  # 29.9 %
    ("7.004", "moderate"),  # 29.96 % shows as 30.0
    ("5.0", "substantial"),  # exactly 50 %
    ("5.01", "moderate"),
    ("0", "substantial"),
    ("10", "no_important_change"),
    ("10.99", "no_important_change"),  # an increase below 10 %
    ("10.994", "no_important_change"),  # -9.94 % shows as -9.9
    ("10.996", "no_important_change"),  # -9.96 % shows as -10.0, but d = 0.996 < 1 point
    ("11.0", "worse"),  # exactly 10 % increase, and 1.0 point
]


@pytest.mark.parametrize(("current", "meaning"), CHANGE_BOUNDARIES)
def test_percent_change_boundaries_classify_on_the_exact_value(current: str, meaning: str) -> None:
    assert percent_change(Decimal(10), Decimal(current)).meaning == meaning


def test_percent_change_display_rounds_half_up() -> None:
    result = percent_change(Decimal(8), Decimal("7.82"))  # exactly 2.25 %
    assert result.percent == Decimal("2.25")
    assert str(result.display) == "2.3"


def test_percent_change_with_exact_fraction_means_avoids_decimal_rounding() -> None:
    baseline = exact_mean_of([3, 3, 4])  # 10/3
    current = exact_mean_of([2, 2, 3])  # 7/3
    assert baseline is not None and current is not None
    result = percent_change(baseline, current)
    assert (result.percent_exact, result.meaning) == (Fraction(30), "moderate")


BAD_CHANGE_INPUT = [
    (7.0, Decimal("4.9"), "baseline"),
    (Decimal("7.0"), 4.9, "current"),
    (Decimal(-1), Decimal(1), "baseline"),
    (Decimal(1), Decimal(-1), "current"),
    (Decimal("NaN"), Decimal(1), "baseline"),
    (True, Decimal(1), "baseline"),
    (None, Decimal(1), "baseline"),
    ("7.0", Decimal(1), "baseline"),
]


@pytest.mark.parametrize(("baseline", "current", "field"), BAD_CHANGE_INPUT)
def test_percent_change_rejects_floats_negatives_and_non_numbers(
    baseline: Any, current: Any, field: str
) -> None:
    with pytest.raises(InvalidAnswers) as info:
        percent_change(baseline, current)
    assert info.value.field == field


def test_mean_of_needs_the_minimum_number_of_check_ins() -> None:
    assert mean_of([5, 6, 7], minimum=4) is None
    assert mean_of([5, 6, 7, 6], minimum=4) == Decimal(6)
    assert mean_of([]) is None


def test_mean_of_is_decimal_and_exact_mean_of_is_fraction() -> None:
    assert mean_of([7, 7, 7, 7, 7, 7, 7, 7, 7, 6]) == Decimal("6.9")
    assert exact_mean_of([1, 2, 2]) == Fraction(5, 3)


@pytest.mark.parametrize("bad", [11, -1, True, 5.0, None, "5"])
def test_mean_of_rejects_scores_outside_0_to_10_or_not_int(bad: Any) -> None:
    with pytest.raises(InvalidAnswers) as info:
        mean_of([5, bad])
    assert info.value.field == "scores[1]"


def test_six_day_means_dropping_exactly_30_percent_are_moderate_via_exact_means() -> None:
    baseline_days, current_days = [7, 7, 7, 7, 6, 6], [5, 5, 5, 5, 4, 4]  # 20/3 -> 14/3
    baseline = exact_mean_of(baseline_days, minimum=4)
    current = exact_mean_of(current_days, minimum=4)
    assert baseline is not None and current is not None
    assert percent_change(baseline, current).meaning == "moderate"
    # The trap: means rounded first (as shown, 6.7 and 4.7) give 29.9 %, "minimal".
    rounded = percent_change(round_half_up(baseline), round_half_up(current))
    assert (str(rounded.display), rounded.meaning) == ("29.9", "minimal")
