"""The review e-mails, in the reader's language. They name the practice and the
therapist, never a complaint or any other health detail."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from bookings.notifications import absolute
from reviews.models import Review, ReviewInvitation


def invitation_message(invitation: ReviewInvitation, token: str) -> EmailMessage:
    appointment = invitation.appointment
    with translation.override(appointment.language):
        context = {
            "appointment": appointment,
            "practice": appointment.practice,
            "url": absolute(reverse("reviews:write_by_link", args=[token])),
            "expires_at": invitation.expires_at.astimezone(appointment.practice.zone),
        }
        body = render_to_string("reviews/email/invitation.txt", context)
        subject = _("How was your appointment at %(practice)s?") % {
            "practice": appointment.practice.name
        }
        return EmailMessage(subject=subject, body=body, to=[appointment.patient_email])


def rejection_message(review: Review) -> EmailMessage:
    appointment = review.appointment
    with translation.override(appointment.language):
        context = {
            "review": review,
            "practice": review.practice,
            "reason": review.get_reject_reason_display(),
            "account_url": absolute(reverse("reviews:mine")) if review.author_id else "",
        }
        body = render_to_string("reviews/email/rejected.txt", context)
        return EmailMessage(
            subject=_("Your review was not published"), body=body, to=[appointment.patient_email]
        )
