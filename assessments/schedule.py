"""What questionnaire is due for a patient today (docs/clinical.md section 4).

Used by the Today page (programme app), which passes the programme week it counts.
Order of what is due: the red-flag questions, the intake ACR 2016 and PHQ-4, the PHQ-9
offered after a positive depression screen, then the questionnaires of week 4, 8 or 12
(ACR 2016 symptom part, PHQ-4, PGIC, and the FIQR where a licensed wording is installed).
At most one at a time, never during flare mode.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessments.definitions import pick

MILESTONES = (4, 8, 12)
MILESTONE_WEEKS_OPEN = 4  # a milestone's questionnaires stay due until the next one
INTAKE = ("acr2016", "phq4")
MILESTONE = ("acr2016", "phq4", "pgic", "fiqr")
PHQ9_OFFER_DAYS = 14  # the PHQ-9 is offered for two weeks after a positive PHQ-4 screen
# The follow-ups ask the ACR 2016 symptom part (body map and symptoms, no duration question).
PARTS = {("acr2016", f"week_{milestone}"): "symptoms" for milestone in MILESTONES}


@dataclass(frozen=True)
class DueQuestionnaire:
    instrument_key: str
    title: str
    url: str


def part_for(instrument_key: str, occasion: str) -> str:
    """The part of an instrument asked on an occasion ("" = the whole questionnaire)."""
    return PARTS.get((instrument_key, occasion), "")


def milestone_for(programme_week: int | None) -> int | None:
    if programme_week is None:
        return None
    for milestone in reversed(MILESTONES):
        if milestone <= programme_week < milestone + MILESTONE_WEEKS_OPEN:
            return milestone
    return None


def due_questionnaire(
    *, user: Any, programme_week: int | None, in_flare: bool, today: date
) -> DueQuestionnaire | None:
    """At most one questionnaire at a time, never during flare mode.

    ``programme_week`` None means not enrolled: then only the intake is due. Three queries.
    """
    if in_flare or not getattr(user, "is_authenticated", False):
        return None
    # Imported here so other apps can import this module while Django is still loading.
    from assessments.models import Instrument, RedFlagCheck, Response

    if not RedFlagCheck.objects.filter(patient=user).exists():
        return DueQuestionnaire(
            "red_flags", _("A few safety questions"), reverse("assessments:red_flags")
        )
    submitted = list(
        Response.objects.of(user)
        .submitted()
        .values_list("instrument_key", "occasion", "flags", "submitted_at")
        .order_by("submitted_at")
    )
    done = {(key, occasion) for key, occasion, _flags, _at in submitted}
    instruments = {i.key: i for i in Instrument.objects.current().filter(has_wording=True)}

    def due(key: str, occasion: str) -> DueQuestionnaire:
        return DueQuestionnaire(key, _title(instruments.get(key), key), _start_url(key, occasion))

    for key in INTAKE:
        if (key, "intake") not in done:
            return due(key, "intake")
    phq4 = [(flags or {}, at) for key, _o, flags, at in submitted if key == "phq4" and at]
    if phq4 and phq4[-1][0].get("depression_positive"):
        screened_at = phq4[-1][1]
        screened_on = timezone.localtime(screened_at, user.zone).date()
        phq9_after = any(key == "phq9" and at and at > screened_at for key, _o, _f, at in submitted)
        if not phq9_after and today - screened_on < timedelta(days=PHQ9_OFFER_DAYS):
            return due("phq9", "offered")
    milestone = milestone_for(programme_week)
    if milestone is not None:
        occasion = f"week_{milestone}"
        for key in MILESTONE:
            if key == "fiqr" and key not in instruments:
                continue  # only where a licensed wording is installed
            if (key, occasion) not in done:
                return due(key, occasion)
    return None


def _title(instrument: Any, key: str) -> str:
    if instrument is None:
        from assessments.actions import shipped_definitions

        raw = shipped_definitions().get(key) or {}
        return pick(raw.get("title") or {}, get_language() or "nl") or key
    return pick(instrument.parsed().title, get_language() or "nl")


def _start_url(key: str, occasion: str) -> str:
    return reverse("assessments:start", kwargs={"key": key, "occasion": occasion})
