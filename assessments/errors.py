"""Domain exceptions of the assessments app, with translated, user-safe messages."""

from typing import Any

from django.utils.translation import gettext_lazy as _


class AssessmentError(Exception):
    message: Any = _("Something went wrong with this questionnaire.")

    def __init__(self, message: object = None) -> None:
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class ResponseLocked(AssessmentError):
    """A submitted response is never changed; a correction is a new response."""

    message = _("This questionnaire has already been sent. Your answers can no longer be changed.")


class InstrumentUnavailable(AssessmentError):
    message = _("This questionnaire is not available.")


class AnswersIncomplete(AssessmentError):
    """Submitting needs every required answer; ``item_key`` is the first one missing."""

    message = _("Please answer this question first.")

    def __init__(self, item_key: str, message: object = None) -> None:
        self.item_key = item_key
        super().__init__(message)


class NotAwaitingDoctor(AssessmentError):
    message = _("There is nothing to confirm here.")
