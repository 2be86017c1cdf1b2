"""Red-flag questions (docs/clinical.md section 6): intake and "something new?", with routing.

Any "yes" shows where to go (112 or the GP now, a doctor today, or the GP first) and pauses
the exercise part until the patient confirms a doctor's visit here.
"""

from uuid import UUID

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
from pijnreset.http import AuthenticatedRequest


def _own(request: AuthenticatedRequest, public_id: UUID) -> RedFlagCheck:
    return get_object_or_404(RedFlagCheck, public_id=public_id, patient=request.user)


@patient_required
def red_flags(request: AuthenticatedRequest) -> HttpResponse:
    form = RedFlagForm(request.POST or None)
    awaiting = RedFlagCheck.objects.awaiting_doctor().filter(patient=request.user)
    first = not RedFlagCheck.objects.filter(patient=request.user).exists()
    context = {"form": form, "awaiting": awaiting, "first": first}
    if request.method != "POST":
        return render(request, "assessments/red_flags.html", context)
    if not form.is_valid():
        return render(request, "assessments/red_flags.html", context, status=422)
    check = actions.record_red_flag_check(
        patient=request.user,
        answers=form.answers(),
        context=RedFlagCheck.Context.INTAKE if first else RedFlagCheck.Context.SOMETHING_NEW,
        now=timezone.now(),
    )
    return redirect("assessments:red_flag_result", public_id=check.public_id)


@patient_required
def red_flag_result(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    check = _own(request, public_id)
    emergency = [line for line in settings.CRISIS_LINES if line.get("emergency")]
    return render(
        request, "assessments/red_flag_result.html", {"check": check, "emergency": emergency}
    )


@patient_required
@require_POST
def confirm_visit(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    check = _own(request, public_id)
    try:
        actions.confirm_doctor_visit(check=check, now=timezone.now())
    except NotAwaitingDoctor as exc:
        messages.info(request, exc.message)
    else:
        messages.success(
            request, _("Thank you. The exercises are open again. Go gently, at your own pace.")
        )
    return redirect("assessments:red_flag_result", public_id=public_id)
