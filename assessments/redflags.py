"""Red-flag questions and their three tiers (docs/clinical.md, "Red flags"). Pure: no Django.

Each question is a yes/no about something NEW, or not yet seen by a doctor, so a known
condition that a doctor has already checked is answered "no" and pauses nobody. A "yes"
belongs to one of three tiers:

- ``CALL_112``: call 112 now (stroke signs, a sudden extremely severe headache, loss of
  bladder or bowel control or numbness around the anus, genitals or inner thighs);
- ``GP_TODAY``: see the GP today (over 50 with a new headache, jaw pain on chewing or sight
  problems; new numbness, weakness or trouble walking; fever or night sweats with new pain);
- ``GP_SOON``: make an appointment with the GP soon (the other six questions).

The highest tier of any "yes" is the advice, and any "yes" pauses the exercise part until
the patient says they saw a doctor or that a doctor already knows. The stored routing
values ("emergency", "same_day", "gp", "none") are the database's; the translated question
texts live in ``assessments.texts``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from assessments.scoring import InvalidAnswers

# Tiers (stored as the routing of a check), from calm to urgent. NONE: no red flag.
NONE: Final = "none"
GP_SOON: Final = "gp"
GP_TODAY: Final = "same_day"
CALL_112: Final = "emergency"
TIERS: Final[tuple[str, ...]] = (NONE, GP_SOON, GP_TODAY, CALL_112)

# Question key -> tier when answered "yes", in the order they are asked (most urgent first).
QUESTIONS: Final[Mapping[str, str]] = {
    "stroke_signs": CALL_112,
    "sudden_severe_headache": CALL_112,
    "bladder_bowel_or_saddle_numbness": CALL_112,
    "over_50_headache_jaw_sight": GP_TODAY,
    "numbness_weakness_walking": GP_TODAY,
    "fever_night_sweats_new_pain": GP_TODAY,
    "weight_loss": GP_SOON,
    "hot_swollen_joints": GP_SOON,
    "morning_stiffness_swollen_joints": GP_SOON,
    "over_50_shoulders_hips": GP_SOON,
    "cancer_history_new_pain": GP_SOON,
    "night_pain_not_eased_by_rest": GP_SOON,
}


def questions_of(tier: str) -> tuple[str, ...]:
    """The question keys of one tier, in the order they are asked."""
    if tier not in TIERS:
        raise InvalidAnswers("tier", f"unknown tier {tier!r}")
    return tuple(key for key, of in QUESTIONS.items() if of == tier)


def route(answers: Mapping[str, object]) -> str:
    """The highest tier of a complete set of answers (question key -> True/False).

    Every question must be answered with a real bool; an unknown key, a missing answer or
    anything else raises InvalidAnswers naming the question. Never defaults to "no".
    """
    if not isinstance(answers, Mapping):
        raise InvalidAnswers("answers", "must be an object of yes/no answers")
    for key in answers:
        if key not in QUESTIONS:
            raise InvalidAnswers(str(key), "is not a red-flag question")
    tier = NONE
    for key, when_yes in QUESTIONS.items():
        value = answers.get(key)
        if value is None:
            raise InvalidAnswers(key, "is missing")
        if type(value) is not bool:
            raise InvalidAnswers(key, "must be true or false")
        if value and TIERS.index(when_yes) > TIERS.index(tier):
            tier = when_yes
    return tier


def flagged(answers: Mapping[str, object]) -> tuple[str, ...]:
    """The questions answered "yes", most urgent tier first (then in the order asked)."""
    yes = [key for key in QUESTIONS if answers.get(key) is True]
    return tuple(sorted(yes, key=lambda key: -TIERS.index(QUESTIONS[key])))


def pauses_exercises(tier: str) -> bool:
    """Any red flag pauses the exercise part until the patient resumes it."""
    if tier not in TIERS:
        raise InvalidAnswers("routing", f"unknown routing {tier!r}")
    return tier != NONE
