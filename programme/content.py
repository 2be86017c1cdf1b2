"""Reading the programme's Markdown files (docs/content-format.md).

Pure: no Django. Parses the YAML front matter, checks the fields the engine
relies on and renders the body to sanitised HTML: raw HTML in the Markdown is
escaped (never passed through), and nh3 keeps only a short list of tags and
safe link schemes. The management command `load_content` stores the result.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import markdown
import nh3
import yaml

LANGUAGES: Final = ("nl", "en")
EVIDENCE_LABELS: Final = ("A", "B", "C", "D")
ALLOWED_TAGS: Final = frozenset(
    {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code",
     "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"}
)  # fmt: skip
ALLOWED_ATTRIBUTES: Final = {"a": {"href", "title"}, "th": {"scope"}, "td": set[str]()}
_YAML_LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER: Final = re.compile(r"\A---\s*\n(.*?)\n---\s*\n?(.*)\Z", re.DOTALL)


class ContentError(ValueError):
    """A content file that the engine cannot use; the message names file and field."""


@dataclass(frozen=True)
class LessonFile:
    key: str
    week: int
    order: int
    language: str
    title: str
    reading_minutes: int
    evidence: str
    exercises: tuple[str, ...]
    reflection: str
    body_html: str
    source_hash: str


@dataclass(frozen=True)
class PageFile:
    key: str
    slug: str
    language: str
    title: str
    order: int
    public: bool
    body_html: str
    source_hash: str


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML; raw HTML in the source is shown as text."""
    md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    html = md.convert(text)
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def split_front_matter(text: str, *, source: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match is None:
        raise ContentError(f"{source}: no front matter between --- lines")
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise ContentError(f"{source}: front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise ContentError(f"{source}: front matter must be a mapping")
    return meta, match.group(2)


def _field(meta: dict[str, Any], name: str, kind: type, source: str) -> Any:
    value = meta.get(name)
    if kind is int and isinstance(value, bool):
        value = None
    if not isinstance(value, kind):
        raise ContentError(f"{source}: field {name!r} is missing or not a {kind.__name__}")
    return value


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_lesson(text: str, *, source: str, language: str) -> LessonFile:
    meta, body = split_front_matter(text, source=source)
    week = _field(meta, "week", int, source)
    order = _field(meta, "order", int, source)
    minutes = _field(meta, "reading_minutes", int, source)
    evidence = _field(meta, "evidence", str, source)
    exercises = meta.get("exercises") or []
    if not 1 <= week <= 12:
        raise ContentError(f"{source}: field 'week' must be 1-12")
    if not 1 <= order <= 3:
        raise ContentError(f"{source}: field 'order' must be 1-3")
    if not 1 <= minutes <= 30:
        raise ContentError(f"{source}: field 'reading_minutes' must be 1-30")
    if evidence not in EVIDENCE_LABELS:
        raise ContentError(f"{source}: field 'evidence' must be one of A, B, C, D")
    if meta.get("language") != language:
        raise ContentError(f"{source}: field 'language' must be {language!r}")
    if not isinstance(exercises, list) or not all(isinstance(e, str) for e in exercises):
        raise ContentError(f"{source}: field 'exercises' must be a list of keys")
    return LessonFile(
        key=_field(meta, "key", str, source),
        week=week,
        order=order,
        language=language,
        title=_field(meta, "title", str, source),
        reading_minutes=minutes,
        evidence=evidence,
        exercises=tuple(exercises),
        reflection=str(meta.get("reflection") or ""),
        body_html=render_markdown(body),
        source_hash=_hash(text),
    )


def parse_page(text: str, *, source: str, language: str) -> PageFile:
    meta, body = split_front_matter(text, source=source)
    slug = _field(meta, "slug", str, source)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise ContentError(f"{source}: field 'slug' must be lower-case words joined by -")
    if meta.get("language") != language:
        raise ContentError(f"{source}: field 'language' must be {language!r}")
    order = meta.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        raise ContentError(f"{source}: field 'order' must be a whole number")
    return PageFile(
        key=_field(meta, "key", str, source),
        slug=slug,
        language=language,
        title=_field(meta, "title", str, source),
        order=order,
        public=bool(meta.get("public", True)),
        body_html=render_markdown(body),
        source_hash=_hash(text),
    )


def lesson_files(content_dir: Path) -> Iterator[LessonFile]:
    for language in LANGUAGES:
        for path in sorted((content_dir / language / "lessons").glob("*.md")):
            if path.name.lower() == "readme.md":
                continue
            source = str(path.relative_to(content_dir))
            yield parse_lesson(path.read_text(encoding="utf-8"), source=source, language=language)


def page_files(content_dir: Path) -> Iterator[PageFile]:
    for language in LANGUAGES:
        for path in sorted((content_dir / language / "pages").glob("*.md")):
            if path.name.lower() == "readme.md":
                continue
            source = str(path.relative_to(content_dir))
            yield parse_page(path.read_text(encoding="utf-8"), source=source, language=language)
