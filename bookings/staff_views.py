"""For therapists and practice managers: the agenda, blocked time, outcomes, hours, types."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from bookings import access, actions, requests, staff_actions
from bookings.errors import BookingError
from bookings.forms import AgendaForm, AppointmentTypeFormSet, BlockTimeForm
from bookings.models import Appointment, AppointmentType, BlockedTime, Status, WorkingHours
from pijnreset.http import AuthenticatedRequest
from practices.access import practice_managed_by, practice_staffed_by, therapist_at
from practices.models import Practice
from practices.weekgrid import WeeklyHoursForm


@login_required
@require_GET
def agenda_home(request: AuthenticatedRequest) -> HttpResponse:
    practices = list(Practice.objects.staffed_by(request.user).order_by("name")[:100])
    if not practices:
        raise Http404
    if len(practices) == 1:
        return redirect("bookings:agenda", practice_id=practices[0].public_id)
    return render(request, "bookings/agenda_home.html", {"practices": practices})


@login_required
@require_GET
def agenda(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    """From today: the next 7 days (or one day), of the therapist who is looking unless
    they choose someone else or everyone (an empty `therapist`)."""
    practice = practice_staffed_by(request.user, practice_id)
    now = timezone.now()
    today = now.astimezone(practice.zone).date()
    form = AgendaForm(
        request.GET or None, practice=practice, initial={"date": today, "view": "week"}
    )
    data = form.cleaned_data if form.is_valid() else {}
    view = data.get("view") or "week"
    window = requests.week_window(
        data.get("date"),
        zone=practice.zone,
        now=now,
        past_allowed=True,
        length=7 if view == "week" else 1,
    )
    days, start, end = window.days, window.start, window.end
    own = access.own_therapist_at(request.user, practice)
    # No choice made yet (no `therapist` in the address): the own agenda first.
    therapist = data.get("therapist") if "therapist" in request.GET else own
    appointments = Appointment.objects.in_agenda(
        practice=practice, start=start, end=end, therapist=therapist
    )
    blocks = BlockedTime.objects.filter(therapist__practices=practice, start__lt=end, end__gt=start)
    if therapist is not None:
        blocks = blocks.filter(therapist=therapist)
    by_day = {day: [] for day in days}  # type: dict[object, list[Appointment]]
    for appointment in appointments:
        by_day.setdefault(appointment.local_start().date(), []).append(appointment)
    if therapist is not None and not form.is_bound:
        form = AgendaForm(
            practice=practice, initial={"date": today, "view": "week", "therapist": therapist}
        )
    context = {
        "practice": practice,
        "form": form,
        "view": view,
        "days": [(day, by_day.get(day, [])) for day in days],
        "blocks": blocks.select_related("therapist").order_by("start"),
        "previous": window.previous,
        "next": window.next,
        "today": today,
        "therapist": therapist,
        "own": own,
        "may_manage": practice.is_managed_by(request.user),
    }
    return render(request, "bookings/agenda.html", context)


@login_required
def block(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    practice = practice_staffed_by(request.user, practice_id)
    therapists = access.blockable_therapists(request.user, practice)
    form = BlockTimeForm(request.POST or None, practice=practice, therapists=therapists)
    if request.method != "POST":
        return render(request, "bookings/block.html", {"practice": practice, "form": form})
    if not form.is_valid():
        return render(
            request, "bookings/block.html", {"practice": practice, "form": form}, status=422
        )
    _block, inside = actions.block_time(
        actor=request.user,
        therapist=form.cleaned_data["therapist"],
        start=form.cleaned_data["start"],
        end=form.cleaned_data["end"],
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("The time is blocked."))
    if inside:
        messages.warning(
            request,
            ngettext(
                "%(count)d booked appointment falls in this time. It still stands: "
                "cancel it if needed.",
                "%(count)d booked appointments fall in this time. They still stand: "
                "cancel them if needed.",
                inside,
            )
            % {"count": inside},
        )
    return redirect("bookings:agenda", practice_id=practice.public_id)


@login_required
@require_POST
def unblock(request: AuthenticatedRequest, practice_id: str, block_id: str) -> HttpResponse:
    practice = practice_staffed_by(request.user, practice_id)
    blocked = access.block_for(request.user, practice, block_id)
    actions.unblock_time(actor=request.user, block=blocked)
    messages.success(request, _("The blocked time is removed."))
    return redirect("bookings:agenda", practice_id=practice.public_id)


@login_required
@require_POST
def outcome(request: AuthenticatedRequest, appointment_id: str) -> HttpResponse:
    appointment = access.appointment_for_staff(request.user, appointment_id)
    status = request.POST.get("status", "")
    try:
        actions.mark_outcome(
            appointment=appointment, actor=request.user, status=status, now=timezone.now()
        )
    except BookingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Saved: %(status)s.") % {"status": Status(status).label})
    return redirect(appointment)


@login_required
def working_hours(
    request: AuthenticatedRequest, practice_id: str, therapist_id: str
) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    therapist = therapist_at(practice, therapist_id)
    current = WorkingHours.objects.filter(therapist=therapist, practice=practice)
    grid = WeeklyHoursForm(
        request.POST or None, blocks=current.values_list("weekday", "start", "end")
    )
    context = {"practice": practice, "therapist": therapist, "grid": grid}
    if request.method != "POST":
        return render(request, "bookings/working_hours.html", context)
    if not grid.is_valid():
        return render(request, "bookings/working_hours.html", context, status=422)
    blocks = [
        staff_actions.WeeklyBlock(weekday=day, start=start, end=end)
        for day, start, end in grid.cleaned_blocks
    ]
    staff_actions.save_working_hours(
        actor=request.user, therapist=therapist, practice=practice, blocks=blocks
    )
    messages.success(request, _("The working hours are saved."))
    return redirect(
        "bookings:working_hours", practice_id=practice.public_id, therapist_id=therapist.public_id
    )


@login_required
def appointment_types(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    formset = AppointmentTypeFormSet(request.POST or None, instance=practice)
    context = {"practice": practice, "formset": formset}
    if request.method != "POST":
        return render(request, "bookings/types.html", context)
    if not formset.is_valid():
        return render(request, "bookings/types.html", context, status=422)
    # Only the practice's own rows: a tampered form count cannot turn them into new types.
    changes = []
    for form in formset.forms:
        row: object = form.instance
        if isinstance(row, AppointmentType) and row.pk is not None and form.has_changed():
            changes.append((row, form.cleaned_data))
    staff_actions.save_appointment_types(actor=request.user, practice=practice, changes=changes)
    messages.success(request, _("The appointment types are saved."))
    return redirect("bookings:types", practice_id=practice.public_id)
