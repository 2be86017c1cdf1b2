"""The patient's side: share with a therapist, stop sharing, see who looked at my data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import patient_required
from bookings.models import Appointment, Status
from care import actions
from care.errors import CareError
from care.forms import ScopeForm, ShareWithPracticeForm, ShareWithTherapistForm
from care.models import AccessLogEntry, Share
from pijnreset.http import AuthenticatedRequest

LOG_SHOWN = 200


def _appointments(user: Any) -> list[Appointment]:
    """Booked appointments whose therapist has an account: one tap to share."""
    return list(
        Appointment.objects.filter(
            patient=user,
            status__in=[Status.CONFIRMED, Status.COMPLETED],
            therapist__user__isnull=False,
        )
        .select_related("therapist", "practice")
        .order_by("-start")[:10]
    )


def _page(request: AuthenticatedRequest, status: int = 200, **forms: Any) -> HttpResponse:
    today = request.user.local_date(timezone.now())
    shares = (
        Share.objects.filter(patient=request.user)
        .select_related("therapist", "practice")
        .order_by("stopped_at", "-given_at")[:50]
    )
    context = {
        "shares": shares,
        "today": today,
        "appointments": _appointments(request.user),
        "therapist_form": forms.get("therapist_form") or ShareWithTherapistForm(today=today),
        "practice_form": forms.get("practice_form") or ShareWithPracticeForm(today=today),
        "scope_form": ScopeForm(today=today),
    }
    return render(request, "care/sharing.html", context, status=status)


@patient_required
@require_GET
def sharing(request: AuthenticatedRequest) -> HttpResponse:
    return _page(request)


def _done(request: AuthenticatedRequest, share: Share) -> HttpResponse:
    messages.success(
        request,
        _("You now share with %(whom)s. You can stop at any time.") % {"whom": share.with_whom},
    )
    return redirect("care:sharing")


@patient_required
@require_POST
def share_appointment(request: AuthenticatedRequest) -> HttpResponse:
    """One tap from a booked appointment (the default scope: no notes or journals)."""
    now = timezone.now()
    appointment_id = request.POST.get("appointment", "")
    appointment = next(
        (a for a in _appointments(request.user) if str(a.public_id) == appointment_id), None
    )
    if appointment is None:
        messages.error(request, _("We could not find this appointment."))
        return _page(request, status=404)
    form = ScopeForm(request.POST, today=request.user.local_date(now))
    if not form.is_valid():
        messages.error(request, _("Please check what you want to share."))
        return _page(request, status=422)
    share = actions.share_from_appointment(
        patient=request.user,
        appointment=appointment,
        scope=_scope(form.cleaned_data),
        ends_on=form.cleaned_data["ends_on"],
        now=now,
    )
    return _done(request, share)


def _scope(data: dict[str, Any]) -> actions.Scope:
    return actions.Scope(
        check_ins=data["check_ins"],
        questionnaires=data["questionnaires"],
        practices=data["practices"],
        notes=data["notes"],
    )


def _share_by_form(
    request: AuthenticatedRequest,
    form_class: type[ShareWithTherapistForm] | type[ShareWithPracticeForm],
    *,
    form_name: str,
    field: str,
    share: Callable[..., Share],
    whom: Callable[[dict[str, Any]], dict[str, Any]],
) -> HttpResponse:
    """Sharing chosen on a form: the form, the action; a refusal (CareError) goes on the
    form's `field` and the page comes back with 422, everything chosen kept."""
    now = timezone.now()
    form = form_class(request.POST, today=request.user.local_date(now))
    if form.is_valid():
        data = form.cleaned_data
        try:
            made = share(
                patient=request.user,
                scope=_scope(data),
                ends_on=data["ends_on"],
                now=now,
                **whom(data),
            )
        except CareError as error:
            form.add_error(field, error.message)
        else:
            return _done(request, made)
    return _page(request, status=422, **{form_name: form})


@patient_required
@require_POST
def share_therapist(request: AuthenticatedRequest) -> HttpResponse:
    return _share_by_form(
        request,
        ShareWithTherapistForm,
        form_name="therapist_form",
        field="therapist",
        share=actions.share_with_therapist,
        whom=lambda data: {"therapist": data["therapist"]},
    )


@patient_required
@require_POST
def share_practice(request: AuthenticatedRequest) -> HttpResponse:
    return _share_by_form(
        request,
        ShareWithPracticeForm,
        form_name="practice_form",
        field="code",
        share=actions.share_with_practice,
        whom=lambda data: {"code": data["code"]},
    )


@patient_required
@require_POST
def stop(request: AuthenticatedRequest, public_id: str) -> HttpResponse:
    share = get_object_or_404(Share.objects.filter(patient=request.user), public_id=public_id)
    actions.stop_share(patient=request.user, share=share, now=timezone.now())
    messages.success(request, _("You have stopped sharing. From now on they see nothing."))
    return redirect("care:sharing")


@patient_required
@require_GET
def access_log(request: AuthenticatedRequest) -> HttpResponse:
    """Who looked at my data, newest first (NEN 7513)."""
    entries = AccessLogEntry.objects.of_patient(request.user)[:LOG_SHOWN]
    return render(request, "care/access_log.html", {"entries": entries})
