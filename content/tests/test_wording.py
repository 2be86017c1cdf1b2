"""Clinical wording: evidence labels by core claim, retired phrases, one term each.

The rules are docs/clinical.md section 5 (evidence labels) and the writing
rules of content/README.md. They run over every text in content/ and over the
.po catalogues (English msgids, which hold the templates' strings, and Dutch
msgstrs), and each rule is fed bad samples to prove it can fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import textlint
from babel.messages.pofile import read_po
from test_content import CONTENT, ID_FIELDS, LANGUAGES, all_files, files, read, rel

PROJECT = CONTENT.parent
CATALOGUES = sorted(PROJECT.glob("*/locale/nl/LC_MESSAGES/django.po"))

# The only texts that teach structured exercise (label A). A new one is a
# decision: mark it in its front matter and add its key here.
STRUCTURED_EXERCISE = {"movement", "w04-3-gentle-movement"}
# Lessons whose core claim is the method's own model, tested by no trial: D.
METHOD_MODEL_LESSONS = {
    "w06-1-stress-and-the-body",
    "w06-2-patterns-that-drive-you",
    "w07-1-emotions-in-the-body",
    "w07-3-held-back-feelings",
}


def language_of(path: Path) -> str:
    return path.relative_to(CONTENT).parts[0]


def prose(meta: dict, body: str) -> list[str]:
    texts = [body]
    for field, value in meta.items():
        if field not in ID_FIELDS:
            texts += textlint.text_values(value)
    return texts


# ------------------------------------------------------------------ the texts


@pytest.mark.parametrize("path", all_files(), ids=rel)
def test_every_text_uses_our_terms_and_no_retired_phrase(path):
    meta, body = read(path)
    problems = [
        p for text in prose(meta, body) for p in textlint.lint_language(text, language_of(path))
    ]
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize(
    "path",
    [p for kind in ("lessons", "exercises") for lang in LANGUAGES for p in files(kind, lang)],
    ids=rel,
)
def test_evidence_label_follows_the_core_claim(path):
    meta, body = read(path)
    assert textlint.evidence_label(meta, body) == []
    assert (meta.get("structured_exercise") is True) == (meta["key"] in STRUCTURED_EXERCISE)


@pytest.mark.parametrize("key", sorted(METHOD_MODEL_LESSONS))
def test_lessons_built_on_the_method_model_are_d_and_say_so(key):
    for lang in LANGUAGES:
        (path,) = [p for p in files("lessons", lang) if read(p)[0]["key"] == key]
        meta, body = read(path)
        assert meta["evidence"] == "D", rel(path)
        assert textlint.NEW_PHRASE[lang] in body, rel(path)


def test_movement_texts_state_the_after_movement_rule_in_the_same_words():
    for lang in LANGUAGES:
        for name in ("lessons/w04-2.md", "lessons/w04-3.md", "exercises/movement.md"):
            _, body = read(CONTENT / lang / name)
            assert textlint.AFTER_MOVEMENT_RULE[lang] in body.lower(), f"{lang}/{name}"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(PROJECT)))
def test_catalogues_use_our_terms_and_no_retired_phrase(po):
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        problems += [f"msgid {i!r}: {p}" for i in ids for p in textlint.lint_language(i, "en")]
        problems += [f"msgstr {s!r}: {p}" for s in strings for p in textlint.lint_language(s, "nl")]
    assert not problems, "\n".join(problems)


def test_there_are_catalogues_to_check():
    assert len(CATALOGUES) >= 5


# ------------------------------------------------------- the rules themselves

RETIRED_SAMPLES = [
    ("en", "It has not been proven for everyone."),
    ("en", "It is not yet proven for everyone."),
    ("en", "Not a proven recipe for everyone."),
    ("nl", "Het is nog niet voor iedereen bewezen."),
    ("nl", "Geen bewezen recept voor iedereen."),
    ("nl", "Houdt het langer dan een dag of twee aan?"),
    ("nl", "Zakt de extra pijn binnen een dag weer weg?"),
    ("en", "Does the extra pain settle back within a day?"),
]


@pytest.mark.parametrize("lang_sample", RETIRED_SAMPLES, ids=str)
def test_linter_fails_on_a_retired_phrase(lang_sample):
    lang, sample = lang_sample
    assert "retired" in {p.kind for p in textlint.lint_language(sample, lang)}


TERM_SAMPLES = [
    ("nl", "Bouw op vanaf je basislijn."),
    ("nl", "Veel mensen noemen dat fibrofog."),
    ("nl", "Ze noemen het fibro fog."),
    ("nl", "Last van hersenmist."),
    ("nl", "Dat heet het piek-en-dalpatroon."),
    ("en", "Many people call it fibro-fog."),
    ("en", "Many people call it brain fog."),
    ("en", "This is the boom-bust pattern."),
    ("en", "Start from your base line."),
    ("en", "The Today page suggests a calm plan."),
    ("nl", "De app schakelt naar een rustige stand."),
    ("nl", "Extra pijn hoort erbij, soms een paar dagen."),
    ("en", "Extra pain is fine if it is gone within two days."),
]


@pytest.mark.parametrize("lang_sample", TERM_SAMPLES, ids=str)
def test_linter_fails_on_a_term_we_chose_against(lang_sample):
    lang, sample = lang_sample
    assert "term" in {p.kind for p in textlint.lint_language(sample, lang)}


PROMISE_SAMPLES = [
    ("nl", "Dan schakelt de app naar een rustig plan."),
    ("en", "The Today page switches to a gentle plan."),
]


# Built in issue 14 (the /inzicht/ pages and the report): texts may describe these again.
INSIGHT_SAMPLES = [
    ("nl", "Neem het rapport uit de app mee."),
    ("nl", "Op je trendspagina zie je hoe het gaat."),
    ("en", "After a few weeks you get personal insights."),
    ("en", "The app compares your last week with your starting point."),
]


@pytest.mark.parametrize("lang_sample", INSIGHT_SAMPLES, ids=str)
def test_texts_may_describe_the_insight_pages_now_they_exist(lang_sample):
    lang, sample = lang_sample
    assert "promise" not in {p.kind for p in textlint.lint_language(sample, lang)}


@pytest.mark.parametrize("lang_sample", PROMISE_SAMPLES, ids=str)
def test_linter_fails_on_a_promise_of_what_does_not_exist(lang_sample):
    lang, sample = lang_sample
    assert "promise" in {p.kind for p in textlint.lint_language(sample, lang)}


# Sharing with a therapist exists since issue 15 (the care app): texts may say so.
SHARING_SAMPLES = [
    ("nl", "Deel je je vragenlijsten met een therapeut? Dan ziet die dat dit naar voren kwam."),
    ("en", "If you share your questionnaires, your therapist sees a flag."),
]


@pytest.mark.parametrize("lang_sample", SHARING_SAMPLES, ids=str)
def test_sharing_with_a_therapist_may_be_described_now(lang_sample):
    lang, sample = lang_sample
    assert "promise" not in {p.kind for p in textlint.lint_language(sample, lang)}


@pytest.mark.parametrize(
    "lang_sample",
    [
        ("nl", "Begin op je basisniveau. Dat heet het piek-en-crashpatroon."),
        ("nl", "De vuistregel: extra pijn zakt weer weg vóór de volgende ochtend."),
        ("nl", "Het is een idee uit de methode, nog niet bevestigd."),
        ("en", "Start at your baseline. This is the boom-and-bust pattern. Fibro fog is real."),
        ("en", "The rule of thumb: extra pain settles by the next morning."),
        ("en", "It is an idea from the method, not yet confirmed."),
    ],
    ids=str,
)
def test_linter_lets_our_own_terms_pass(lang_sample):
    lang, sample = lang_sample
    assert textlint.lint_language(sample, lang) == []


DOSE_NL = "Train 2 tot 3 keer per week, met matige inspanning, opgebouwd over 12 weken of langer."


@pytest.mark.parametrize(
    "meta_body",
    [
        ({"evidence": "A", "language": "nl"}, DOSE_NL),  # not marked structured
        ({"evidence": "A", "language": "nl", "structured_exercise": False}, DOSE_NL),
        ({"evidence": "A", "language": "nl", "structured_exercise": True}, "Wandel elke dag wat."),
        (
            {"evidence": "A", "language": "nl", "structured_exercise": True},
            DOSE_NL + " Stofzuigen telt ook.",
        ),
        ({"evidence": "A", "language": "en", "structured_exercise": True}, "Vacuuming counts too."),
        ({"evidence": "C", "language": "nl", "structured_exercise": "ja"}, DOSE_NL),
    ],
    ids=str,
)
def test_linter_fails_on_label_a_for_what_is_not_structured_exercise(meta_body):
    meta, body = meta_body
    problems = textlint.evidence_label(meta, body)
    assert problems and {p.kind for p in problems} == {"evidence"}


def test_linter_lets_label_a_pass_on_structured_exercise_and_other_labels_anywhere():
    structured = {"evidence": "A", "language": "nl", "structured_exercise": True}
    assert textlint.evidence_label(structured, DOSE_NL) == []
    english = {"evidence": "A", "language": "en", "structured_exercise": True}
    dose_en = "Train 2 to 3 times a week, at moderate effort, built up over 12 weeks or more."
    assert textlint.evidence_label(english, dose_en) == []
    assert (
        textlint.evidence_label({"evidence": "C", "language": "nl"}, "Stofzuigen telt ook.") == []
    )
