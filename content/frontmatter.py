"""The one front-matter reader of the content pipeline (pure: no Django).

Every content file (lesson, page, exercise script) is Markdown with YAML
front matter between two `---` lines (docs/content-format.md). This module
splits a file, checks its fields into typed, frozen models and says exactly
what is wrong: every error names the file and the field
(`nl/lessons/w01-1.md: week: must be a whole number from 1 to 12`). Nothing
is guessed or silently dropped. The fields of exercise scripts that only
exercises know (cues, versions, prompts, ...) are checked by
exercises/scripts.py with the same `Fields` checker and the same error.

The body stays Markdown here; content/rendering.py turns it into HTML once,
at load time.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, Final, NoReturn

import yaml

LANGUAGES: Final = ("nl", "en")
EVIDENCE_LABELS: Final = ("A", "B", "C", "D")
LESSON_WEEKS: Final = (1, 12)
LESSON_ORDERS: Final = (1, 3)
READING_MINUTES: Final = (1, 30)
DEFAULT_PAGE_ORDER: Final = 100
_SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_YAML_LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LESSON_FIELDS: Final = (
    "key", "week", "order", "language", "title", "reading_minutes", "evidence", "exercises",
)  # fmt: skip
LESSON_OPTIONAL_FIELDS: Final = ("reflection", "structured_exercise")
PAGE_FIELDS: Final = ("key", "slug", "language", "title")
PAGE_OPTIONAL_FIELDS: Final = ("order", "public")


class ContentError(ValueError):
    """Content the engine cannot use (a file, or files that disagree); says where."""


class FrontMatterError(ContentError):
    """One file's front matter (or body) breaks the format; names the file and the field."""

    def __init__(self, source: str, field: str, problem: str) -> None:
        self.source, self.field, self.problem = source, field, problem
        super().__init__(f"{source}: {field}: {problem}")


@dataclass(frozen=True)
class LessonFile:
    """A lesson in one language, as its file says (docs/content-format.md, Lessons)."""

    key: str
    week: int
    order: int
    language: str
    title: str
    reading_minutes: int
    evidence: str
    structured_exercise: bool
    exercises: tuple[str, ...]
    reflection: str
    body: str  # Markdown
    source_hash: str


@dataclass(frozen=True)
class PageFile:
    """A page in one language, as its file says (docs/content-format.md, Pages)."""

    key: str
    slug: str
    language: str
    title: str
    order: int
    public: bool
    body: str  # Markdown
    source_hash: str


def source_hash(text: str) -> str:
    """The fingerprint of a whole file: loading skips a row whose file did not change."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_front_matter(text: str, *, source: str) -> tuple[dict[str, Any], str]:
    """Split '---\\n<yaml>\\n---\\n<body>' into the parsed YAML mapping and the body."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(source, "front matter", "the file must start with a line '---'")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise FrontMatterError(source, "front matter", "no closing line '---'")
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=_YAML_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise FrontMatterError(source, "front matter", f"not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise FrontMatterError(source, "front matter", "must be a mapping of fields")
    return meta, "\n".join(lines[end + 1 :])


class Fields:
    """Typed checks on front-matter values; each returns the value or raises FrontMatterError."""

    def __init__(self, source: str, meta: dict[str, Any] | None = None) -> None:
        self.source = source
        self.meta = meta if meta is not None else {}

    def fail(self, field: str, problem: str) -> NoReturn:
        raise FrontMatterError(self.source, field, problem)

    def only(self, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        """Every required field is there and no field is unknown (a typo is not ignored)."""
        unknown = sorted(str(name) for name in self.meta if name not in required + optional)
        if unknown:
            self.fail(unknown[0], f"unknown field (allowed: {', '.join(required + optional)})")
        for name in required:
            if name not in self.meta:
                self.fail(name, "missing")

    def text(self, value: object, field: str, *, limit: int = 500) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "must be a non-empty text")
        if len(value) > limit:
            self.fail(field, f"longer than {limit} characters")
        return value.strip()

    def optional_text(self, value: object, field: str, *, limit: int = 500) -> str:
        return "" if value is None or value == "" else self.text(value, field, limit=limit)

    def whole_number(self, value: object, field: str, low: int, high: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.fail(field, f"must be a whole number from {low} to {high}")
        return value

    def boolean(self, value: object, field: str) -> bool:
        if not isinstance(value, bool):
            self.fail(field, "must be true or false")
        return value

    def one_of(self, value: object, field: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            self.fail(field, f"must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    def language(self, value: object, expected: str) -> str:
        if value != expected:
            self.fail("language", f"{value!r} but the file is in {expected}/")
        return expected

    def slug(self, value: object, field: str) -> str:
        if not isinstance(value, str) or not _SLUG.fullmatch(value):
            self.fail(field, "must be lower-case words joined by -")
        return value

    def keys(self, value: object, field: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(field, "must be a list of keys, e.g. [breathing]")
        return tuple(value)

    def texts(
        self, value: object, field: str, *, at_least: int, exactly: bool = False
    ) -> list[str]:
        if not isinstance(value, list):
            self.fail(field, "must be a list of texts")
        if exactly and len(value) != at_least:
            self.fail(field, f"must have exactly {at_least} items, not {len(value)}")
        if len(value) < at_least:
            self.fail(field, f"must have at least {at_least} items, not {len(value)}")
        return [self.text(item, f"{field}[{i}]") for i, item in enumerate(value)]

    def mapping(
        self, value: object, field: str, keys: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(field, f"must be a mapping with {', '.join(keys)}")
        for name in value:
            if name not in keys + optional:
                self.fail(f"{field}.{name}", f"unknown (allowed: {', '.join(keys + optional)})")
        for name in keys:
            if name not in value:
                self.fail(f"{field}.{name}", "missing")
        return value


def parse_lesson(text: str, *, source: str, language: str) -> LessonFile:
    """Read one lesson file; `language` is the folder it is in."""
    meta, body = split_front_matter(text, source=source)
    fields = Fields(source, meta)
    fields.only(LESSON_FIELDS, LESSON_OPTIONAL_FIELDS)
    return LessonFile(
        key=fields.slug(meta["key"], "key"),
        week=fields.whole_number(meta["week"], "week", *LESSON_WEEKS),
        order=fields.whole_number(meta["order"], "order", *LESSON_ORDERS),
        language=fields.language(meta["language"], language),
        title=fields.text(meta["title"], "title", limit=200),
        reading_minutes=fields.whole_number(
            meta["reading_minutes"], "reading_minutes", *READING_MINUTES
        ),
        evidence=fields.one_of(meta["evidence"], "evidence", EVIDENCE_LABELS),
        structured_exercise=fields.boolean(
            meta.get("structured_exercise", False), "structured_exercise"
        ),
        exercises=fields.keys(meta["exercises"] or [], "exercises"),
        reflection=fields.optional_text(meta.get("reflection"), "reflection", limit=300),
        body=body,
        source_hash=source_hash(text),
    )


def parse_page(text: str, *, source: str, language: str) -> PageFile:
    """Read one page file; `language` is the folder it is in."""
    meta, body = split_front_matter(text, source=source)
    fields = Fields(source, meta)
    fields.only(PAGE_FIELDS, PAGE_OPTIONAL_FIELDS)
    return PageFile(
        key=fields.slug(meta["key"], "key"),
        slug=fields.slug(meta["slug"], "slug"),
        language=fields.language(meta["language"], language),
        title=fields.text(meta["title"], "title", limit=200),
        order=fields.whole_number(
            meta.get("order", DEFAULT_PAGE_ORDER), "order", -1_000_000, 1_000_000
        ),
        public=fields.boolean(meta.get("public", True), "public"),
        body=body,
        source_hash=source_hash(text),
    )
