"""Domain exceptions of the programme, with translated, user-safe messages."""

from django.utils.translation import gettext_lazy as _


class ProgrammeError(Exception):
    message = _("That did not work. Please try again.")

    def __str__(self) -> str:
        return str(self.message)


class StartDateNotAllowed(ProgrammeError):
    message = _("Choose a start date from today up to two weeks ahead.")


class NotStartedYet(ProgrammeError):
    message = _("Your programme has not started yet, so there is nothing to pause.")
