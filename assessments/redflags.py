"""Red-flag questions and their routing (docs/clinical.md section 6). Pure: no Django.

Each question is a yes/no. "Yes" to any of them means "see your GP first" and pauses the
exercise part of the programme until the patient confirms a doctor's visit. Two questions
route more urgently: loss of bladder or bowel control ("call 112 or the GP now") and, over
50, a new headache, jaw pain on chewing or sight problems ("same day"). The strongest
routing wins. The translated question texts live in ``assessments.texts``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from assessments.scoring import InvalidAnswers

# Routings, from calm to urgent. "none": no red flag.
NONE: Final = "none"
GP: Final = "gp"
SAME_DAY: Final = "same_day"
EMERGENCY: Final = "emergency"
ROUTINGS: Final[tuple[str, ...]] = (NONE, GP, SAME_DAY, EMERGENCY)

# Question key -> routing when answered "yes", in the order they are asked.
QUESTIONS: Final[Mapping[str, str]] = {
    "weight_loss": GP,
    "fever_night_sweats": GP,
    "numbness_weakness_walking": GP,
    "bladder_bowel": EMERGENCY,
    "hot_swollen_joints": GP,
    "morning_stiffness_swollen_joints": GP,
    "over_50_headache_jaw_sight": SAME_DAY,
    "over_50_shoulders_hips": GP,
    "cancer_history_new_pain": GP,
    "night_pain_not_eased_by_rest": GP,
}


def route(answers: Mapping[str, object]) -> str:
    """The routing for a complete set of answers (question key -> True/False).

    Every question must be answered with a real bool; an unknown key, a missing answer or
    anything else raises InvalidAnswers naming the question. Never defaults to "no".
    """
    if not isinstance(answers, Mapping):
        raise InvalidAnswers("answers", "must be an object of yes/no answers")
    for key in answers:
        if key not in QUESTIONS:
            raise InvalidAnswers(str(key), "is not a red-flag question")
    routing = NONE
    for key, when_yes in QUESTIONS.items():
        value = answers.get(key)
        if value is None:
            raise InvalidAnswers(key, "is missing")
        if type(value) is not bool:
            raise InvalidAnswers(key, "must be true or false")
        if value and ROUTINGS.index(when_yes) > ROUTINGS.index(routing):
            routing = when_yes
    return routing


def pauses_exercises(routing: str) -> bool:
    """Any red flag pauses the exercise part until a doctor's visit is confirmed."""
    if routing not in ROUTINGS:
        raise InvalidAnswers("routing", f"unknown routing {routing!r}")
    return routing != NONE
