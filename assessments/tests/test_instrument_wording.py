"""Our paraphrases of the PHQ-4, PHQ-9 and GAD-7 name every symptom of the original item.

The texts are our own words (marked as paraphrase), in Dutch and English; each item must
still name all the symptoms the original item asks about (issue 10, point 6), so nothing
is lost in the paraphrase. The PGIC asks about the condition overall, and the PHQ-9 result
tells the therapist which items overlap with fibromyalgia.
"""

import pytest

from assessments.actions import shipped_definitions
from assessments.definitions import parse_definition
from assessments.models import Response
from assessments.tests.helpers import fill_in, items

# The symptoms of each original item, as the words our paraphrase must contain.
PHQ9 = {
    "item1": {"en": ("interest", "pleasure"), "nl": ("interesse", "plezier")},
    "item2": {"en": ("down", "depressed", "hope"), "nl": ("somber", "depressief", "hoop")},
    "item3": {
        "en": ("fall asleep", "stay asleep", "sleeping far too much"),
        "nl": ("in slaap komen", "doorslapen", "te veel slapen"),
    },
    "item4": {"en": ("tired", "energy"), "nl": ("moe", "energie")},
    "item5": {"en": ("appetite", "eating too much"), "nl": ("trek", "te veel eten")},
    "item6": {
        "en": ("badly of yourself", "failure", "let yourself", "your family down"),
        "nl": ("over jezelf", "mislukkeling", "jezelf of je familie", "teleurgesteld"),
    },
    "item7": {"en": ("concentrate",), "nl": ("concentreren",)},
    "item8": {
        "en": ("slowly", "fidgety", "restless"),
        "nl": ("traag", "onrustig", "rusteloos"),
    },
    "item9": {
        "en": ("better off dead", "hurting yourself"),
        "nl": ("beter dood", "jezelf", "iets aan te doen"),
    },
}
GAD7 = {
    "item1": {"en": ("nervous", "anxious", "on edge"), "nl": ("nerveus", "angstig", "opgejaagd")},
    "item2": {"en": ("stop", "worrying", "control"), "nl": ("piekeren", "stoppen", "in de hand")},
    "item3": {"en": ("worrying too much", "different things"), "nl": ("zorgen", "allerlei")},
    "item4": {"en": ("relax",), "nl": ("ontspannen",)},
    "item5": {"en": ("restless", "sitting still"), "nl": ("onrustig", "stilzitten")},
    "item6": {"en": ("annoyed", "irritated"), "nl": ("geïrriteerd", "geërgerd")},
    "item7": {"en": ("afraid", "something terrible"), "nl": ("bang", "iets ergs")},
}
PHQ4 = {
    "item1": GAD7["item1"],
    "item2": GAD7["item2"],
    "item3": PHQ9["item1"],
    "item4": PHQ9["item2"],
}
EXPECTED = {"phq4": PHQ4, "phq9": PHQ9, "gad7": GAD7}


def _definition(key: str):
    return parse_definition(shipped_definitions()[key])


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_every_item_names_every_symptom_of_the_original_in_both_languages(key):
    definition = _definition(key)
    assert [item.key for item in definition.items] == list(EXPECTED[key])
    missing = [
        f"{item.key}.{language}: {word!r}"
        for item in definition.items
        for language, words in EXPECTED[key][item.key].items()
        for word in words
        if word not in item.text[language].lower()
    ]
    assert not missing


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_the_paraphrases_are_marked_as_ours_and_carry_a_new_version(key):
    definition = _definition(key)
    assert definition.wording == "paraphrase"
    assert definition.version == "2026.2"
    assert (
        "paraphrase" in definition.licence["en"]
        and "eigen omschrijving" in definition.licence["nl"]
    )


def test_phq4_uses_the_same_words_as_gad7_and_phq9_for_the_same_items():
    phq4, phq9, gad7 = _definition("phq4"), _definition("phq9"), _definition("gad7")
    assert [i.text for i in phq4.items] == [
        gad7.items[0].text,
        gad7.items[1].text,
        phq9.items[0].text,
        phq9.items[1].text,
    ]


def test_pgic_asks_about_the_condition_overall():
    definition = _definition("pgic")
    (item,) = definition.items
    assert "je toestand in het algemeen" in item.text["nl"]
    assert "your condition overall" in item.text["en"]
    assert definition.version == "2026.2"


def test_only_the_phq9_carries_the_note_on_fibromyalgia_overlap():
    note = _definition("phq9").clinician_note
    for language, words in {
        "en": ("3 (sleep)", "4 (tiredness", "7 (concentration)", "fibromyalgia"),
        "nl": ("3 (slaap)", "4 (moeheid", "7 (concentratie)", "fibromyalgie"),
    }.items():
        assert all(word in note[language] for word in words), language
    assert not _definition("phq4").clinician_note and not _definition("gad7").clinician_note


@pytest.mark.django_db
def test_the_phq9_result_shows_the_note_for_the_therapist(client, patient_anna, instruments):
    client.force_login(patient_anna)
    sent = fill_in(client, "phq9", items(1, 1, 2, 1, 0, 1, 1, 0, 0))
    assert (sent.instrument_key, sent.instrument_version) == ("phq9", "2026.2")
    page = client.get(f"/vragenlijsten/{sent.public_id}/uitslag/").content.decode()
    assert "Voor je therapeut of arts" in page and "vraag 3 (slaap)" in page
    phq4 = fill_in(client, "phq4", items(0, 0, 0, 0))
    page = client.get(f"/vragenlijsten/{phq4.public_id}/uitslag/").content.decode()
    assert "Voor je therapeut of arts" not in page
    assert Response.objects.submitted().count() == 2
