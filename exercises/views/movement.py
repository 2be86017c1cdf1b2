"""Movement without performance pressure: log a session, see the rule of thumb."""

from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from accounts.models import User
from exercises import actions
from exercises.catalogue import ExerciseKey
from exercises.errors import DateOutOfRange, ExerciseError, ExercisesPaused
from exercises.forms import MovementForm, MovementSettingsForm, QuotaForm
from exercises.models import MovementLog
from exercises.movement import pacing_for
from exercises.views.common import own_or_404, page_context
from pijnreset.http import AuthenticatedRequest

RECENT_DAYS = 14


@patient_required
def movement(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    today = request.user.local_date(now)
    context = page_context(request.user, ExerciseKey.MOVEMENT)
    labels = context["script"].data.get("activities") if context["script"] else None
    form = MovementForm(request.POST or None, activity_labels=labels, initial={"local_date": today})
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                actions.log_movement(patient=request.user, now=now, **form.cleaned_data)
            except DateOutOfRange as exc:
                form.add_error("local_date", str(exc.message))
            except ExercisesPaused:
                context["paused"], status = True, 409
            else:
                messages.success(request, _("Saved. Every bit of movement counts."))
                return redirect("exercises:movement")
    pacing = pacing_for(patient=request.user, today=today)
    logs = MovementLog.objects.of(request.user).filter(
        local_date__gte=today - timedelta(days=RECENT_DAYS)
    )
    context.update(
        form=form,
        logs=[
            (log, (labels or {}).get(log.activity) or log.get_activity_display()) for log in logs
        ],
        pacing=pacing,
        settings_form=MovementSettingsForm(initial={"post_exertional_malaise": pacing.malaise}),
    )
    return render(request, "exercises/movement.html", context, status=status)


@patient_required
@require_POST
def delete_movement(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    own_or_404(MovementLog, request.user, public_id).delete()
    messages.success(request, _("The entry is deleted."))
    return redirect("exercises:movement")


def _apply_quota_choice(patient: User, choice: str, minutes: int | None) -> None:
    now = timezone.now()
    if choice == "start":
        actions.set_start_quota(patient=patient, now=now, minutes=minutes)
    elif choice == "step_up":
        actions.accept_step_up(patient=patient, now=now, minutes=minutes)
    elif choice == "step_back":
        actions.step_back(patient=patient, now=now)
    elif choice == "keep":
        actions.keep_quota(patient=patient, now=now)
    else:
        actions.lower_quota(patient=patient, now=now, minutes=minutes or 0)


@patient_required
@require_POST
def quota(request: AuthenticatedRequest) -> HttpResponse:
    """One choice about the movement quota; the action decides again whether it is offered."""
    form = QuotaForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a number of minutes within the range shown."))
        return redirect("exercises:movement")
    choice, minutes = form.cleaned_data["choice"], form.cleaned_data["minutes"]
    try:
        _apply_quota_choice(request.user, choice, minutes)
    except ExerciseError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Saved. Your quota is updated."))
    return redirect("exercises:movement")


@patient_required
@require_POST
def movement_settings(request: AuthenticatedRequest) -> HttpResponse:
    form = MovementSettingsForm(request.POST)
    form.is_valid()  # a checkbox: always valid
    actions.set_post_exertional_malaise(
        patient=request.user,
        marked=bool(form.cleaned_data.get("post_exertional_malaise")),
        now=timezone.now(),
    )
    messages.success(request, _("Saved."))
    return redirect("exercises:movement")
