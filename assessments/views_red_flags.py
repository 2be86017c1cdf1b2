"""Red-flag questions (docs/clinical.md, "Red flags"): intake and "something new?".

Any "yes" shows the advice of its highest tier first (call 112 now, the GP today, the GP
soon) and pauses the exercise part until the patient says they have seen a doctor or that
a doctor already knows. The form carries a one-time key, so sending it twice gives one
check.
"""

from uuid import UUID, uuid4

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from assessments import actions
from assessments.errors import NotAwaitingDoctor
from assessments.forms import RedFlagForm
from assessments.models import RedFlagCheck
from assessments.texts import RED_FLAG_QUESTIONS
from pijnreset.http import AuthenticatedRequest


def _own(request: AuthenticatedRequest, public_id: UUID) -> RedFlagCheck:
    return get_object_or_404(RedFlagCheck, public_id=public_id, patient=request.user)


@patient_required
def red_flags(request: AuthenticatedRequest) -> HttpResponse:
    form = RedFlagForm(request.POST or None)
    context = {
        "form": form,
        "submission_key": form.posted_key() or uuid4(),
        "awaiting": RedFlagCheck.objects.awaiting_doctor().filter(patient=request.user),
        "first": not RedFlagCheck.objects.filter(patient=request.user).exists(),
    }
    if request.method != "POST":
        return render(request, "assessments/red_flags.html", context)
    if not form.is_valid():
        return render(request, "assessments/red_flags.html", context, status=422)
    check = actions.record_red_flag_check(
        patient=request.user,
        answers=form.answers(),
        submission_key=form.cleaned_data["submission_key"],
        now=timezone.now(),
    )
    return redirect("assessments:red_flag_result", public_id=check.public_id)


def _emergency_numbers() -> list[dict[str, str]]:
    """The emergency numbers of settings.CRISIS_LINES (112 in the Netherlands)."""
    numbers = [
        number
        for line in settings.CRISIS_LINES
        if line.get("emergency")
        for number in line.get("numbers", [])
    ]
    return numbers or [{"display": "112", "tel": "112"}]


@patient_required
def red_flag_result(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    check = _own(request, public_id)
    context = {
        "check": check,
        "emergency_numbers": _emergency_numbers(),
        "said_yes": [RED_FLAG_QUESTIONS[key] for key in check.flagged_questions()],
    }
    return render(request, "assessments/red_flag_result.html", context)


@patient_required
@require_POST
def confirm_visit(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    """End the pause: "I have seen a doctor" or "a doctor already knows" (field ``because``)."""
    check = _own(request, public_id)
    because = request.POST.get("because", RedFlagCheck.ResumedBecause.SEEN_DOCTOR)
    if because not in RedFlagCheck.ResumedBecause.values:
        messages.error(request, _("Please choose one of the two buttons."))
        return redirect("assessments:red_flag_result", public_id=public_id)
    try:
        actions.resume_exercises(
            patient=request.user, check=check, because=because, now=timezone.now()
        )
    except NotAwaitingDoctor as exc:
        messages.info(request, exc.message)
    else:
        messages.success(
            request, _("Thank you. The exercises are open again. Go gently, at your own pace.")
        )
    return redirect("assessments:red_flag_result", public_id=public_id)
