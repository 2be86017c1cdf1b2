"""Refusals of the care actions, each with a message for people."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "ends_before_start": _("The end date is before the start. Choose a later end date."),
    "empty": _("Please write something first."),
    "too_long": _("This is too long. Please make it shorter."),
    "unknown_homework": _("Choose a lesson or exercise from the list."),
    "unknown_code": _(
        "We do not know this practice code. Check it with your practice, or choose "
        "a therapist from the list."
    ),
    "not_bookable": _("You cannot share with this therapist from here."),
}


class CareError(Exception):
    """A care action was refused; `code` names why, `message` says it kindly."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(str(MESSAGES[code]))

    @property
    def message(self) -> str:
        return str(MESSAGES[self.code])


class UnknownPracticeCode(CareError):
    def __init__(self) -> None:
        super().__init__("unknown_code")


class NotBookable(CareError):
    def __init__(self) -> None:
        super().__init__("not_bookable")
