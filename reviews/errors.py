"""Refusals of reviews and stories, each with a translated message that is safe to show."""

from django.utils.translation import gettext_lazy as _


class ReviewError(Exception):
    """Base class: `message` is shown as it is; `status` is the HTTP answer."""

    default_message = _("This could not be done.")
    status = 400

    def __init__(self, message: str | None = None) -> None:
        self.message = str(message or self.default_message)
        super().__init__(self.message)


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
