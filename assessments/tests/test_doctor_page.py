"""The "when to see a doctor" page says what the red-flag questions ask, tier by tier.

Both languages: the page has one section per tier, under the same title as the advice on
the result page, with one bullet per question of that tier, and each bullet shares its
words with the question the patient answers.
"""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext

from assessments import redflags
from assessments.texts import RED_FLAG_QUESTIONS

PAGES = Path(__file__).resolve().parents[2] / "content"

# Words each question shares with its bullet on the page, per language.
SHARED = {
    "en": {
        "stroke_signs": "trouble speaking",
        "sudden_severe_headache": "extremely severe headache, worse than any you have had before",
        "bladder_bowel_or_saddle_numbness": "inner thighs",
        "over_50_headache_jaw_sight": "new pain in your jaw when you chew",
        "numbness_weakness_walking": "new numbness",
        "fever_night_sweats_new_pain": "fever",
        "weight_loss": "losing weight without knowing why",
        "hot_swollen_joints": "warm and swollen",
        "morning_stiffness_swollen_joints": "stiff for more than an hour in the morning",
        "over_50_shoulders_hips": "new pain and stiffness in your shoulders and hips",
        "cancer_history_new_pain": "cancer",
        "night_pain_not_eased_by_rest": "new pain that is worse at night",
    },
    "nl": {
        "stroke_signs": "moeilijk praten",
        "sudden_severe_headache": "heel erge hoofdpijn, erger dan je ooit hebt gehad",
        "bladder_bowel_or_saddle_numbness": "binnenkant van je bovenbenen",
        "over_50_headache_jaw_sight": "nieuwe pijn in je kaak als je kauwt",
        "numbness_weakness_walking": "nieuw doof gevoel of minder kracht",
        "fever_night_sweats_new_pain": "koorts",
        "weight_loss": "zonder dat je weet waarom",
        "hot_swollen_joints": "warm en gezwollen",
        "morning_stiffness_swollen_joints": "'s ochtends langer dan een uur stijf",
        "over_50_shoulders_hips": "nieuwe pijn en stijfheid in je schouders en heupen",
        "cancer_history_new_pain": "ooit kanker gehad",
        "night_pain_not_eased_by_rest": "'s nachts erger",
    },
}


def _tier_titles() -> dict[str, str]:
    """The advice titles of the result page, in the active language."""
    return {
        redflags.CALL_112: gettext("Call %(number)s now") % {"number": "112"},
        redflags.GP_TODAY: gettext("Call your GP today"),
        redflags.GP_SOON: gettext("Make an appointment with your GP soon"),
    }


def _sections(language: str) -> dict[str, str]:
    """Heading text -> the text under it, for every "## " section of the page."""
    text = (PAGES / language / "pages" / "when-to-see-a-doctor.md").read_text(encoding="utf-8")
    found, heading = {}, ""
    for line in text.split("---\n", 2)[2].splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            found[heading] = ""
        elif heading:
            found[heading] += line + "\n"
    return found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_page_has_the_three_tiers_in_order_under_the_result_titles(language):
    with translation.override(language):
        titles = _tier_titles()
    headings = list(_sections(language))
    positions = [
        headings.index(titles[tier])
        for tier in (redflags.CALL_112, redflags.GP_TODAY, redflags.GP_SOON)
    ]
    assert positions == sorted(positions)
    assert "112" in titles[redflags.CALL_112]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_tier_lists_exactly_its_own_questions(language):
    with translation.override(language):
        titles = _tier_titles()
        questions = {key: str(text) for key, text in RED_FLAG_QUESTIONS.items()}
    sections = _sections(language)
    for tier in (redflags.CALL_112, redflags.GP_TODAY, redflags.GP_SOON):
        section = sections[titles[tier]]
        bullets = [line for line in section.splitlines() if line.startswith("- ")]
        assert len(bullets) == len(redflags.questions_of(tier)), tier
        for key in redflags.questions_of(tier):
            words = SHARED[language][key]
            assert words in questions[key], f"{key}: the question does not say {words!r}"
            assert sum(words in bullet for bullet in bullets) == 1, f"{key}: not one bullet"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_page_says_how_the_pause_ends(language):
    what_the_app_does = _sections(language)[
        {"nl": "Wat de app doet", "en": "What the app does"}[language]
    ]
    for words in {
        "nl": ("Bel 112", "Iets nieuws?", "bij een arts bent geweest", "een arts er al van weet"),
        "en": ("Call 112", "Something new?", "you have seen a doctor", "a doctor already knows"),
    }[language]:
        assert words in what_the_app_does
