"""Domain exceptions of the diary, with translated, user-safe messages."""

from django.utils.translation import gettext_lazy as _


class CheckInError(Exception):
    """A check-in that cannot be saved; `errors` maps field name -> message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


DATE_MESSAGES = {
    "future": _("This day has not come yet. You can fill in today and the 7 days before."),
    "too_old": _("This day is more than 7 days ago. You can fill in today and the 7 days before."),
}
VALUE_MESSAGES = {
    "required": _("Please choose how much pain you have (0 to 10)."),
    "range": _("Choose a number from 0 to 10."),
    "too_long": _("The note can be at most 2000 characters."),
    "unknown": _("One of the places is not on the body map."),
    "twice": _("A place is chosen twice."),
}


class CheckInDateError(CheckInError):
    def __init__(self, problem: str) -> None:
        super().__init__({"date": str(DATE_MESSAGES[problem])})
        self.problem = problem


class InvalidCheckIn(CheckInError):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__({field: str(VALUE_MESSAGES[code]) for field, code in problems.items()})
        self.problems = problems


class NothingToCopy(Exception):
    """'Same as yesterday' without a check-in yesterday."""

    message = _("There is no check-in from the day before to copy.")
