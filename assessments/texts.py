"""Translated texts of the red-flag questions (docs/clinical.md, "Red flags").

Every question asks about something new (or sudden), or not yet seen by a doctor, so a
known condition that a doctor has checked is answered "no". The "when to see a doctor"
page (content/*/pages/when-to-see-a-doctor.md) lists the same signs under the same tiers;
a test keeps them together.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from assessments.redflags import QUESTIONS

RED_FLAG_QUESTIONS: dict[str, Promise] = {
    "stroke_signs": _(
        "Do you suddenly have a drooping face, a weak arm or leg, or trouble speaking?"
    ),
    "sudden_severe_headache": _(
        "Do you suddenly have an extremely severe headache, worse than any you have had before?"
    ),
    "bladder_bowel_or_saddle_numbness": _(
        "Have you suddenly lost control of your bladder or bowel, or do you have new numbness "
        "around your anus, genitals or inner thighs?"
    ),
    "over_50_headache_jaw_sight": _(
        "Are you over 50, and do you have a new headache, new pain in your jaw when you chew, "
        "or new problems with your sight?"
    ),
    "numbness_weakness_walking": _(
        "Do you have new numbness or weakness, or new trouble with walking?"
    ),
    "fever_night_sweats_new_pain": _(
        "Do you have a fever or night sweats, together with new pain?"
    ),
    "weight_loss": _(
        "Are you losing weight without knowing why, and has no doctor looked at this yet?"
    ),
    "hot_swollen_joints": _(
        "Are your joints warm and swollen, and has no doctor looked at this yet?"
    ),
    "morning_stiffness_swollen_joints": _(
        "Are you stiff for more than an hour in the morning, with swollen joints, and has no "
        "doctor looked at this yet?"
    ),
    "over_50_shoulders_hips": _(
        "Are you over 50, and do you have new pain and stiffness in your shoulders and hips?"
    ),
    "cancer_history_new_pain": _("Have you ever had cancer, and do you now have new pain?"),
    "night_pain_not_eased_by_rest": _(
        "Do you have new pain that is worse at night and does not get better when you rest?"
    ),
}

assert tuple(RED_FLAG_QUESTIONS) == tuple(QUESTIONS)  # noqa: S101
