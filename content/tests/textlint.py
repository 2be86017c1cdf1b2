"""A small, pure linter for the patient-facing texts in content/.

No Django, no database: plain strings in, a list of problems out. The tests in
test_content.py run it over every lesson, exercise script and page, and feed
it bad samples to prove it can fail.

What it checks (the writing rules of content/README.md):
- forbidden phrases (promises of cure, "it's all in your head"), in both
  languages, whatever language the text is in;
- sentences of more than 25 words (B1 plain language);
- raw HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

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

# Headings of the sources section; its list lines are citations, not prose.
SOURCE_HEADINGS = ("lees meer", "read more")

_HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_SENTENCE_END_RE = re.compile(r"[.!?]+")
_LIST_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_WORD_RE = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Problem:
    kind: str  # "forbidden" | "long-sentence" | "html"
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


class FrontMatterError(ValueError):
    pass


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter as a dict, body) of a `---` delimited Markdown file."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError("the file does not start with a '---' line")
    closing = [i for i, line in enumerate(lines) if i > 0 and line.strip() == "---"]
    if not closing:
        raise FrontMatterError("no closing '---' line after the front matter")
    end = closing[0]
    data = yaml.safe_load("\n".join(lines[1:end]))
    if not isinstance(data, dict):
        raise FrontMatterError("the front matter is not a mapping")
    return data, "\n".join(lines[end + 1 :])


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
