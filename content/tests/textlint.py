"""A small, pure linter for the patient-facing texts in content/.

No Django, no database: plain strings in, a list of problems out. The tests in
test_content.py run it over every lesson, exercise script and page, and feed
it bad samples to prove it can fail.

What it checks (the writing rules of content/README.md):
- forbidden phrases (promises of cure, "it's all in your head"), in both
  languages, whatever language the text is in;
- sentences of more than 25 words (B1 plain language);
- raw HTML;
- retired phrases and the term variants we chose against (one Dutch and one
  English term each, and one wording of the after-movement rule);
- promises of features the product does not have yet;
- evidence labels by core claim (docs/clinical.md section 5): label A only on
  a text whose front matter marks it `structured_exercise: true` and whose body
  names the dose; never on everyday activity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from content import frontmatter
from content.frontmatter import FrontMatterError as FrontMatterError  # the tests catch it

MAX_SENTENCE_WORDS = 25
WORDS_PER_MINUTE = 200

# Whole words or phrases, matched case-insensitively. Each entry: (pattern, why).
# Forms are listed on purpose: "geneesmiddel" (medicine) and "secure" must pass.
FORBIDDEN: tuple[tuple[str, str], ...] = (
    (r"genezen", "genezen"),
    (r"genezing\w*", "genezing"),
    (r"geneest", "geneest"),
    (r"geneesbaar\w*", "geneesbaar"),
    (r"pijnvrij\w*", "pijnvrij"),
    (r"gegarandeerd\w*", "gegarandeerd"),
    (r"garantie\w*", "garantie"),
    (r"garander\w*", "garanderen"),
    (r"tussen je oren", "tussen je oren"),
    (r"tussen jouw oren", "tussen je oren"),
    (r"aanstell(?:en|erij|er|ster)", "aanstellen"),
    (r"stel je (?:niet )?aan", "aanstellen"),
    (r"cur(?:e|es|ed|ing|able)", "cure"),
    (r"guarantee\w*", "guarantee"),
    (r"pain[- ]free", "pain-free"),
    (r"it[’']?s all in your head", "it's all in your head"),
    (r"in your head", "in your head"),
)
_FORBIDDEN_RE = [(re.compile(rf"\b{p}\b", re.IGNORECASE), why) for p, why in FORBIDDEN]

# Phrases we no longer use, in any language: (pattern, what to write instead).
NEW_PHRASE = {
    "nl": "een idee uit de methode, nog niet bevestigd",
    "en": "an idea from the method, not yet confirmed",
}
AFTER_MOVEMENT_RULE = {
    "nl": "extra pijn zakt weer weg vóór de volgende ochtend",
    "en": "extra pain settles by the next morning",
}
RETIRED: tuple[tuple[str, str], ...] = (
    (r"proven\s+for\s+everyone", NEW_PHRASE["en"]),
    (r"proven\s+(?:recipe|method|answer)\s+for\s+everyone", NEW_PHRASE["en"]),
    (r"voor\s+iedereen\s+bewezen", NEW_PHRASE["nl"]),
    (r"bewezen\s+(?:recept\s+|methode\s+)?voor\s+iedereen", NEW_PHRASE["nl"]),
    (r"langer\s+dan\s+een\s+dag\s+of\s+twee", AFTER_MOVEMENT_RULE["nl"]),
    (r"longer\s+than\s+a\s+day\s+or\s+two", AFTER_MOVEMENT_RULE["en"]),
    (r"zakt[^.?!]{0,60}binnen\s+een\s+dag", AFTER_MOVEMENT_RULE["nl"]),
    (r"settles?[^.?!]{0,60}within\s+a\s+day", AFTER_MOVEMENT_RULE["en"]),
)
_RETIRED_RE = [(re.compile(rf"\b{p}\b", re.IGNORECASE), use) for p, use in RETIRED]

# One term each, per language: (variant we chose against, the term we use).
TERM_VARIANTS: dict[str, tuple[tuple[str, str], ...]] = {
    "nl": (
        (r"basislijn\w*", "basisniveau"),
        (r"uitgangsniveau\w*", "basisniveau"),
        (r"fibro[- ]?fog", "fibromist"),
        (r"hersenmist", "fibromist"),
        (r"piek-en-dal\w*", "piek-en-crash"),
        (r"piek\s+en\s+crash\w*", "piek-en-crash"),
        (r"boom[- ](?:and[- ])?bust", "piek-en-crash"),
        (r"rustige\s+stand", "het rustige plan"),
    ),
    "en": (
        (r"fibro-fog|fibrofog", "fibro fog"),
        (r"brain\s+fog", "fibro fog"),
        (r"boom[- ]bust", "boom-and-bust"),
        (r"boom\s+and\s+bust", "boom-and-bust"),
        (r"base\s+line", "baseline"),
        (r"calm\s+plan", "gentle plan"),
        (r"gentle\s+mode", "gentle plan"),
    ),
}
_TERM_RE = {
    lang: [(re.compile(rf"\b{p}\b", re.IGNORECASE), use) for p, use in variants]
    for lang, variants in TERM_VARIANTS.items()
}
# A text that mentions extra pain after movement states the rule in these words.
_AFTER_MOVEMENT_MARKER = {"nl": "extra pijn", "en": "extra pain"}

# Features the product does not have yet (docs/clinical.md 1): no text may
# promise them. When one ships, its entry goes and the texts may come back.
NOT_BUILT_YET: tuple[tuple[str, str], ...] = (
    (r"(?:schakelt|switches)[^.?!]{0,40}(?:rustig|gentle|calm)", "flare mode switching itself on"),
)
_NOT_BUILT_RE = [(re.compile(rf"\b{p}", re.IGNORECASE), what) for p, what in NOT_BUILT_YET]

# Label A (docs/clinical.md 5): structured aerobic or strength exercise, 2-3 times a
# week, moderate effort, built up over 12 weeks or more. The body names the dose.
STRUCTURED_DOSE = {
    "nl": ("2 tot 3 keer per week", "matige inspanning", "12 weken"),
    "en": ("2 to 3 times a week", "moderate effort", "12 weeks"),
}
EVERYDAY_AS_EXERCISE = (
    r"stofzuigen\s+telt",
    r"huishouden\s+telt",
    r"vacuuming\s+counts",
    r"housework\s+counts",
)
_EVERYDAY_RE = [re.compile(rf"\b{p}\b", re.IGNORECASE) for p in EVERYDAY_AS_EXERCISE]

# Headings of the sources section; its list lines are citations, not prose.
SOURCE_HEADINGS = ("lees meer", "read more")

_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_SENTENCE_END_RE = re.compile(r"[.!?]+")
_LIST_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_WORD_RE = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Problem:
    kind: str  # forbidden, long-sentence, html, retired, term, promise, evidence
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter as a dict, body): the content pipeline's own reader."""
    return frontmatter.split_front_matter(text, source="text")


def words(text: str) -> list[str]:
    """Whitespace-separated tokens that hold at least one letter or digit."""
    return [token for token in text.split() if _WORD_RE.search(token)]


def prose_lines(body: str) -> list[str]:
    """The lines of a Markdown body a reader reads as sentences.

    Drops headings and the list lines of a "Lees meer"/"Read more" section;
    strips list markers and emphasis.
    """
    kept: list[str] = []
    in_sources = False
    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            in_sources = line.lstrip("#").strip().lower() in SOURCE_HEADINGS
            continue
        if in_sources or not line:
            continue
        line = _LIST_MARKER_RE.sub("", line)
        kept.append(line.replace("**", "").replace("__", ""))
    return kept


def sentences(text: str) -> list[str]:
    """Split on . ! ? and on line breaks; return non-empty pieces."""
    pieces: list[str] = []
    for line in text.splitlines():
        pieces.extend(p.strip() for p in _SENTENCE_END_RE.split(line) if p.strip())
    return pieces


def long_sentences(text: str, limit: int = MAX_SENTENCE_WORDS) -> list[Problem]:
    return [
        Problem("long-sentence", f"{len(words(s))} words: {s[:80]}...")
        for s in sentences(text)
        if len(words(s)) > limit
    ]


def forbidden_phrases(text: str) -> list[Problem]:
    found: list[Problem] = []
    for pattern, why in _FORBIDDEN_RE:
        for match in pattern.finditer(text):
            found.append(Problem("forbidden", f"{why!r} in '...{_around(text, match)}...'"))
    return found


def retired_phrases(text: str) -> list[Problem]:
    """Phrases we replaced, in either language, whatever language the text is in."""
    return [
        Problem("retired", f"write {use!r} instead of '...{_around(text, match)}...'")
        for pattern, use in _RETIRED_RE
        for match in pattern.finditer(text)
    ]


def term_variants(text: str, language: str) -> list[Problem]:
    """Terms we chose against in `language`, and the after-movement rule in other words."""
    found = [
        Problem("term", f"write {use!r} instead of {match.group(0)!r}")
        for pattern, use in _TERM_RE[language]
        for match in pattern.finditer(text)
    ]
    lowered = text.lower()
    marker, rule = _AFTER_MOVEMENT_MARKER[language], AFTER_MOVEMENT_RULE[language]
    if lowered.count(marker) > lowered.count(rule):
        found.append(Problem("term", f"'{marker}' only in the rule's own words: {rule!r}"))
    return found


def promises(text: str) -> list[Problem]:
    """Texts that describe a feature the product does not have yet."""
    return [
        Problem("promise", f"{what} does not exist yet: '...{_around(text, match)}...'")
        for pattern, what in _NOT_BUILT_RE
        for match in pattern.finditer(text)
    ]


def lint_language(text: str, language: str) -> list[Problem]:
    """The checks on the words we chose: retired phrases, terms, promises."""
    return retired_phrases(text) + term_variants(text, language) + promises(text)


def evidence_label(meta: dict[str, Any], body: str) -> list[Problem]:
    """Label A only for structured exercise that names its dose; never for everyday activity."""
    structured = meta.get("structured_exercise", False)
    if not isinstance(structured, bool):
        return [Problem("evidence", "structured_exercise must be true or false")]
    if meta.get("evidence") != "A":
        return []
    if not structured:
        return [
            Problem(
                "evidence",
                "label A is only for structured exercise: mark it structured_exercise: true,"
                " or give the label of its core claim",
            )
        ]
    language = meta.get("language")
    lowered = body.lower()
    problems = [
        Problem("evidence", f"label A: the text does not name the dose {part!r}")
        for part in STRUCTURED_DOSE.get(str(language), STRUCTURED_DOSE["en"])
        if part not in lowered
    ]
    problems += [
        Problem("evidence", f"label A on everyday activity: '...{_around(body, match)}...'")
        for pattern in _EVERYDAY_RE
        for match in pattern.finditer(body)
    ]
    return problems


def raw_html(text: str) -> list[Problem]:
    return [Problem("html", m.group(0)) for m in _HTML_RE.finditer(text)]


def lint_prose(text: str) -> list[Problem]:
    """Lint a piece of plain prose (a title, a cue, a prompt, a paragraph)."""
    return forbidden_phrases(text) + long_sentences(text) + raw_html(text)


def lint_markdown(body: str) -> list[Problem]:
    """Lint a Markdown body: all of it for phrases and HTML, prose for length."""
    return forbidden_phrases(body) + raw_html(body) + long_sentences("\n".join(prose_lines(body)))


def text_values(value: Any) -> list[str]:
    """Every string inside a front-matter value (nested lists and dicts)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in text_values(v)]
    if isinstance(value, list):
        return [s for v in value for s in text_values(v)]
    return []


def reading_minutes(body: str) -> int:
    """Expected reading time: words / 200, rounded half up, at least 2."""
    count = len(words(body))
    return max(2, (count + WORDS_PER_MINUTE // 2) // WORDS_PER_MINUTE)


def _around(text: str, match: re.Match[str], width: int = 30) -> str:
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return " ".join(text[start:end].split())
