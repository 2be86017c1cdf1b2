"""The words of the insights screens, in one place, so the wording of docs/clinical.md 3.2
and 7 is exact and tested: the insight sentence, the meaning of a change, the labels.

Numbers are rounded once, half up, to one decimal, and shown the local way (0,8 in Dutch).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.rounding import round_half_up
from insights.effects import Comparison

SCORE_LABELS = {
    "pain": gettext_lazy("Pain"),
    "fatigue": gettext_lazy("Tiredness"),
    "sleep_quality": gettext_lazy("Sleep quality"),
    "stress": gettext_lazy("Stress and tension"),
    "mood": gettext_lazy("Mood"),
    "gut": gettext_lazy("Gut complaints"),
}
QUESTIONNAIRE_LABELS = {
    "fs": gettext_lazy("Fibromyalgia severity (FS, 0-31)"),
    "phq4": gettext_lazy("Anxiety and low mood (PHQ-4, 0-12)"),
    "pgic": gettext_lazy("Change since the start (PGIC, 1-7)"),
}
MEANINGS = {
    "not_enough_data": gettext_lazy("Not enough data yet"),
    "not_applicable": gettext_lazy("Not applicable: your pain at the start was 0"),
    "worse": gettext_lazy("Worse than at the start"),
    "no_important_change": gettext_lazy("No important change"),
    "minimal": gettext_lazy("A small improvement"),
    "moderate": gettext_lazy("A clear improvement"),
    "substantial": gettext_lazy("A large improvement"),
}
PGIC_ANSWERS = {
    1: gettext_lazy("very much improved"),
    2: gettext_lazy("much improved"),
    3: gettext_lazy("minimally improved"),
    4: gettext_lazy("no change"),
    5: gettext_lazy("minimally worse"),
    6: gettext_lazy("much worse"),
    7: gettext_lazy("very much worse"),
}
PGIC_OCCASIONS = {
    "week_4": gettext_lazy("Week 4"),
    "week_8": gettext_lazy("Week 8"),
    "week_12": gettext_lazy("Week 12"),
}


def shown(value: Decimal | Fraction | int) -> str:
    """Rounded once, half up, to one decimal, in the local format."""
    return number_format(round_half_up(value), 1)


def change_words(display: Decimal | None) -> str:
    """ "30.0 % lower than at the start"; an increase as a positive number, never -20.0."""
    if display is None:
        return ""
    size = number_format(abs(display), 1)
    if display > 0:
        return _("%(size)s %% lower than at the start") % {"size": size}
    if display < 0:
        return _("%(size)s %% higher than at the start") % {"size": size}
    return _("the same as at the start")


def _factor_phrase(
    comparison: Comparison, names: dict[str, str], medians: Mapping[str, Fraction | None]
) -> str:
    key = comparison.factor
    median = medians.get(key)
    median_text = shown(median) if isinstance(median, (Fraction, int, Decimal)) else ""
    phrases = {
        "breathing": _("you practised breathing"),
        "relaxation": _("you did a relaxation exercise"),
        "movement_above_median": _(
            "you moved more than usual for you (more than %(median)s minutes)"
        )
        % {"median": median_text},
        "sleep_above_median": _("you slept better than usual for you (above %(median)s)")
        % {"median": median_text},
        "gratitude": _("you wrote down what you are grateful for"),
        "social": _("you had the contact with others you planned"),
    }
    if key in phrases:
        return phrases[key]
    name = names.get(key, "")
    if key in medians:
        return _("your “%(name)s” was higher than usual for you (above %(median)s)") % {
            "name": name,
            "median": median_text,
        }
    return _("you answered yes to “%(name)s”") % {"name": name}


def insight_sentence(
    comparison: Comparison, names: dict[str, str], medians: Mapping[str, Fraction | None]
) -> str:
    """docs/clinical.md 7: "On days after you practised breathing, your pain was on average
    0.8 points lower (somewhere between 0.2 and 1.4)"."""
    size, span = comparison.size, comparison.range
    if size is None or span is None:
        return ""
    values = {
        "after": _factor_phrase(comparison, names, medians),
        "size": shown(size),
        "low": shown(span[0]),
        "high": shown(span[1]),
    }
    if comparison.outcome == "pain":
        if comparison.direction == "lower":
            text = _(
                "On days after %(after)s, your pain was on average %(size)s points lower "
                "(somewhere between %(low)s and %(high)s)."
            )
        else:
            text = _(
                "On days after %(after)s, your pain was on average %(size)s points higher "
                "(somewhere between %(low)s and %(high)s)."
            )
    elif comparison.direction == "lower":
        text = _(
            "On days after %(after)s, your tiredness was on average %(size)s points lower "
            "(somewhere between %(low)s and %(high)s)."
        )
    else:
        text = _(
            "On days after %(after)s, your tiredness was on average %(size)s points higher "
            "(somewhere between %(low)s and %(high)s)."
        )
    return text % values


def factor_label(key: str, names: dict[str, str]) -> str:
    labels = {
        "breathing": _("Breathing practice"),
        "relaxation": _("Relaxation (muscles or body scan)"),
        "movement_above_median": _("Movement, more than usual for you"),
        "sleep_above_median": _("Sleep, better than usual for you"),
        "gratitude": _("Gratitude written down"),
        "social": _("Contact with others"),
    }
    return labels.get(key) or names.get(key, key)


def outcome_label(key: str) -> str:
    return str(_("pain the next day") if key == "pain" else _("tiredness the next day"))
