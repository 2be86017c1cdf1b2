"""Domain errors of the exercises, with translated, user-safe messages."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ExerciseError(Exception):
    message: str | Promise = _("Something went wrong. Please try again.")

    def __init__(self, message: str | Promise | None = None) -> None:
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class ExercisesPaused(ExerciseError):
    message = _(
        "The exercises are paused until you have seen your GP about what you told us. "
        "Please see your GP first."
    )


class DateOutOfRange(ExerciseError):
    message = _("Choose today or one of the 7 days before.")


class IntentionAlreadyChecked(ExerciseError):
    message = _("You already looked back on this week's intention. A new week brings a new one.")


class QuotaNotOffered(ExerciseError):
    message = _(
        "This choice is not offered (any more). The page now shows what fits your last days."
    )


class QuotaMinutesOutOfRange(ExerciseError):
    message = _("Choose a number of minutes within the range shown.")


class SessionInvalid(ExerciseError):
    """A session sent from the device with values outside the pages' windows, per field."""

    message = _("Some values of this session are not possible.")

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__()
