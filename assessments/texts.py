"""Translated texts of the red-flag questions and their routing (docs/clinical.md section 6)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from assessments.redflags import QUESTIONS

RED_FLAG_QUESTIONS: dict[str, Promise] = {
    "weight_loss": _("Have you lost weight without trying or without knowing why?"),
    "fever_night_sweats": _("Do you have a fever, or do you sweat a lot at night?"),
    "numbness_weakness_walking": _(
        "Do you have new numbness or weakness, or new trouble with walking?"
    ),
    "bladder_bowel": _("Have you lost control of your bladder or bowel?"),
    "hot_swollen_joints": _("Do you have joints that are hot and swollen?"),
    "morning_stiffness_swollen_joints": _(
        "Are you stiff for more than an hour in the morning, and are your joints swollen?"
    ),
    "over_50_headache_jaw_sight": _(
        "Are you over 50 and do you have a new headache, pain in your jaw when chewing, or "
        "problems with your sight?"
    ),
    "over_50_shoulders_hips": _(
        "Are you over 50 and do you have new pain and stiffness in your shoulders and hips?"
    ),
    "cancer_history_new_pain": _("Have you had cancer, and do you now have new pain?"),
    "night_pain_not_eased_by_rest": _(
        "Is your pain worse at night, and does rest not make it better?"
    ),
}

assert tuple(RED_FLAG_QUESTIONS) == tuple(QUESTIONS)  # noqa: S101
