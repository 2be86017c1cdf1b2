"""Booking for visitors and patients: choose a time, book or hold it, confirm, change.

Changes by e-mailed link open a confirmation page on GET and happen only on
a POST with CSRF (mail scanners open links). A wrong, used or expired link
always gives the same page.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from bookings import access, actions, links, offer
from bookings.errors import BookingError, SlotTaken
from bookings.forms import GuestForm, PhoneForm, SlotForm, SlotQueryForm
from bookings.models import (
    Appointment,
    AppointmentLink,
    Kind,
    LinkHolder,
    LinkPurpose,
    Status,
    format_span,
)
from bookings.reschedule import reschedule_page
from pijnreset import ratelimit
from pijnreset.http import AuthenticatedRequest
from practices.models import Practice


def _listed_practice(practice_id: str) -> Practice:
    return get_object_or_404(Practice.objects.listed(), public_id=practice_id)


@require_GET
def slots(request: HttpRequest, practice_id: str) -> HttpResponse:
    """Free times: the way first, then the appointment types that can take place that way."""
    practice = _listed_practice(practice_id)
    asked = SlotQueryForm(request.GET).asked()
    # "Choose this way" (without JavaScript) asks for the kind alone: its first type follows.
    type_slug = None if request.GET.get("step") == "kind" else asked["type"]
    context = offer.booking_context(
        practice, kind=asked["kind"], type_slug=type_slug, week=asked["week"]
    )
    return render(request, "bookings/slots.html", context)


def book(request: HttpRequest, practice_id: str) -> HttpResponse:
    """The chosen time: a patient books it at once, a guest holds it and confirms by e-mail."""
    practice = _listed_practice(practice_id)
    # The chosen time travels in the address (GET), the visitor's details in the POST body.
    slot_form = SlotForm(request.GET, practice=practice)
    if not slot_form.is_valid():
        reasons = [reason for found in slot_form.errors.values() for reason in found]
        context = {"practice": practice, "reasons": reasons}
        return render(request, "bookings/book_invalid.html", context, status=422)
    chosen = slot_form.cleaned_data
    details = _details_form(request, chosen["kind"])
    context = {"practice": practice, "slot_form": slot_form, "details": details, "chosen": chosen}
    context |= {"when": _when(chosen, practice), "kind_label": Kind(chosen["kind"]).label}
    # The same line as Appointment.free_cancel_deadline: from here on, only by phone.
    cancel_deadline = chosen["start"] - timedelta(hours=practice.free_cancel_hours)
    context["within_notice"] = timezone.now() >= cancel_deadline
    if request.method != "POST":
        return render(request, "bookings/book.html", context)
    if details is not None and not details.is_valid():
        return render(request, "bookings/book.html", context, status=422)
    extra = details.cleaned_data if details is not None else {}
    refusal = _count_booking(request, practice, extra)
    if refusal is not None:
        context["error"] = refusal.message
        return ratelimit.refuse_page(request, refusal, "bookings/book.html", context)
    own_hold = _own_hold(request, chosen, email=extra.get("email", "")) if extra else None
    if own_hold is not None:  # the guest picked their own held time again: carry on
        request.session["held_appointment"] = str(own_hold.public_id)
        return redirect("bookings:held")
    try:
        appointment = actions.book_slot(
            practice=practice,
            therapist=chosen["therapist"],
            appointment_type=chosen["appointment_type"],
            kind=chosen["kind"],
            start=chosen["start"],
            now=timezone.now(),
            patient=request.user if request.user.is_authenticated else None,  # type: ignore[arg-type]
            guest=actions.Guest(**extra) if isinstance(details, GuestForm) else None,
            phone_to_call=extra.get("phone_to_call", ""),
            language=(get_language() or "nl")[:2],
        )
    except BookingError as error:
        context["error"] = error.message
        context["taken"] = isinstance(error, SlotTaken)
        return render(request, "bookings/book.html", context, status=error.status)
    if appointment.is_held:
        request.session["held_appointment"] = str(appointment.public_id)
        return redirect("bookings:held")
    messages.success(
        request, _("Your appointment is booked. We sent you an e-mail with the details.")
    )
    return redirect(appointment)


def _count_booking(
    request: HttpRequest, practice: Practice, extra: dict[str, Any]
) -> ratelimit.Refusal | None:
    """A patient's booking counts per account; a guest's hold per address, e-mail and practice."""
    if request.user.is_authenticated:
        return ratelimit.hit(request, "booking")
    subjects = {"email": extra["email"], "practice": str(practice.public_id)}
    return ratelimit.hit(request, "guest_hold", subjects=subjects)


def _own_hold(request: HttpRequest, chosen: dict[str, Any], *, email: str) -> Appointment | None:
    """A guest's own unexpired hold of this very time: made in this browser, or under
    the same e-mail address (the confirmation goes to that address either way)."""
    if request.user.is_authenticated:
        return None
    hold = (
        Appointment.objects.holding(
            therapist=chosen["therapist"], start=chosen["start"], now=timezone.now()
        )
        .filter(appointment_type=chosen["appointment_type"], kind=chosen["kind"])
        .first()
    )
    if hold is None:
        return None
    in_session = request.session.get("held_appointment") == str(hold.public_id)
    same_address = bool(email) and hold.guest_email.casefold() == email.casefold()
    return hold if in_session or same_address else None


def _details_form(request: HttpRequest, kind: str) -> GuestForm | PhoneForm | None:
    data = request.POST if request.method == "POST" else None
    if not request.user.is_authenticated:
        return GuestForm(data)
    return PhoneForm(data) if kind == Kind.PHONE else None


def _when(chosen: dict[str, Any], practice: Practice) -> str:
    start: datetime = chosen["start"]
    end = start + chosen["appointment_type"].duration
    return format_span(start.astimezone(practice.zone), end.astimezone(practice.zone))


def _session_hold(request: HttpRequest) -> Appointment | None:
    """The guest's hold made in this browser, still held or just lapsed."""
    public_id = request.session.get("held_appointment")
    if not public_id:
        return None
    return (
        Appointment.objects.filter(
            public_id=public_id, status__in=[Status.HELD, Status.EXPIRED], patient__isnull=True
        )
        .select_related("practice", "therapist", "appointment_type")
        .first()
    )


def _held_page(
    request: HttpRequest, appointment: Appointment | None, *, error: str = "", status: int = 200
) -> HttpResponse:
    now = timezone.now()
    context: dict[str, object] = {"appointment": appointment, "error": error}
    if appointment is not None and appointment.hold_expires_at is not None:
        seconds_left = int((appointment.hold_expires_at - now).total_seconds())
        context |= {
            "seconds_left": max(seconds_left, 0),
            "lapsed": appointment.status == Status.EXPIRED or seconds_left <= 0,
            "may_extend": appointment.hold_extended_at is None,
        }
    return render(request, "bookings/held.html", context, status=status)


@require_GET
def held(request: HttpRequest) -> HttpResponse:
    """After a guest's booking: check your e-mail (the held time, if this browser made it)."""
    return _held_page(request, _session_hold(request))


@require_POST
def extend_hold(request: HttpRequest) -> HttpResponse:
    """Hold the time 30 minutes longer, once (this browser's own hold only)."""
    appointment = _session_hold(request)
    if appointment is None:
        return _held_page(request, None, status=404)
    try:
        actions.extend_hold(appointment=appointment, now=timezone.now())
    except BookingError as error:
        return _held_page(request, appointment, error=error.message, status=error.status)
    messages.success(request, _("We are holding the time 30 minutes longer."))
    return redirect("bookings:held")


# -- links from e-mails ----------------------------------------------------------


def _find_link(request: HttpRequest, token: str, purpose: str) -> AppointmentLink | HttpResponse:
    """The link's row, or the one page for every link that does not work (429 after many)."""
    link = links.find_link(token, purpose=purpose, now=timezone.now())
    if link is not None:
        return link
    refusal = links.count_wrong_guess(request, token)
    if refusal is not None:
        return ratelimit.refuse_page(request, refusal, "bookings/link_dead.html", {"limited": True})
    return render(request, "bookings/link_dead.html", status=404)


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    link = _find_link(request, token, LinkPurpose.CONFIRM)
    if isinstance(link, HttpResponse):
        return link
    if request.method != "POST":
        return render(request, "bookings/confirm.html", {"appointment": link.appointment})
    try:
        appointment = actions.confirm_hold(link=link, now=timezone.now())
    except BookingError as error:
        return render(
            request, "bookings/message.html", {"message": error.message}, status=error.status
        )
    request.session.pop("held_appointment", None)
    return render(request, "bookings/confirmed.html", {"appointment": appointment})


def manage_link(request: HttpRequest, token: str) -> HttpResponse:
    link = _find_link(request, token, LinkPurpose.MANAGE)
    if isinstance(link, HttpResponse):
        return link
    context = _detail_context(link.appointment, access.link_holder(link), token=token)
    return render(request, "bookings/appointment.html", context)


def link_cancel(request: HttpRequest, token: str) -> HttpResponse:
    link = _find_link(request, token, LinkPurpose.MANAGE)
    if isinstance(link, HttpResponse):
        return link
    return _cancel_page(request, link.appointment, access.link_holder(link), token=token)


def link_reschedule(request: HttpRequest, token: str) -> HttpResponse:
    link = _find_link(request, token, LinkPurpose.MANAGE)
    if isinstance(link, HttpResponse):
        return link
    return reschedule_page(request, link.appointment, access.link_holder(link), token=token)


# -- the patient's own appointments (and the practice's, for its staff) ----------


@login_required
@require_GET
def mine(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    own = Appointment.objects.of_patient(request.user).select_related(
        "practice", "therapist", "appointment_type"
    )
    context = {
        "upcoming": own.filter(start__gte=now)
        .exclude(status=Status.EXPIRED)
        .order_by("start")[:50],
        "past": own.filter(start__lt=now).exclude(status=Status.EXPIRED).order_by("-start")[:50],
    }
    return render(request, "bookings/mine.html", context)


@login_required
@require_GET
def appointment_detail(request: AuthenticatedRequest, appointment_id: str) -> HttpResponse:
    appointment = access.appointment_for(request.user, appointment_id)
    context = _detail_context(appointment, request.user)
    return render(request, "bookings/appointment.html", context)


@login_required
def cancel(request: AuthenticatedRequest, appointment_id: str) -> HttpResponse:
    appointment = access.appointment_for(request.user, appointment_id)
    return _cancel_page(request, appointment, request.user)


@login_required
def reschedule(request: AuthenticatedRequest, appointment_id: str) -> HttpResponse:
    appointment = access.appointment_for(request.user, appointment_id)
    return reschedule_page(request, appointment, request.user)


def _detail_context(
    appointment: Appointment, actor: User | LinkHolder, *, token: str = ""
) -> dict[str, object]:
    """Who is looking (the patient, by account or link, or the practice) and what the
    model says they may do."""
    now = timezone.now()
    is_patient = appointment.acts_as_patient(actor)
    may_reschedule = appointment.can_reschedule(actor, now)
    return {
        "appointment": appointment,
        "token": token,
        "show_private": isinstance(actor, LinkHolder) or appointment.shows_private_to(actor),
        "is_patient": is_patient,
        "is_staff": appointment.acts_for_practice(actor),
        "may_change": appointment.can_cancel(actor, now),
        "may_reschedule": may_reschedule,
        "may_mark_outcome": appointment.can_mark_outcome(actor, now),
    }


def _cancel_page(
    request: HttpRequest, appointment: Appointment, actor: User | LinkHolder, *, token: str = ""
) -> HttpResponse:
    context = _detail_context(appointment, actor, token=token)
    if request.method != "POST":
        return render(request, "bookings/cancel.html", context)
    try:
        appointment = actions.cancel_appointment(
            appointment=appointment, actor=actor, now=timezone.now()
        )
    except BookingError as error:
        context["error"] = error.message
        return render(request, "bookings/cancel.html", context, status=error.status)
    return render(request, "bookings/cancelled.html", {"appointment": appointment})
