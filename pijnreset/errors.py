"""The shape every app's refusals share: a message safe to show and the HTTP answer."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """`message` is shown to the user as it is (translated at raise time); `status` is the
    HTTP answer. Subclasses set `default_message` and `status`."""

    default_message: str | Promise = _("This could not be done.")
    status = 400

    def __init__(self, message: str | Promise | None = None) -> None:
        self.message = str(message or self.default_message)
        super().__init__(self.message)
