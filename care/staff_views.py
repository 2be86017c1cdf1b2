"""The therapist's side: the caseload overview, a patient's details and the pre-visit
summary, notes, homework and messages. Every view goes through `care.access`; every
read of a patient's data is written to the access log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from care import actions
from care.access import has_second_factor, share_for, therapist_required
from care.dashboard import FILTERS, caseload
from care.detail import detail_for, summary_for
from care.errors import CareError
from care.forms import HomeworkForm, MessageForm, NoteForm
from care.log import record_access
from care.models import Action, Share
from pijnreset.http import AuthenticatedRequest
from programme.models import LessonText


@require_GET
def second_factor(request: AuthenticatedRequest) -> HttpResponse:
    """Staff: set up two-factor authentication before any patient data."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    return render(
        request, "care/second_factor.html", {"has_second_factor": has_second_factor(request.user)}
    )


@therapist_required
@require_GET
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    show = request.GET.get("toon", "all")
    if show not in FILTERS:
        show = "all"
    rows = caseload(user=request.user, now=timezone.now(), show=show)
    return render(request, "care/dashboard.html", {"rows": rows, "show": show})


def _lessons() -> list[tuple[str, str]]:
    language = (get_language() or "nl")[:2]
    texts = LessonText.objects.filter(language=language, lesson__active=True).order_by(
        "lesson__week", "lesson__order"
    )
    return list(texts.values_list("lesson__key", "title")[:100])


def _detail_page(
    request: AuthenticatedRequest, share: Share, *, status: int = 200, **forms: object
) -> HttpResponse:
    now = timezone.now()
    record_access(actor=request.user, action=Action.DETAIL, now=now, share=share)
    context = {
        "detail": detail_for(share, now, viewer=request.user),
        "note_form": forms.get("note_form") or NoteForm(),
        "message_form": forms.get("message_form") or MessageForm(),
        "homework_form": forms.get("homework_form") or HomeworkForm(lessons=_lessons()),
    }
    return render(request, "care/patient.html", context, status=status)


@therapist_required
@require_GET
def patient(request: AuthenticatedRequest, share_id: str) -> HttpResponse:
    share = share_for(request.user, share_id, action=Action.DETAIL, now=timezone.now())
    return _detail_page(request, share)


@therapist_required
@require_GET
def summary(request: AuthenticatedRequest, share_id: str) -> HttpResponse:
    now = timezone.now()
    share = share_for(request.user, share_id, action=Action.SUMMARY, now=now)
    record_access(actor=request.user, action=Action.SUMMARY, now=now, share=share)
    return render(
        request, "care/summary.html", {"summary": summary_for(share, now, viewer=request.user)}
    )


def _write_on_detail(
    request: AuthenticatedRequest,
    share_id: str,
    *,
    action: str,
    form: NoteForm | MessageForm | HomeworkForm,
    form_name: str,
    field: str | None,
    write: Callable[[Share, Any, datetime], object],
    done: str,
) -> HttpResponse:
    """Every write on the detail page has this shape: the share (else 404, logged as
    denied), the form, the action; a refusal (CareError) goes on the form and the page
    comes back with 422, everything typed kept; success goes back to the detail page."""
    now = timezone.now()
    share = share_for(request.user, share_id, action=action, now=now)
    if form.is_valid():
        try:
            write(share, form, now)
        except CareError as error:
            form.add_error(field, error.message)
        else:
            messages.success(request, done)
            return redirect("care_staff:patient", share_id=share.public_id)
    return _detail_page(request, share, status=422, **{form_name: form})


@therapist_required
@require_POST
def note(request: AuthenticatedRequest, share_id: str) -> HttpResponse:
    user = request.user
    return _write_on_detail(
        request,
        share_id,
        action=Action.NOTE,
        form=NoteForm(request.POST),
        form_name="note_form",
        field="text",
        write=lambda share, form, now: actions.write_note(
            author=user, share=share, text=form.cleaned_data["text"], now=now
        ),
        done=_("Note saved in the practice's record."),
    )


@therapist_required
@require_POST
def message(request: AuthenticatedRequest, share_id: str) -> HttpResponse:
    user = request.user
    return _write_on_detail(
        request,
        share_id,
        action=Action.MESSAGE,
        form=MessageForm(request.POST),
        form_name="message_form",
        field="text",
        write=lambda share, form, now: actions.send_message(
            therapist=user, share=share, text=form.cleaned_data["text"], now=now
        ),
        done=_("Message sent. The patient sees it on their Today page."),
    )


@therapist_required
@require_POST
def homework(request: AuthenticatedRequest, share_id: str) -> HttpResponse:
    user = request.user

    def assign(share: Share, form: HomeworkForm, now: datetime) -> object:
        kind, key = form.kind_and_key()
        return actions.assign_homework(therapist=user, share=share, kind=kind, key=key, now=now)

    return _write_on_detail(
        request,
        share_id,
        action=Action.HOMEWORK,
        form=HomeworkForm(request.POST, lessons=_lessons()),
        form_name="homework_form",
        field=None,
        write=assign,
        done=_("Homework added. The patient sees it on their Today page."),
    )
