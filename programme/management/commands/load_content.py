"""Load the lessons, pages and exercise scripts from content/ into the database.

The one content pipeline: each file is read by content/frontmatter.py and its
Markdown rendered by content/rendering.py while loading, so requests only show HTML.

Idempotent: loading twice changes nothing; a changed text keeps everyone's
progress (rows are keyed by `key`). Editors can change a text and run this
again without a deploy.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from content.frontmatter import ContentError
from programme import actions


class Command(BaseCommand):
    help = "Load lessons, pages and exercise scripts from the content folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=settings.BASE_DIR / "content",
            help="The folder with nl/ and en/ (default: content/ in the project).",
        )

    def handle(self, *args: object, **options: object) -> None:
        content_dir = options["content_dir"]
        assert isinstance(content_dir, Path)
        if not content_dir.is_dir():
            raise CommandError(f"No content folder at {content_dir}")
        try:
            report = actions.load_content(content_dir=content_dir, now=timezone.now())
        except ContentError as exc:  # names the file and the field (content/frontmatter.py)
            raise CommandError(f"Nothing loaded: {exc}") from exc
        self.stdout.write(
            f"Lessons: {report.lessons_changed} loaded or changed, "
            f"{report.lessons_unchanged} unchanged, {report.lessons_retired} retired."
        )
        self.stdout.write(
            f"Pages: {report.pages_changed} loaded or changed, "
            f"{report.pages_unchanged} unchanged, {report.pages_removed} removed."
        )
        self.stdout.write(f"Exercise scripts: {report.scripts} in the database.")
