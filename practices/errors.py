"""Domain errors of practice management, each with a translated message safe to show."""

from django.utils.translation import gettext_lazy as _


class PracticeError(Exception):
    """Base class: `message` is shown to the user as it is; `status` is the HTTP answer."""

    default_message = _("This could not be done.")
    status = 400

    def __init__(self, message: str | None = None) -> None:
        self.message = str(message or self.default_message)
        super().__init__(self.message)


class NotManager(PracticeError):
    """Someone who does not manage the practice: answered like a practice that does not exist."""

    default_message = _("There is no such practice.")
    status = 404
