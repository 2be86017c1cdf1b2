"""Questionnaire pages: start, one question per step (or all on one page), review, result.

Every answer is saved on the server as a draft (going back, going on and "save for later"
all save), so leaving and coming back never loses anything. Another patient's response
answers 404.
"""

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from assessments import actions, results
from assessments.errors import AnswersIncomplete, InstrumentUnavailable, ResponseLocked
from assessments.forms import AnswersForm
from assessments.models import Instrument, Occasion, RedFlagCheck, Response
from assessments.schedule import part_for
from pijnreset.http import AuthenticatedRequest


def _own(request: AuthenticatedRequest, public_id: UUID) -> Response:
    return get_object_or_404(
        Response.objects.select_related("instrument"), public_id=public_id, patient=request.user
    )


def _language(response: Response) -> str:
    return response.instrument.parsed().language_for(get_language() or response.language)


def _resume(response: Response) -> HttpResponse:
    return redirect(response.next_url())


@patient_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    # A read writes nothing: `manage.py load_instruments` loads the definitions at deploy.
    available = Instrument.objects.current().filter(has_wording=True).order_by("key")
    mine = Response.objects.of(request.user).select_related("instrument")
    context = {
        "drafts": mine.drafts(),
        "submitted": mine.submitted().order_by("-submitted_at"),
        "available": list(available),
        "awaiting_doctor": RedFlagCheck.objects.awaiting_doctor().filter(patient=request.user),
    }
    return render(request, "assessments/index.html", context)


@patient_required
def start(request: AuthenticatedRequest, key: str, occasion: str) -> HttpResponse:
    if occasion not in Occasion.values:
        raise Http404
    try:
        instrument = actions.current_instrument(key=key)
    except InstrumentUnavailable as exc:
        raise Http404 from exc
    draft = Response.objects.of(request.user).drafts().filter(instrument_key=key).first()
    if request.method == "POST":
        response = actions.start_response(
            patient=request.user,
            instrument=instrument,
            occasion=occasion,
            part=part_for(key, occasion),
            language=get_language() or "nl",
            now=timezone.now(),
        )
        if request.POST.get("mode") == "list":
            return redirect("assessments:all_questions", public_id=response.public_id)
        return _resume(response)
    definition = instrument.parsed()
    language = definition.language_for(get_language() or "nl")
    context = {"instrument": instrument, "definition": definition, "draft": draft}
    context |= {
        "language": language,
        "occasion": occasion,
        "count": len(definition.items_for(part_for(key, occasion))),
    }
    return render(request, "assessments/start.html", context)


@patient_required
def question(request: AuthenticatedRequest, public_id: UUID, number: int) -> HttpResponse:
    response = _own(request, public_id)
    if response.is_submitted:
        return redirect("assessments:result", public_id=public_id)
    definition = response.instrument.parsed()
    items = definition.items_for(response.part)
    if not 1 <= number <= len(items):
        raise Http404
    go = request.POST.get("go", "next")
    form = AnswersForm(
        request.POST if request.method == "POST" else None,
        items=[items[number - 1]],
        language=_language(response),
        saved=response.answers,
        strict=go == "next",
        groups=definition.groups,
    )
    context = {"response": response, "definition": definition, "form": form, "number": number}
    context |= {"count": len(items), "item": items[number - 1], "language": _language(response)}
    if request.method != "POST":
        return render(request, "assessments/question.html", context)
    if not form.is_valid() and go == "next":
        return render(request, "assessments/question.html", context, status=422)
    target = {"next": number + 1, "back": number - 1}.get(go, number)
    try:
        saved = actions.save_answers(
            response=response, answers=form.answers(), step=max(target, 1), now=timezone.now()
        )
    except ResponseLocked as exc:
        messages.info(request, exc.message)
        return redirect("assessments:result", public_id=public_id)
    if go == "later":
        messages.success(request, _("Your answers are saved. You can go on later."))
        return redirect("assessments:index")
    if target < 1:
        return redirect(
            "assessments:start", key=response.instrument_key, occasion=response.occasion
        )
    return _resume(saved)


@patient_required
def all_questions(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    response = _own(request, public_id)
    if response.is_submitted:
        return redirect("assessments:result", public_id=public_id)
    definition = response.instrument.parsed()
    items = definition.items_for(response.part)
    go = request.POST.get("go", "review")
    form = AnswersForm(
        request.POST if request.method == "POST" else None,
        items=items,
        language=_language(response),
        saved=response.answers,
        strict=go == "review",
        groups=definition.groups,
    )
    context = {"response": response, "definition": definition, "form": form, "count": len(items)}
    context["language"] = _language(response)
    if request.method != "POST":
        return render(request, "assessments/all_questions.html", context)
    if not form.is_valid() and go == "review":
        return render(request, "assessments/all_questions.html", context, status=422)
    step = len(items) + 1 if go == "review" else response.step
    try:
        actions.save_answers(
            response=response, answers=form.answers(), step=step, now=timezone.now()
        )
    except ResponseLocked as exc:
        messages.info(request, exc.message)
        return redirect("assessments:result", public_id=public_id)
    if go == "review":
        return redirect("assessments:review", public_id=public_id)
    messages.success(request, _("Your answers are saved. You can go on later."))
    return redirect("assessments:index")


@patient_required
def review(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    response = _own(request, public_id)
    if response.is_submitted:
        return redirect("assessments:result", public_id=public_id)
    context: dict[str, object] = {"response": response}
    context["answers"] = results.answers_list(response, _language(response))
    if request.method != "POST":
        return render(request, "assessments/review.html", context)
    try:
        response = actions.submit_response(response=response, now=timezone.now())
    except AnswersIncomplete as exc:
        context["missing"] = response.item_keys().index(exc.item_key) + 1
        return render(request, "assessments/review.html", context, status=422)
    except ResponseLocked:
        return redirect("assessments:result", public_id=public_id)
    if response.has_crisis_flag:
        return redirect("assessments:crisis", public_id=public_id)
    return redirect("assessments:result", public_id=public_id)


@patient_required
def result(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    response = _own(request, public_id)
    if not response.is_submitted:
        return _resume(response)
    language = _language(response)
    previous = Response.objects.before(response)
    context = {
        "response": response,
        "lines": results.result_lines(response, previous, language),
        "notices": results.notices(response, language),
        "clinician_note": results.clinician_note(response, language),
        "answers": results.answers_list(response, language),
        "previous": previous,
        "crisis_lines": settings.CRISIS_LINES,
    }
    return render(request, "assessments/result.html", context)


@patient_required
def crisis(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    """The crisis panel, shown before the result when the crisis rule fired."""
    response = _own(request, public_id)
    if not (response.is_submitted and response.has_crisis_flag):
        return redirect("assessments:result", public_id=public_id)
    context = {"response": response, "crisis_lines": settings.CRISIS_LINES}
    return render(request, "assessments/crisis.html", context)


@patient_required
@require_POST
def correct(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    """Start a correction: a new response with the old answers filled in."""
    old = _own(request, public_id)
    if not old.is_submitted:
        return _resume(old)
    try:
        instrument = actions.current_instrument(key=old.instrument_key)
    except InstrumentUnavailable as exc:
        raise Http404 from exc
    response = actions.start_response(
        patient=request.user,
        instrument=instrument,
        occasion=old.occasion,
        part=old.part,
        language=old.language,
        now=timezone.now(),
        corrects=old,
    )
    if response.corrects_id == old.pk and not response.answers:
        keys = set(response.item_keys())
        copied = {k: v for k, v in old.answers.items() if k in keys}
        try:
            actions.save_answers(response=response, answers=copied, step=1, now=timezone.now())
        except ValueError:
            pass  # the questionnaire changed since: start the correction empty
    return redirect("assessments:question", public_id=response.public_id, number=1)


@patient_required
@require_POST
def discard(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    response = _own(request, public_id)
    try:
        actions.discard_draft(response=response)
    except ResponseLocked as exc:
        messages.info(request, exc.message)
        return redirect("assessments:result", public_id=public_id)
    messages.success(request, _("Your unfinished answers are deleted."))
    return redirect("assessments:index")
