"""Finding the programme's lesson and page files under content/ (pure: no Django).

The files are read by the one front-matter reader (content/frontmatter.py)
and their bodies rendered by the one renderer (content/rendering.py) when
`programme.actions.load_content` stores them; docs/content-format.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from content.frontmatter import (
    LANGUAGES,
    ContentError,
    FrontMatterError,
    LessonFile,
    PageFile,
    parse_lesson,
    parse_page,
)

__all__ = [
    "ContentError",
    "FrontMatterError",
    "LessonFile",
    "PageFile",
    "lesson_files",
    "page_files",
]

File = TypeVar("File")


def lesson_files(content_dir: Path) -> Iterator[LessonFile]:
    """Every lesson of content/<lang>/lessons/, Dutch first, in file-name order."""
    return _files(content_dir, "lessons", parse_lesson)


def page_files(content_dir: Path) -> Iterator[PageFile]:
    """Every page of content/<lang>/pages/, Dutch first, in file-name order."""
    return _files(content_dir, "pages", parse_page)


def _files(content_dir: Path, folder: str, parse: Callable[..., File]) -> Iterator[File]:
    for language in LANGUAGES:
        for path in sorted((content_dir / language / folder).glob("*.md")):
            if path.name.lower() == "readme.md":
                continue
            source = str(path.relative_to(content_dir))
            yield parse(path.read_text(encoding="utf-8"), source=source, language=language)
