"""The "move my appointment" page, shared by the account and the e-mailed link."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format, time_format

from accounts.models import User
from bookings import actions, availability, requests
from bookings.errors import BookingError, TooManyReschedules
from bookings.forms import RescheduleForm
from bookings.models import Appointment, Kind, LinkHolder


def _kinds(appointment: Appointment) -> list[tuple[str, str]]:
    practice, therapist = appointment.practice, appointment.therapist
    return [
        (kind, str(Kind(kind).label))
        for kind in appointment.appointment_type.kinds
        if practice.offers(kind) and kind in therapist.kinds
    ]


def _asked_day(request: HttpRequest) -> date | None:
    """The `week` parameter: a date (a week that is no date shows this week, never an error)."""
    try:
        return date.fromisoformat(request.GET.get("week", "")[:10])
    except ValueError:
        return None


def reschedule_page(
    request: HttpRequest, appointment: Appointment, actor: User | LinkHolder, *, token: str = ""
) -> HttpResponse:
    now = timezone.now()
    practice = appointment.practice
    week = requests.week_window(_asked_day(request), zone=practice.zone, now=now)
    offered = availability.free_slots(
        practice=practice,
        appointment_type=appointment.appointment_type,
        kind=appointment.kind,
        window_start=week.start,
        window_end=week.end,
        now=now,
        therapists=[appointment.therapist],
        ignore=appointment,
    )
    offered = [slot for slot in offered if slot.start != appointment.start]
    times = [
        (
            requests.iso_z(slot.start),
            f"{date_format(slot.start.astimezone(practice.zone), 'l j F')}, "
            f"{time_format(slot.start.astimezone(practice.zone), 'H:i')}",
        )
        for slot in offered
    ]
    refusal = appointment.reschedule_refusal(actor, now)
    form = RescheduleForm(
        request.POST if request.method == "POST" else None,
        appointment=appointment,
        times=times,
        kinds=_kinds(appointment),
        initial={"kind": appointment.kind, "phone_to_call": appointment.phone_to_call},
    )
    context = {
        "appointment": appointment,
        "token": token,
        "form": form,
        "allowed": refusal is None,
        "refusal": refusal.message if refusal else "",
        "moved_too_often": isinstance(refusal, TooManyReschedules),
        "days": availability.by_day(offered, practice),
        "first": week.first,
        "next_week": week.next,
        "previous_week": week.previous,
    }
    if request.method != "POST":
        return render(request, "bookings/reschedule.html", context)
    if refusal is not None:  # the reason, before any complaint about the form
        return render(request, "bookings/reschedule.html", context, status=refusal.status)
    if not form.is_valid():
        return render(request, "bookings/reschedule.html", context, status=422)
    try:
        appointment = actions.reschedule_appointment(
            appointment=appointment,
            start=form.cleaned_data["start"],
            kind=form.cleaned_data["kind"],
            phone_to_call=form.cleaned_data["phone_to_call"] or None,
            actor=actor,
            now=now,
        )
    except BookingError as error:
        context["error"] = error.message
        return render(request, "bookings/reschedule.html", context, status=error.status)
    private = bool(token) or appointment.shows_private_to(request.user)  # type: ignore[arg-type]
    context = {"appointment": appointment, "show_private": private}
    return render(request, "bookings/rescheduled.html", context)
