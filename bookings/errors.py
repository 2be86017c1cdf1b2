"""Domain errors of booking, each with a translated message that is safe to show."""

from django.utils.translation import gettext_lazy as _

from pijnreset.errors import DomainError


class BookingError(DomainError):
    """Base class of booking's refusals."""


class SlotTaken(BookingError):
    default_message = _("This time has just been taken. Please choose another time.")
    status = 409


class PatientBusy(BookingError):
    """The patient already has an appointment (with any therapist) at an overlapping time."""

    default_message = _("You already have an appointment at that time.")
    status = 409


class TimeBlocked(SlotTaken):
    """The therapist blocked this time, or the practice is closed that day (not a race)."""

    default_message = _("This time is not available. Please choose another time.")


class SlotNotOffered(BookingError):
    default_message = _(
        "This time cannot be booked: it is in the past, too soon, too far ahead or outside "
        "the therapist's working hours. Please choose one of the times shown."
    )
    status = 422


class KindNotOffered(BookingError):
    default_message = _("This practice or therapist does not offer this kind of appointment.")
    status = 422


class HoldExpired(BookingError):
    default_message = _(
        "This link has expired: the time was held for 30 minutes. Please book again."
    )
    status = 410


class HoldExtendedOnce(BookingError):
    default_message = _(
        "This time can be held longer only once. Please confirm it with the link in your e-mail."
    )
    status = 409


class ChangeTooLate(BookingError):
    default_message = _(
        "It is too late to change this appointment online. Please call the practice."
    )
    status = 409


class TooManyReschedules(BookingError):
    default_message = _(
        "This appointment has been moved as often as the practice allows. Please call the practice."
    )
    status = 409


class NotAllowed(BookingError):
    default_message = _("This is not possible for this appointment.")
    status = 409


class TooManyUpcoming(BookingError):
    default_message = _(
        "You already have as many upcoming appointments at this practice as can be booked "
        "online. Please cancel one first, or call the practice."
    )
    status = 409


class NotYours(BookingError):
    """Someone who is neither the appointment's patient, nor its link holder, nor the
    practice's staff: answered like an appointment that does not exist."""

    default_message = _("There is no such appointment.")
    status = 404


class OutcomeTooEarly(BookingError):
    default_message = _("This appointment has not started yet.")
    status = 409
