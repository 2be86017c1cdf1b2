"""Checking exercise scripts (pure: no Django).

A script is a Markdown file with YAML front matter, in the format of
docs/content-format.md, read by the one front-matter reader
(content/frontmatter.py). `parse_script` checks the exercise's own fields
strictly with the reader's `Fields` and raises `ScriptError` (the reader's
FrontMatterError) naming the file and the field; nothing is guessed,
defaulted or silently dropped. `check_pair` checks that the Dutch and English
versions of one script share their non-text fields (evidence and timings).
The introduction stays Markdown here; the loader renders it once
(content/rendering.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from content.frontmatter import LANGUAGES, Fields, split_front_matter
from content.frontmatter import FrontMatterError as ScriptError

__all__ = ["LANGUAGES", "Script", "ScriptError", "check_pair", "parse_script"]

# The evidence label of each exercise (docs/clinical.md section 5); a script must agree.
EVIDENCE: dict[str, str] = {
    "breathing": "C",
    "pmr": "C",
    "body_scan": "B",
    "movement": "A",
    "gratitude": "D",
    "social": "D",
    "emotion": "B",
}
KEYS = tuple(EVIDENCE)

# The versions of the guided exercises with fixed steps, and their minutes.
VERSION_MINUTES: dict[str, dict[str, int]] = {
    "pmr": {"short": 5, "long": 15},
    "body_scan": {"5": 5, "10": 10},
}
STEP_PHASES: dict[str, tuple[str, ...]] = {
    "pmr": ("tense", "release", "rest"),
    "body_scan": ("attend", "rest"),
}
CUES = ("in", "hold", "out", "start", "end")
ENERGY_LEVELS = ("very_low", "low", "medium")
ACTIVITIES = ("walk", "swim", "yoga", "stretching", "cycling")  # every script has these
MORE_ACTIVITIES = ("tai_chi", "strength", "dance", "household", "other")  # a script may add these
MIN_IDEAS = 4
MIN_SUGGESTIONS = 10
WEEKDAYS = 7
STEP_SECONDS = (1, 600)
DURATION_TOLERANCE = 0.10  # the steps add up to the minutes within 10 %

COMMON_FIELDS = ("key", "language", "title", "evidence", "summary")
# May be present: marks structured exercise, the only text allowed label A (docs/clinical.md 5).
OPTIONAL_FIELDS = ("structured_exercise",)
EXTRA_FIELDS: dict[str, tuple[str, ...]] = {
    "breathing": ("cues",),
    "pmr": ("versions",),
    "body_scan": ("versions",),
    "movement": ("ideas", "activities"),
    "gratitude": ("prompts",),
    "emotion": ("prompts",),
    "social": ("suggestions",),
}
MAX_LENGTH = {"title": 120, "summary": 300, "text": 500}


@dataclass(frozen=True)
class Script:
    key: str
    language: str
    title: str
    evidence: str
    summary: str
    intro: str  # Markdown: the body of the file
    structured_exercise: bool = False  # the only text allowed label A (docs/clinical.md 5)
    data: dict[str, Any] = field(default_factory=dict)  # the key's own fields, checked


def parse_script(text: str, *, path: str, language: str, key: str) -> Script:
    """Parse and check one script file; `language` and `key` come from its place on disk."""
    meta, body = split_front_matter(text, source=path)
    body = body.strip()
    checker = _Checker(path, meta)
    if meta.get("key") not in KEYS:
        checker.fail("key", f"must be one of {', '.join(KEYS)}, not {meta.get('key')!r}")
    if meta["key"] != key:
        checker.fail("key", f"{meta['key']!r} does not match the file name {key!r}")
    checker.only(COMMON_FIELDS + EXTRA_FIELDS[key], OPTIONAL_FIELDS)
    checker.language(meta["language"], language)
    if meta["evidence"] != EVIDENCE[key]:
        checker.fail(
            "evidence", f"{meta['evidence']!r}, but {key} has label {EVIDENCE[key]} (clinical.md 5)"
        )
    if not body:
        checker.fail("body", "the introduction (the text after the front matter) is empty")
    data = {name: getattr(checker, name)(meta[name], name, key) for name in EXTRA_FIELDS[key]}
    return Script(
        key=key,
        language=language,
        title=checker.text(meta["title"], "title", limit=MAX_LENGTH["title"]),
        evidence=meta["evidence"],
        summary=checker.text(meta["summary"], "summary", limit=MAX_LENGTH["summary"]),
        intro=body,
        structured_exercise=checker.boolean(
            meta.get("structured_exercise", False), "structured_exercise"
        ),
        data=data,
    )


def check_pair(first: Script, second: Script, *, path: str) -> None:
    """The two languages of one script share evidence and timings (content-format.md)."""
    if first.evidence != second.evidence:
        raise ScriptError(path, "evidence", "differs between the languages")
    for name in ("versions",):
        if name in first.data and _timings(first.data[name]) != _timings(second.data[name]):
            raise ScriptError(
                path, name, "the minutes, seconds or phases differ between the languages"
            )


def _timings(versions: list[dict[str, Any]]) -> list[tuple[object, ...]]:
    return [
        (v["key"], v["minutes"], tuple((s["seconds"], s["phase"]) for s in v["steps"]))
        for v in versions
    ]


class _Checker(Fields):
    """The exercise's own fields; each returns the checked value or raises ScriptError."""

    def cues(self, value: object, field: str, key: str) -> dict[str, str]:
        cues = self.mapping(value, field, CUES)
        return {name: self.text(cues[name], f"{field}.{name}") for name in CUES}

    def prompts(self, value: object, field: str, key: str) -> list[str]:
        return self.texts(value, field, at_least=WEEKDAYS, exactly=True)

    def suggestions(self, value: object, field: str, key: str) -> list[str]:
        return self.texts(value, field, at_least=MIN_SUGGESTIONS)

    def ideas(self, value: object, field: str, key: str) -> dict[str, list[str]]:
        ideas = self.mapping(value, field, ENERGY_LEVELS)
        return {
            level: self.texts(ideas[level], f"{field}.{level}", at_least=MIN_IDEAS)
            for level in ENERGY_LEVELS
        }

    def activities(self, value: object, field: str, key: str) -> dict[str, str]:
        labels = self.mapping(value, field, ACTIVITIES, optional=MORE_ACTIVITIES)
        return {
            name: self.text(labels[name], f"{field}.{name}")
            for name in ACTIVITIES + MORE_ACTIVITIES
            if name in labels
        }

    def versions(self, value: object, field: str, key: str) -> list[dict[str, Any]]:
        expected = VERSION_MINUTES[key]
        if not isinstance(value, list):
            self.fail(field, f"must be a list of versions ({', '.join(expected)})")
        versions = [self.version(item, f"{field}[{i}]", key) for i, item in enumerate(value)]
        found = [v["key"] for v in versions]
        if sorted(found) != sorted(expected):
            self.fail(field, f"must have the versions {', '.join(expected)}, found {found}")
        return versions

    def version(self, value: object, field: str, key: str) -> dict[str, Any]:
        item = self.mapping(value, field, ("key", "minutes", "steps"))
        # YAML reads `key: 5` as a number; the version keys are texts ("5", "10").
        version_key = str(item["key"]) if isinstance(item["key"], (str, int)) else None
        minutes = VERSION_MINUTES[key].get(version_key or "")
        if minutes is None:
            self.fail(f"{field}.key", f"must be one of {', '.join(VERSION_MINUTES[key])}")
        if item["minutes"] != minutes or isinstance(item["minutes"], bool):
            self.fail(f"{field}.minutes", f"must be {minutes} for version {version_key!r}")
        steps = item["steps"]
        if not isinstance(steps, list) or not steps:
            self.fail(f"{field}.steps", "must be a non-empty list of steps")
        checked = [self.step(s, f"{field}.steps[{i}]", key) for i, s in enumerate(steps)]
        total = sum(s["seconds"] for s in checked)
        target = minutes * 60
        if abs(total - target) > target * DURATION_TOLERANCE:
            self.fail(
                f"{field}.steps",
                f"the seconds add up to {total}, more than 10 % away from {minutes} minutes",
            )
        return {"key": version_key, "minutes": minutes, "steps": checked}

    def step(self, value: object, field: str, key: str) -> dict[str, Any]:
        step = self.mapping(value, field, ("text", "seconds", "phase"))
        seconds = self.whole_number(step["seconds"], f"{field}.seconds", *STEP_SECONDS)
        if step["phase"] not in STEP_PHASES[key]:
            self.fail(f"{field}.phase", f"must be one of {', '.join(STEP_PHASES[key])}")
        return {
            "text": self.text(step["text"], f"{field}.text"),
            "seconds": seconds,
            "phase": step["phase"],
        }
