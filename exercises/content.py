"""Loading the exercise scripts from content/<lang>/exercises/<key>.md.

`manage.py load_content` (programme app) calls `load_scripts`.
"""

from pathlib import Path

from django.db import transaction

from content.rendering import render_markdown
from exercises.models import ExerciseScript
from exercises.scripts import KEYS, LANGUAGES, Script, ScriptError, check_pair, parse_script


def read_scripts(*, content_dir: Path) -> list[Script]:
    """Parse and check every script under `content_dir`; raise ScriptError on the first problem.

    A script must exist in every language (same file name), the file name is
    its key, and the two languages share their evidence label and timings.
    """
    found: dict[tuple[str, str], Script] = {}
    for language in LANGUAGES:
        folder = content_dir / language / "exercises"
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            name = _display(path, content_dir)
            if path.stem not in KEYS:
                raise ScriptError(name, "file name", f"must be one of {', '.join(KEYS)}.md")
            text = path.read_text(encoding="utf-8")
            found[(path.stem, language)] = parse_script(
                text, path=name, language=language, key=path.stem
            )
    for key in sorted({key for key, _language in found}):
        present = [language for language in LANGUAGES if (key, language) in found]
        if len(present) != len(LANGUAGES):
            missing = next(language for language in LANGUAGES if language not in present)
            raise ScriptError(
                _display(content_dir / missing / "exercises" / f"{key}.md", content_dir),
                "file",
                f"missing (the script exists in {', '.join(present)})",
            )
        first, *others = (found[(key, language)] for language in LANGUAGES)
        for other in others:
            other_path = content_dir / other.language / "exercises" / f"{key}.md"
            check_pair(first, other, path=_display(other_path, content_dir))
    return list(found.values())


def _display(path: Path, content_dir: Path) -> str:
    """The file's name as people know it: 'content/nl/exercises/pmr.md'."""
    return str(Path(content_dir.name) / path.relative_to(content_dir))


def load_scripts(*, content_dir: Path) -> int:
    """Load every exercise script into the database; returns how many scripts there are.

    The introduction is rendered to sanitised HTML here, once (content/rendering.py).
    Idempotent and keyed by (key, language): loading twice changes nothing, and
    a changed text updates its row (sessions and journals refer to the key, so
    nobody's history is touched). Transaction: all files are checked first;
    the writes happen in one atomic block, so a bad file loads nothing.
    """
    scripts = read_scripts(content_dir=content_dir)
    with transaction.atomic():
        for script in scripts:
            values = {
                "title": script.title,
                "evidence": script.evidence,
                "summary": script.summary,
                "intro": script.intro,
                "intro_html": render_markdown(script.intro),
                "data": script.data,
            }
            row = ExerciseScript.objects.filter(key=script.key, language=script.language).first()
            if row is None:
                ExerciseScript.objects.create(key=script.key, language=script.language, **values)
            elif any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                row.save(update_fields=list(values))
    return len(scripts)
