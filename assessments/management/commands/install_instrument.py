"""`manage.py install_instrument FILE`: install a licensed questionnaire wording.

FILE is YAML or JSON: either a wording file for a shipped structure (the official FIQR
text, say: `items` maps each item key to its texts) or a whole definition whose scoring
function exists. See docs/instruments.md. No code changes are needed.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from assessments import actions
from assessments.definitions import DefinitionError


class Command(BaseCommand):
    help = "Install a licensed questionnaire wording or definition from a YAML or JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the wording or definition file")

    def handle(self, *args: object, **options: object) -> None:
        path = options["file"]
        assert isinstance(path, Path)
        try:
            actions.load_instruments(now=timezone.now())  # the structure it lays over
            instrument = actions.install_instrument(
                raw=actions.read_definition_file(path), now=timezone.now()
            )
        except DefinitionError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        languages = ", ".join(instrument.parsed().languages) or "none"
        self.stdout.write(
            self.style.SUCCESS(
                f"Installed {instrument.key} {instrument.version} (languages: {languages}); "
                "it is now the current version."
            )
        )
