"""Refusals of reviews and stories, each with a translated message that is safe to show."""

from django.utils.translation import gettext_lazy as _

from pijnreset.errors import DomainError


class ReviewError(DomainError):
    """Base class of the refusals of reviews and stories."""


class NotYours(ReviewError):
    default_message = _("This is not yours to change.")
    status = 404


class NotEligible(ReviewError):
    default_message = _(
        "You can write a review only about an appointment that took place. "
        "Not after a cancelled or missed appointment, and not before it."
    )
    status = 409


class AlreadyReviewed(ReviewError):
    default_message = _(
        "There is already a review of this appointment. You can change it in your account."
    )
    status = 409


class LinkDoesNotWork(ReviewError):
    default_message = _(
        "This link does not work (any more). A link works once and for 30 days. "
        "If you have an account, you can write your review from your appointments."
    )
    status = 410


class NotNow(ReviewError):
    default_message = _("This has already been decided, or cannot be done in this state.")
    status = 409


class ReplyRevealsCare(ReviewError):
    status = 422

    def __init__(self, found: list[str]) -> None:
        self.found = found
        super().__init__(
            str(
                _(
                    "A reply must not say anything about the reviewer's health or care. "
                    "Please leave out: %(words)s."
                )
            )
            % {"words": ", ".join(found)}
        )
