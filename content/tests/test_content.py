"""Checks on the programme texts in content/ (lessons, exercise scripts, pages).

Plain file reading with PyYAML; no database. The format is docs/content-format.md,
the writing rules are content/README.md, the evidence labels and safety rules
come from docs/clinical.md (sections 5 and 6).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import textlint

CONTENT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en")
LABELS = {"A", "B", "C", "D"}

EXERCISE_EVIDENCE = {
    "breathing": "C",
    "pmr": "C",
    "body_scan": "B",
    "movement": "A",
    "gratitude": "D",
    "social": "D",
    "emotion": "B",
}
PAGE_KEYS = {
    "what-is-fibromyalgia",
    "nervous-system",
    "evidence",
    "physiotherapy",
    "how-the-programme-works",
    "faq",
    "when-to-see-a-doctor",
    "flare-plan",
}
TIMED_VERSIONS = {
    "pmr": {"short": 5, "long": 15},
    "body_scan": {"5": 5, "10": 10},
}
PHASES = {"pmr": {"tense", "release", "rest"}, "body_scan": {"attend", "rest"}}
ENERGY_LEVELS = {"very_low", "low", "medium"}
HEADINGS = {
    "nl": ("Probeer vandaag", "Lees meer"),
    "en": ("Try today", "Read more"),
}
# Front-matter fields that hold text in the reader's language. Their text may
# differ between nl and en, but not their shape: the same cue names, version
# keys, minutes, seconds and phases, the same number of prompts and ideas, the
# same activity keys. Every other field must be identical in nl and en, except
# reading_minutes, which each language derives from its own word count.
TEXT_FIELDS = {
    "language",
    "title",
    "summary",
    "reflection",
    "cues",
    "prompts",
    "suggestions",
    "ideas",
    "activities",
    "versions",
}
PER_LANGUAGE_FIELDS = {"reading_minutes"}
# Strings under these names inside a text field are identifiers, not prose.
SHAPE_KEYS = {"key", "phase"}


# Fields that are identifiers, not prose: the linter skips them.
ID_FIELDS = {"key", "slug", "language", "evidence"}


@cache
def read(path: Path) -> tuple[dict[str, Any], str]:
    return textlint.split_front_matter(path.read_text(encoding="utf-8"))


def files(kind: str, lang: str) -> list[Path]:
    return sorted((CONTENT / lang / kind).glob("*.md"))


def names(kind: str) -> list[str]:
    return sorted({p.name for lang in LANGUAGES for p in files(kind, lang)})


def all_files() -> list[Path]:
    return [
        p
        for kind in ("lessons", "exercises", "pages")
        for lang in LANGUAGES
        for p in files(kind, lang)
    ]


def rel(path: Path) -> str:
    return str(path.relative_to(CONTENT))


def lesson_names() -> list[str]:
    return [f"w{week:02d}-{order}.md" for week in range(1, 13) for order in (1, 2, 3)]


# ----------------------------------------------------------------- every file


@pytest.mark.parametrize("path", all_files(), ids=rel)
def test_every_file_has_front_matter_in_its_own_language(path):
    meta, body = read(path)
    assert meta["language"] == path.parent.parent.name
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert body.strip(), "the body is empty"


@pytest.mark.parametrize("path", all_files(), ids=rel)
def test_every_text_passes_the_linter(path):
    meta, body = read(path)
    problems = textlint.lint_markdown(body)
    for field, value in meta.items():
        if field not in ID_FIELDS:
            for text in textlint.text_values(value):
                problems += [f"{field}: {p}" for p in textlint.lint_prose(text)]
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("kind", ["lessons", "exercises", "pages"])
def test_every_file_exists_in_both_languages(kind):
    by_lang = {lang: [p.name for p in files(kind, lang)] for lang in LANGUAGES}
    assert by_lang["nl"] == by_lang["en"]
    assert by_lang["nl"], f"no {kind} found"


@pytest.mark.parametrize(
    "kind_name",
    [(kind, name) for kind in ("lessons", "exercises", "pages") for name in names(kind)],
    ids=lambda kn: f"{kn[0]}/{kn[1]}",
)
def test_non_text_front_matter_is_the_same_in_both_languages(kind_name):
    kind, name = kind_name
    nl, _ = read(CONTENT / "nl" / kind / name)
    en, _ = read(CONTENT / "en" / kind / name)
    assert set(nl) == set(en), "the languages have different fields"
    for field in sorted(set(nl) - TEXT_FIELDS - PER_LANGUAGE_FIELDS):
        assert nl[field] == en[field], f"{field} differs: {nl[field]!r} vs {en[field]!r}"
    for field in sorted(set(nl) & TEXT_FIELDS):
        assert shape(nl[field]) == shape(en[field]), f"{field} has a different structure"


def shape(value: Any, name: str = "") -> Any:
    """A value with its prose replaced by a marker, keeping every number and id."""
    if isinstance(value, str):
        return value if name in SHAPE_KEYS else "<text>"
    if isinstance(value, dict):
        return {k: shape(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v, name) for v in value]
    return value


def test_shape_keeps_timings_and_ids_but_not_prose():
    nl = [
        {
            "key": "short",
            "minutes": 5,
            "steps": [{"text": "Laat los.", "seconds": 20, "phase": "release"}],
        }
    ]
    en = [
        {
            "key": "short",
            "minutes": 5,
            "steps": [{"text": "Let go.", "seconds": 20, "phase": "release"}],
        }
    ]
    assert shape(nl) == shape(en)
    en[0]["steps"][0]["seconds"] = 21
    assert shape(nl) != shape(en)


# -------------------------------------------------------------------- lessons


def test_there_are_36_lessons_three_a_week():
    for lang in LANGUAGES:
        assert [p.name for p in files("lessons", lang)] == lesson_names()


@pytest.mark.parametrize("path", [p for lang in LANGUAGES for p in files("lessons", lang)], ids=rel)
def test_lesson_front_matter_follows_the_format(path):
    meta, _ = read(path)
    week, order = int(path.stem[1:3]), int(path.stem[4])
    assert meta["week"] == week and meta["order"] == order
    assert re.fullmatch(rf"{path.stem}-[a-z0-9]+(-[a-z0-9]+)*", meta["key"]), meta["key"]
    assert meta["evidence"] in LABELS
    assert isinstance(meta["exercises"], list)
    assert isinstance(meta.get("reflection", ""), str)


def test_lesson_keys_are_unique():
    keys = [read(p)[0]["key"] for p in files("lessons", "nl")]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("path", [p for lang in LANGUAGES for p in files("lessons", lang)], ids=rel)
def test_reading_minutes_match_the_word_count(path):
    meta, body = read(path)
    minutes = meta["reading_minutes"]
    assert isinstance(minutes, int) and 2 <= minutes <= 6
    expected = textlint.reading_minutes(body)
    assert abs(minutes - expected) <= 1, f"{len(textlint.words(body))} words: about {expected} min"


@pytest.mark.parametrize("path", [p for lang in LANGUAGES for p in files("lessons", lang)], ids=rel)
def test_every_exercise_a_lesson_links_to_exists_as_a_script(path):
    meta, _ = read(path)
    lang = path.parent.parent.name
    for key in meta["exercises"]:
        assert key in EXERCISE_EVIDENCE, f"unknown exercise {key!r}"
        assert (CONTENT / lang / "exercises" / f"{key}.md").is_file()


@pytest.mark.parametrize("path", [p for lang in LANGUAGES for p in files("lessons", lang)], ids=rel)
def test_lesson_ends_with_try_today_then_read_more(path):
    _, body = read(path)
    headings = [line[3:].strip() for line in body.splitlines() if line.startswith("## ")]
    assert tuple(headings[-2:]) == HEADINGS[path.parent.parent.name]
    sources = body.split(f"## {headings[-1]}")[1]
    assert any(line.startswith("- ") for line in sources.splitlines()), "no source listed"


@pytest.mark.parametrize("week", [7, 11])
def test_weeks_about_emotions_and_flares_point_to_crisis_help(week):
    for lang, page in (("nl", "Hulp nodig?"), ("en", "Need help?")):
        text = " ".join(
            read(CONTENT / lang / "lessons" / f"w{week:02d}-{o}.md")[1] for o in (1, 2, 3)
        )
        assert page in text and "113" in text


def test_week_9_names_the_red_flags_for_a_gp_visit():
    expected = {
        "nl": ("huisarts", "koorts", "nachtzweten", "afval", "bloed", "nieuwe klachten"),
        "en": ("GP", "fever", "night sweats", "weight", "blood", "new symptoms"),
    }
    for lang, words in expected.items():
        text = " ".join(read(CONTENT / lang / "lessons" / f"w09-{o}.md")[1] for o in (1, 2, 3))
        for word in words:
            assert word in text, f"{lang}: week 9 does not mention {word!r}"


# -------------------------------------------------------------------- scripts


def test_every_exercise_has_a_script():
    for lang in LANGUAGES:
        assert {p.stem for p in files("exercises", lang)} == set(EXERCISE_EVIDENCE)


@pytest.mark.parametrize(
    "path", [p for lang in LANGUAGES for p in files("exercises", lang)], ids=rel
)
def test_script_key_and_evidence_follow_clinical_section_5(path):
    meta, _ = read(path)
    assert meta["key"] == path.stem
    assert meta["evidence"] == EXERCISE_EVIDENCE[path.stem]
    assert isinstance(meta["summary"], str) and meta["summary"].strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_breathing_pacer_has_every_cue(lang):
    cues = read(CONTENT / lang / "exercises" / "breathing.md")[0]["cues"]
    assert set(cues) == {"in", "hold", "out", "start", "end"}
    for name in ("in", "hold", "out"):
        assert 0 < len(textlint.words(cues[name])) <= 8, f"cue {name!r} is too long for a pacer"
    assert all(isinstance(v, str) and v.strip() for v in cues.values())


@pytest.mark.parametrize(
    "lang_key", [(lang, key) for lang in LANGUAGES for key in TIMED_VERSIONS], ids=str
)
def test_timed_steps_add_up_to_the_minutes(lang_key):
    lang, key = lang_key
    versions = read(CONTENT / lang / "exercises" / f"{key}.md")[0]["versions"]
    assert {v["key"]: v["minutes"] for v in versions} == TIMED_VERSIONS[key]
    for version in versions:
        seconds = [step["seconds"] for step in version["steps"]]
        assert all(isinstance(s, int) and s > 0 for s in seconds)
        assert abs(sum(seconds) - version["minutes"] * 60) <= version["minutes"] * 6, (
            f"{version['key']}: {sum(seconds)} s for {version['minutes']} min"
        )
        for step in version["steps"]:
            assert step["phase"] in PHASES[key]
            assert isinstance(step["text"], str) and step["text"].strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pmr_tenses_briefly_then_releases_for_longer(lang):
    versions = read(CONTENT / lang / "exercises" / "pmr.md")[0]["versions"]
    for version in versions:
        steps = version["steps"]
        assert steps[0]["phase"] == "rest" and steps[-1]["phase"] == "rest"
        for i, step in enumerate(steps):
            if step["phase"] == "tense":
                assert 5 <= step["seconds"] <= 10, step["text"]
                follow = steps[i + 1]
                assert follow["phase"] == "release", f"no release after {step['text']!r}"
                assert 15 <= follow["seconds"] <= 30, follow["text"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_movement_has_ideas_for_every_energy_level(lang):
    meta = read(CONTENT / lang / "exercises" / "movement.md")[0]
    assert set(meta["ideas"]) == ENERGY_LEVELS
    for level, ideas in meta["ideas"].items():
        assert len(ideas) >= 4, level
        assert len(set(ideas)) == len(ideas)
    assert {"walk", "swim", "yoga", "stretching", "cycling"} <= set(meta["activities"])
    assert all(isinstance(label, str) and label for label in meta["activities"].values())


@pytest.mark.parametrize(
    "lang_key", [(lang, key) for lang in LANGUAGES for key in ("gratitude", "emotion")], ids=str
)
def test_weekly_prompts_are_seven_different_ones(lang_key):
    lang, key = lang_key
    prompts = read(CONTENT / lang / "exercises" / f"{key}.md")[0]["prompts"]
    assert len(prompts) == 7
    assert len(set(prompts)) == 7


@pytest.mark.parametrize("lang", LANGUAGES)
def test_emotion_prompts_ask_what_happened_felt_where_in_the_body_and_did(lang):
    words = {
        "nl": ("gebeurde", "voel", "lichaam", "deed"),
        "en": ("happened", "feel", "body", "did"),
    }[lang]
    for prompt in read(CONTENT / lang / "exercises" / "emotion.md")[0]["prompts"]:
        lowered = prompt.lower()
        missing = [w for w in words if w not in lowered]
        assert not missing, f"{prompt!r} lacks {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_social_offers_at_least_ten_small_intentions(lang):
    suggestions = read(CONTENT / lang / "exercises" / "social.md")[0]["suggestions"]
    assert len(suggestions) >= 10
    assert len(set(suggestions)) == len(suggestions)


# ---------------------------------------------------------------------- pages


def test_every_fixed_page_exists():
    for lang in LANGUAGES:
        assert {p.stem for p in files("pages", lang)} == PAGE_KEYS


@pytest.mark.parametrize("path", [p for lang in LANGUAGES for p in files("pages", lang)], ids=rel)
def test_page_front_matter_follows_the_format(path):
    meta, body = read(path)
    assert meta["key"] == path.stem
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", meta["slug"])
    assert isinstance(meta["order"], int)
    assert meta["public"] is True
    source_heading = HEADINGS[path.parent.parent.name][1]
    assert f"## {source_heading}" in body, "a page names its sources"


def test_page_slugs_and_orders_are_unique():
    metas = [read(p)[0] for p in files("pages", "nl")]
    assert len({m["slug"] for m in metas}) == len(metas)
    assert len({m["order"] for m in metas}) == len(metas)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_doctor_page_routes_to_112_same_day_and_crisis_lines(lang):
    _, body = read(CONTENT / lang / "pages" / "when-to-see-a-doctor.md")
    for needle in ("112", "113", "0800-0113", "113.nl", "50"):
        assert needle in body
    routing = {"nl": ("dezelfde dag", "huisarts"), "en": ("same day", "GP")}[lang]
    for needle in routing:
        assert needle in body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_doctor_page_mirrors_every_red_flag(lang):
    flags = {
        "nl": (
            "valt af",
            "koorts",
            "zweet 's nachts",
            "doof gevoel",
            "lopen",
            "plas",
            "warm en gezwollen",
            "langer dan een uur stijf",
            "hoofdpijn",
            "kauw",
            "zien",
            "schouders en heupen",
            "kanker",
            "'s nachts erger",
        ),
        "en": (
            "losing weight",
            "fever",
            "sweat",
            "numbness",
            "walking",
            "urine",
            "warm and swollen",
            "more than an hour",
            "headache",
            "chew",
            "sight",
            "shoulders and hips",
            "cancer",
            "worse at night",
        ),
    }[lang]
    _, body = read(CONTENT / lang / "pages" / "when-to-see-a-doctor.md")
    missing = [flag for flag in flags if flag not in body]
    assert not missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_physiotherapy_page_gives_the_zorginstituut_judgement(lang):
    _, body = read(CONTENT / lang / "pages" / "physiotherapy.md")
    assert "Zorginstituut" in body and "2023" in body
    assert {"nl": "zelfmanagement", "en": "self-management"}[lang] in body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_evidence_page_explains_every_label(lang):
    _, body = read(CONTENT / lang / "pages" / "evidence.md")
    for label in sorted(LABELS):
        assert f"## {label}:" in body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_faq_answers_at_least_eight_questions(lang):
    _, body = read(CONTENT / lang / "pages" / "faq.md")
    questions = [
        line for line in body.splitlines() if line.startswith("## ") and line.endswith("?")
    ]
    assert len(questions) >= 8


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flare_plan_names_the_gp_and_the_crisis_lines(lang):
    _, body = read(CONTENT / lang / "pages" / "flare-plan.md")
    for needle in ("112", "113", "0800-0113", {"nl": "huisarts", "en": "GP"}[lang]):
        assert needle in body


# ------------------------------------------------------------ the linter itself

BAD_SAMPLES = [
    "Dit programma kan je genezen.",
    "Genezing is mogelijk.",
    "Beweging geneest alles.",
    "Pijnvrij gegarandeerd in twaalf weken.",
    "Resultaat gegarandeerd.",
    "Wij geven je een garantie.",
    "Het zit tussen je oren.",
    "Je moet je niet aanstellen.",
    "This programme is a cure.",
    "Many people are cured.",
    "Results are guaranteed.",
    "We guarantee results.",
    "You will be pain-free soon.",
    "It's all in your head.",
    "It’s all in your head.",
    "The pain is only in your head.",
]


@pytest.mark.parametrize("sample", BAD_SAMPLES)
def test_linter_complains_about_forbidden_phrases(sample):
    problems = textlint.lint_prose(sample)
    assert problems and {p.kind for p in problems} == {"forbidden"}


@pytest.mark.parametrize(
    "sample",
    [
        "Vraag je huisarts naar je geneesmiddelen.",
        "Keep your data secure.",
        "Be curious about what you feel.",
        "Je hoofd voelt mistig.",
        "Take time to rest your head.",
    ],
)
def test_linter_lets_ordinary_words_pass(sample):
    assert textlint.lint_prose(sample) == []


def test_linter_complains_about_a_sentence_over_25_words():
    long = " ".join(["woord"] * 26) + "."
    problems = textlint.lint_prose(long)
    assert [p.kind for p in problems] == ["long-sentence"]
    assert textlint.lint_prose(" ".join(["woord"] * 25) + ".") == []


def test_linter_splits_sentences_on_punctuation_and_line_breaks():
    text = " ".join(["a"] * 20) + "! " + " ".join(["b"] * 20) + "?\n" + " ".join(["c"] * 20)
    assert textlint.lint_prose(text) == []
    assert textlint.sentences("Een. Twee! Drie?\nVier") == ["Een", "Twee", "Drie", "Vier"]


def test_linter_ignores_headings_and_source_lines_but_not_body_lists():
    long = " ".join(["woord"] * 30)
    body = f"## {long}\n\nKort.\n\n## Lees meer\n\n- {long}\n"
    assert textlint.lint_markdown(body) == []
    body_with_list = f"Kort.\n\n- {long}\n\n## Read more\n\n- A source, 2020.\n"
    assert [p.kind for p in textlint.lint_markdown(body_with_list)] == ["long-sentence"]


def test_linter_checks_forbidden_phrases_in_source_lines_too():
    body = "Kort.\n\n## Read more\n\n- A book about a cure, 2020.\n"
    assert [p.kind for p in textlint.lint_markdown(body)] == ["forbidden"]


@pytest.mark.parametrize(
    "sample",
    ["Klik <a href='x'>hier</a>.", "Regel<br>twee", "<script>alert(1)</script>", "<!-- note -->"],
)
def test_linter_complains_about_raw_html(sample):
    assert "html" in {p.kind for p in textlint.lint_markdown(sample)}


def test_linter_allows_a_less_than_sign_in_text():
    assert textlint.lint_markdown("Een score < 3 is laag.") == []


def test_front_matter_must_be_delimited():
    with pytest.raises(textlint.FrontMatterError):
        textlint.split_front_matter("key: x\n\nBody")
    with pytest.raises(textlint.FrontMatterError):
        textlint.split_front_matter("---\nkey: x\nBody")
    meta, body = textlint.split_front_matter("---\nkey: x\nminutes: 5\n---\nBody\n")
    assert meta == {"key": "x", "minutes": 5} and body.strip() == "Body"


def test_reading_minutes_round_words_at_200_a_minute_with_a_minimum_of_2():
    assert textlint.reading_minutes("woord " * 100) == 2
    assert textlint.reading_minutes("woord " * 699) == 3
    assert textlint.reading_minutes("woord " * 700) == 4
    assert textlint.reading_minutes("woord - " * 700) == 4  # a lone dash is not a word
