"""Domain errors of practice management, each with a translated message safe to show."""

from django.utils.translation import gettext_lazy as _

from pijnreset.errors import DomainError


class PracticeError(DomainError):
    """Base class of the refusals of practice management."""


class NotManager(PracticeError):
    """Someone who does not manage the practice: answered like a practice that does not exist."""

    default_message = _("There is no such practice.")
    status = 404
