"""The one front-matter reader (content/frontmatter.py), tested directly: no Django."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from content.frontmatter import (
    FrontMatterError,
    parse_lesson,
    parse_page,
    source_hash,
    split_front_matter,
)

LESSON = {
    "key": "w01-1-test",
    "week": 1,
    "order": 1,
    "language": "nl",
    "title": "Test",
    "reading_minutes": 3,
    "evidence": "C",
    "exercises": ["breathing"],
    "reflection": "Wat merk je?",
}
PAGE = {
    "key": "flare-plan",
    "slug": "plan-bij-opvlamming",
    "language": "nl",
    "title": "Plan",
    "order": 7,
    "public": True,
}


def write(meta: dict, body: str = "Tekst.\n") -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def lesson(**changes) -> str:
    meta = {**LESSON, **changes}
    return write({k: v for k, v in meta.items() if v is not None})


def test_a_lesson_is_read_into_its_typed_model():
    file = parse_lesson(lesson(), source="nl/lessons/w01-1.md", language="nl")
    assert (file.key, file.week, file.order, file.evidence) == ("w01-1-test", 1, 1, "C")
    assert file.exercises == ("breathing",) and file.reflection == "Wat merk je?"
    assert file.structured_exercise is False
    assert file.body.strip() == "Tekst."
    assert file.source_hash == source_hash(lesson())


def test_a_lesson_may_mark_structured_exercise_for_label_a():
    text = lesson(evidence="A", structured_exercise=True)
    file = parse_lesson(text, source="nl/lessons/w04-3.md", language="nl")
    assert (file.evidence, file.structured_exercise) == ("A", True)


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"week": 13}, "week", "must be a whole number from 1 to 12"),
        ({"week": True}, "week", "must be a whole number from 1 to 12"),
        ({"order": 0}, "order", "must be a whole number from 1 to 3"),
        ({"evidence": "E"}, "evidence", "must be one of A, B, C, D, not 'E'"),
        ({"language": "en"}, "language", "'en' but the file is in nl/"),
        ({"reading_minutes": "drie"}, "reading_minutes", "must be a whole number from 1 to 30"),
        ({"title": [1, 2]}, "title", "must be a non-empty text"),
        ({"title": None}, "title", "missing"),
        ({"exercises": "breathing"}, "exercises", "must be a list of keys"),
        ({"structured_exercise": "ja"}, "structured_exercise", "must be true or false"),
        ({"colour": "blue"}, "colour", "unknown field"),
    ],
)
def test_a_broken_lesson_names_the_file_and_the_field(changes, field, problem):
    with pytest.raises(FrontMatterError) as error:
        parse_lesson(lesson(**changes), source="nl/lessons/x.md", language="nl")
    assert str(error.value).startswith(f"nl/lessons/x.md: {field}: {problem}")
    assert (error.value.source, error.value.field) == ("nl/lessons/x.md", field)


def test_a_page_is_read_with_its_defaults():
    meta = {k: v for k, v in PAGE.items() if k not in ("order", "public")}
    file = parse_page(write(meta), source="nl/pages/flare-plan.md", language="nl")
    assert (file.slug, file.order, file.public) == ("plan-bij-opvlamming", 100, True)


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"slug": "Plan Bij"}, "slug"), ({"public": "yes"}, "public"), ({"order": 1.5}, "order")],
)
def test_a_broken_page_names_the_file_and_the_field(changes, field):
    with pytest.raises(FrontMatterError, match=rf"^nl/pages/x.md: {field}: "):
        parse_page(write({**PAGE, **changes}), source="nl/pages/x.md", language="nl")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# Alleen tekst", "the file must start with a line '---'"),
        ("---\nkey: x\nBody", "no closing line '---'"),
        ("---\nkey: [x\n---\nBody", "not valid YAML"),
        ("---\n- x\n---\nBody", "must be a mapping of fields"),
    ],
)
def test_a_file_without_proper_front_matter_is_refused(text, problem):
    with pytest.raises(FrontMatterError, match=f"^x.md: front matter: {problem}"):
        split_front_matter(text, source="x.md")


def test_a_byte_order_mark_and_windows_line_ends_are_read():
    meta, body = split_front_matter("\ufeff---\r\nkey: x\r\n---\r\nBody\r\n", source="x.md")
    assert meta == {"key": "x"} and body == "Body"


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.integers(), max_size=5))
def test_any_mapping_comes_back_as_written(meta):
    text = "---\n" + yaml.safe_dump(meta) + "---\nBody\n"
    assert split_front_matter(text, source="x.md") == (meta, "Body")
