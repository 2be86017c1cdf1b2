"""The e-mails about appointments, each in the reader's language and the practice's time.

Only `bookings.tasks` calls these, after the booking's transaction committed.
E-mails never mention a complaint or other health detail.
"""

from __future__ import annotations

from datetime import datetime
from email.mime.text import MIMEText
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from bookings.invites import Invite, Method, build_invite
from bookings.links import mint_link
from bookings.models import Appointment, Kind, LinkPurpose
from push.delivery import Notification


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _organizer_email(appointment: Appointment) -> str:
    return appointment.practice.email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def invite_for(appointment: Appointment, *, method: Method, now: datetime) -> bytes:
    """The calendar invite: summary and description hold no health detail.

    A calendar may be shared, so the invite never carries the e-mailed manage
    link (its token cancels the appointment): a patient with an account gets
    the appointment page, which asks them to log in; a guest is pointed to
    the link in their e-mail.
    """
    practice = appointment.practice
    kind = Kind(appointment.kind)
    if kind == Kind.VIDEO:
        location = appointment.video_url
    elif kind == Kind.PHONE:
        location = _("By phone: %(practice)s calls you") % {"practice": practice.name}
    else:
        location = f"{practice.name}, {practice.street}, {practice.postcode} {practice.place}"
    description = _("%(kind)s with %(therapist)s.") % {
        "kind": kind.label,
        "therapist": appointment.therapist.name,
    }
    page_url = absolute(appointment.get_absolute_url()) if appointment.patient_id else ""
    if method == "REQUEST" and page_url:
        description += "\n" + _("Cancel or move (after logging in): %(url)s") % {"url": page_url}
    elif method == "REQUEST":
        description += "\n" + _("To cancel or move, use the link in your e-mail.")
    return build_invite(
        Invite(
            uid=f"{appointment.public_id}@pijnreset",
            sequence=appointment.sequence,
            method=method,
            start=appointment.start,
            end=appointment.end,
            zone=practice.zone,
            stamp=now,
            summary=_("Appointment at %(practice)s") % {"practice": practice.name},
            description=description,
            location=location,
            organizer_name=practice.name,
            organizer_email=_organizer_email(appointment),
            attendee_name=appointment.patient_name,
            attendee_email=appointment.patient_email,
            url=page_url,
        )
    )


def calendar_part(ics: bytes, method: Method) -> MIMEText:
    """text/calendar with the same method= as the calendar's METHOD (RFC 6047)."""
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="afspraak.ics")
    return part


def _message(subject: str, template: str, context: dict[str, object], to: str) -> EmailMessage:
    body = render_to_string(f"bookings/email/{template}.txt", context)
    return EmailMessage(subject=subject, body=body, to=[to])


def manage_url_for(appointment: Appointment, *, now: datetime) -> str:
    """A fresh manage link, valid until the appointment starts (or empty once it has)."""
    if appointment.start <= now:
        return ""
    token = mint_link(
        appointment=appointment, purpose=LinkPurpose.MANAGE, now=now, expires_at=appointment.start
    )
    return absolute(reverse("bookings:link", args=[token]))


def hold_link_message(appointment: Appointment, *, now: datetime) -> EmailMessage:
    if appointment.hold_expires_at is None:
        raise ValueError("Only a held appointment has a confirmation link.")
    with translation.override(appointment.language):
        token = mint_link(
            appointment=appointment,
            purpose=LinkPurpose.CONFIRM,
            now=now,
            expires_at=appointment.hold_expires_at,
        )
        url = absolute(reverse("bookings:confirm", args=[token]))
        context = {"appointment": appointment, "url": url, "practice": appointment.practice}
        return _message(
            _("Please confirm your appointment"), "hold_link", context, appointment.patient_email
        )


PATIENT_SUBJECTS = {
    "booked": lambda: _("Your appointment is booked"),
    "rescheduled": lambda: _("Your appointment has moved"),
    "cancelled": lambda: _("Your appointment is cancelled"),
}


def patient_update_message(appointment: Appointment, *, event: str, now: datetime) -> EmailMessage:
    """Confirmation, move or cancellation, with the invite in the same life (UID, SEQUENCE)."""
    with translation.override(appointment.language):
        method: Method = "CANCEL" if event == "cancelled" else "REQUEST"
        manage_url = "" if event == "cancelled" else manage_url_for(appointment, now=now)
        context = {
            "appointment": appointment,
            "practice": appointment.practice,
            "event": event,
            "manage_url": manage_url,
        }
        message = _message(
            PATIENT_SUBJECTS[event](), f"patient_{event}", context, appointment.patient_email
        )
        message.attach(calendar_part(invite_for(appointment, method=method, now=now), method))
        if appointment.practice.email:
            message.reply_to = [appointment.practice.email]
        return message


THERAPIST_SUBJECTS = {
    "booked": lambda: _("New appointment"),
    "rescheduled": lambda: _("Appointment moved"),
    "cancelled": lambda: _("Appointment cancelled"),
}


def therapist_notice_message(appointment: Appointment, *, event: str) -> EmailMessage | None:
    therapist = appointment.therapist
    address = therapist.notice_email
    if not address:
        return None
    language = therapist.user.preferred_language if therapist.user else "nl"
    with translation.override(language):
        agenda = absolute(reverse("bookings:agenda", args=[appointment.practice.public_id]))
        context = {
            "appointment": appointment,
            "practice": appointment.practice,
            "event": event,
            "agenda_url": agenda,
        }
        return _message(THERAPIST_SUBJECTS[event](), "therapist_notice", context, address)


def reminder_message(appointment: Appointment, *, now: datetime) -> EmailMessage:
    with translation.override(appointment.language):
        context = {
            "appointment": appointment,
            "practice": appointment.practice,
            "manage_url": manage_url_for(appointment, now=now),
        }
        return _message(
            _("Reminder: your appointment"), "reminder", context, appointment.patient_email
        )


def reminder_notification(appointment: Appointment, *, now: datetime) -> Notification:
    """The reminder as a notification on the patient's devices: day and time only (the
    practice's time), no practice, therapist or reason; a click opens the appointment."""
    zone = appointment.practice.zone
    start = appointment.start.astimezone(zone)
    days_ahead = (start.date() - now.astimezone(zone).date()).days
    with translation.override(appointment.language):
        time = formats.time_format(start, "H:i")
        if days_ahead == 0:
            title = _("Reminder: appointment today at %(time)s") % {"time": time}
        elif days_ahead == 1:
            title = _("Reminder: appointment tomorrow at %(time)s") % {"time": time}
        else:
            title = _("Reminder: appointment on %(date)s at %(time)s") % {
                "date": formats.date_format(start, "l j F"),
                "time": time,
            }
        url = appointment.get_absolute_url()
    return Notification(
        title=title,
        url=url,
        tag=f"appointment-{appointment.public_id}",
        ttl=max(60, int((appointment.start - now).total_seconds())),
    )
