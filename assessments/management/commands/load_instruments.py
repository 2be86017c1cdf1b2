"""`manage.py load_instruments`: load the shipped questionnaire definitions. Idempotent."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments import actions
from assessments.definitions import DefinitionError


class Command(BaseCommand):
    help = "Load or refresh the questionnaires that ship with pijnreset (run after migrate)."

    def handle(self, *args: object, **options: object) -> None:
        try:
            loaded = actions.load_instruments(now=timezone.now())
        except DefinitionError as exc:
            raise CommandError(str(exc)) from exc
        for instrument in loaded:
            state = "current" if instrument.is_current else "kept (an installed version is current)"
            wording = "" if instrument.has_wording else ", structure only"
            self.stdout.write(f"{instrument.key} {instrument.version}: {state}{wording}")
