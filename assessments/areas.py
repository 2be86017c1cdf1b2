"""Translated labels of the 19 body areas of ACR 2016 (docs/clinical.md 3.1), for every page.

The keys are those of `assessments.scoring.AREAS`. "Left" and "right" are the patient's own
left and right. The daily check-in reuses these for its optional pain locations.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from assessments.scoring import AREAS

AREA_LABELS: dict[str, Promise] = {
    "jaw_left": _("Jaw, left"),
    "jaw_right": _("Jaw, right"),
    "shoulder_girdle_left": _("Shoulder, left"),
    "shoulder_girdle_right": _("Shoulder, right"),
    "upper_arm_left": _("Upper arm, left"),
    "upper_arm_right": _("Upper arm, right"),
    "lower_arm_left": _("Lower arm, left"),
    "lower_arm_right": _("Lower arm, right"),
    "hip_left": _("Hip or buttock, left"),
    "hip_right": _("Hip or buttock, right"),
    "upper_leg_left": _("Upper leg, left"),
    "upper_leg_right": _("Upper leg, right"),
    "lower_leg_left": _("Lower leg, left"),
    "lower_leg_right": _("Lower leg, right"),
    "neck": _("Neck"),
    "upper_back": _("Upper back"),
    "lower_back": _("Lower back"),
    "chest": _("Chest"),
    "abdomen": _("Belly"),
}

assert tuple(AREA_LABELS) == AREAS  # noqa: S101  (same keys, same order, at import time)


def area_choices() -> list[tuple[str, Promise]]:
    """(key, label) pairs in the clinical order, for form fields."""
    return [(key, AREA_LABELS[key]) for key in AREAS]
