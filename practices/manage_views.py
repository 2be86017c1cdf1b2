"""Practice managers edit their own practice and therapists; the operator edits all."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from pijnreset.bounds import parse_count
from pijnreset.http import AuthenticatedRequest
from practices import actions
from practices.access import practice_managed_by, therapist_at
from practices.forms import (
    ClosureForm,
    OperatorPracticeForm,
    PracticeForm,
    TherapistForm,
)
from practices.models import Practice
from practices.weekgrid import WeeklyHoursForm


def _is_operator(request: AuthenticatedRequest) -> bool:
    return request.user.is_superuser or request.user.role == Role.NETWORK_OPERATOR


@login_required
def manage(request: AuthenticatedRequest) -> HttpResponse:
    practices = Practice.objects.managed_by(request.user).order_by("name")[:200]
    return render(request, "practices/manage/list.html", {"practices": practices})


@login_required
def edit_practice(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    form_class = OperatorPracticeForm if _is_operator(request) else PracticeForm
    form = form_class(request.POST or None, instance=practice)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The practice is saved."))
            return redirect("practices:edit", practice_id=practice.public_id)
        return render(
            request, "practices/manage/edit.html", {"form": form, "practice": practice}, status=422
        )
    return render(request, "practices/manage/edit.html", {"form": form, "practice": practice})


@login_required
def opening_hours(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    grid = _opening_grid(practice, request.POST or None)
    closure_form = ClosureForm(prefix="closure")
    context = {"grid": grid, "practice": practice, "closure_form": closure_form}
    if request.method == "POST":
        if grid.is_valid():
            blocks = [
                actions.OpeningBlock(weekday=day, opens=opens, closes=closes)
                for day, opens, closes in grid.cleaned_blocks
            ]
            actions.save_opening_hours(actor=request.user, practice=practice, blocks=blocks)
            messages.success(request, _("The opening hours are saved."))
            return redirect("practices:hours", practice_id=practice.public_id)
        return render(request, "practices/manage/hours.html", context, status=422)
    return render(request, "practices/manage/hours.html", context)


def _opening_grid(practice: Practice, data: QueryDict | None = None) -> WeeklyHoursForm:
    current = practice.opening_hours.values_list("weekday", "opens", "closes")
    return WeeklyHoursForm(data, blocks=current)


@login_required
@require_POST
def add_closure(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    closure_form = ClosureForm(request.POST, prefix="closure")
    if not closure_form.is_valid():
        grid = _opening_grid(practice)
        context = {"grid": grid, "practice": practice, "closure_form": closure_form}
        return render(request, "practices/manage/hours.html", context, status=422)
    closure = closure_form.save(commit=False)
    closure.practice = practice
    closure.save()
    messages.success(request, _("The closure is saved."))
    return redirect("practices:hours", practice_id=practice.public_id)


@login_required
@require_POST
def delete_closure(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    closure_id = parse_count(request.POST.get("closure", ""))
    if closure_id is None:
        raise Http404
    closure = get_object_or_404(practice.closures, pk=closure_id)
    closure.delete()
    messages.success(request, _("The closure is removed."))
    return redirect("practices:hours", practice_id=practice.public_id)


@login_required
def edit_therapist(
    request: AuthenticatedRequest, practice_id: str, therapist_id: str | None = None
) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    therapist = therapist_at(practice, therapist_id) if therapist_id else None
    form = TherapistForm(request.POST or None, request.FILES or None, instance=therapist)
    context = {"form": form, "practice": practice, "therapist": therapist}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "practices/manage/therapist.html", context, status=422)
        therapist = actions.save_therapist(
            actor=request.user, practice=practice, therapist=therapist, values=form.cleaned_data
        )
        messages.success(request, _("The therapist is saved."))
        return redirect(
            "practices:therapist_edit",
            practice_id=practice.public_id,
            therapist_id=therapist.public_id,
        )
    return render(request, "practices/manage/therapist.html", context)
