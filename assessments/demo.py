"""Demo data (`manage.py demo`): the questionnaires, and Anna's answers so far.

Anna did the intake the day before she started the programme 30 days ago (safety
questions, ACR 2016, PHQ-4) and the week-4 ACR 2016 symptom part in her fourth week, so
her result page shows what changed. Idempotent.
"""

import uuid
from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from assessments import actions
from assessments.models import RedFlagCheck, Response
from assessments.redflags import QUESTIONS

ANNA = "anna@demo.pijnreset.nl"

INTAKE_ACR = {
    "pain_areas": [
        "shoulder_girdle_left", "shoulder_girdle_right", "upper_arm_left", "hip_left",
        "hip_right", "upper_leg_right", "neck", "lower_back", "upper_back", "lower_leg_left",
    ],
    "fatigue": 3, "waking_unrefreshed": 2, "cognitive": 2,
    "headaches": True, "lower_abdominal": True, "depression": False, "symptoms_3_months": True,
}  # fmt: skip
WEEK_4_ACR = {
    "pain_areas": [
        "shoulder_girdle_left", "shoulder_girdle_right", "neck", "lower_back", "hip_left",
        "hip_right",
    ],
    "fatigue": 2, "waking_unrefreshed": 2, "cognitive": 1,
    "headaches": True, "lower_abdominal": False, "depression": False,
}  # fmt: skip
INTAKE_PHQ4 = {"item1": 1, "item2": 1, "item3": 1, "item4": 0}


def load_questionnaires() -> None:
    actions.load_instruments(now=timezone.now())


def _submit(user: User, key: str, occasion: str, answers: dict, when) -> None:  # type: ignore[type-arg]
    if Response.objects.of(user).submitted().filter(instrument_key=key, occasion=occasion).exists():
        return
    Response.objects.drafts().filter(patient=user, instrument_key=key).delete()
    instrument = actions.current_instrument(key=key)
    part = "symptoms" if occasion.startswith("week_") and key == "acr2016" else ""
    response = actions.start_response(
        patient=user, instrument=instrument, occasion=occasion, part=part, language="nl", now=when
    )
    actions.save_answers(response=response, answers=answers, step=len(answers) + 1, now=when)
    actions.submit_response(response=response, now=when + timedelta(minutes=3))


def annas_answers() -> None:
    anna = User.objects.filter(email=ANNA).first()
    if anna is None:
        return
    now = timezone.now()
    intake = now - timedelta(days=31)
    if not RedFlagCheck.objects.filter(patient=anna).exists():
        actions.record_red_flag_check(
            patient=anna,
            answers={key: False for key in QUESTIONS},
            submission_key=uuid.uuid5(uuid.NAMESPACE_URL, "pijnreset-demo-anna-red-flags"),
            now=intake,
        )
    _submit(anna, "acr2016", "intake", INTAKE_ACR, intake)
    _submit(anna, "phq4", "intake", INTAKE_PHQ4, intake + timedelta(minutes=5))
    _submit(anna, "acr2016", "week_4", WEEK_4_ACR, now - timedelta(days=8))


STEPS = [("questionnaires", load_questionnaires), ("questionnaire answers", annas_answers)]
