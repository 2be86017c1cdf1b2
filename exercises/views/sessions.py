"""The catalogue and the timed exercises: breathing, muscle relaxation, body scan."""

from typing import Any
from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from exercises import actions
from exercises.catalogue import (
    BREATH_DEFAULTS,
    BREATHING_MINUTES_RANGE,
    CATALOGUE,
    NO_HOLD,
    ExerciseKey,
)
from exercises.errors import ExercisesPaused
from exercises.forms import BreathingForm, FinishForm, GuidedForm
from exercises.models import ExerciseScript, ExerciseSession
from exercises.views.common import current_language, own_or_404, page_context
from pijnreset.bounds import parse_count
from pijnreset.http import AuthenticatedRequest

# Used when the scripts are not loaded yet (content/<lang>/exercises/breathing.md).
DEFAULT_CUES = {
    "in": _("Breathe in through your nose"),
    "hold": _("Hold your breath, gently"),
    "out": _("Breathe out through your mouth"),
    "start": _("We begin. Sit or lie as comfortably as you can."),
    "end": _("Done. Notice how you feel now."),
}
PHASE_LABELS = {
    "in": _("In"),
    "hold": _("Hold"),
    "out": _("Out"),
    "tense": _("Tense"),
    "release": _("Release"),
    "rest": _("Rest"),
    "attend": _("Notice"),
}


@patient_required
def catalogue(request: AuthenticatedRequest) -> HttpResponse:
    scripts = {s.key: s for s in ExerciseScript.objects.for_language(current_language())}
    items = [
        {"exercise": exercise, "script": scripts.get(key), "url_name": f"exercises:{key}"}
        for key, exercise in CATALOGUE.items()
    ]
    return render(request, "exercises/list.html", {"items": items})


@patient_required
def breathing(request: AuthenticatedRequest) -> HttpResponse:
    last = ExerciseSession.objects.of(request.user).filter(exercise="breathing").first()
    context = page_context(
        request.user,
        ExerciseKey.BREATHING,
        suggest_no_hold=last is not None and last.felt_dizzy and last.breath_hold != 0,
        no_hold=NO_HOLD,
    )
    context.update(_offline_context(ExerciseKey.BREATHING, context["script"]))
    posted = request.POST.copy() if request.method == "POST" else None
    if posted is not None and "no_hold" in posted:  # one tap: 4 in, no hold, 6 out
        for name, seconds in NO_HOLD.items():
            posted[name] = str(seconds)
    form = BreathingForm(posted, initial=_breathing_initial(request, last))
    if request.method == "POST":
        if not form.is_valid():
            return render(
                request, "exercises/breathing.html", {**context, "form": form}, status=422
            )
        data = form.cleaned_data
        try:
            session = actions.start_session(
                patient=request.user,
                exercise=ExerciseKey.BREATHING,
                planned_seconds=data["minutes"] * 60,
                breath=(data["breath_in"], data["breath_hold"], data["breath_out"]),
                spoken_cues=data["spoken_cues"],
                sound=data["sound"],
                feeling_before=data["feeling_before"],
                now=timezone.now(),
            )
        except ExercisesPaused:
            return render(
                request, "exercises/breathing.html", {**context, "paused": True}, status=409
            )
        return redirect("exercises:session", public_id=session.public_id)
    return render(request, "exercises/breathing.html", {**context, "form": form})


def _breathing_initial(
    request: AuthenticatedRequest, last: ExerciseSession | None
) -> dict[str, Any]:
    """The patient's last settings; `?minutes=3` (the flare plan) sets the length."""
    initial: dict[str, Any] = dict(BREATH_DEFAULTS)
    if last is not None and last.breath_pattern is not None:
        initial.update(zip(BREATH_DEFAULTS, last.breath_pattern, strict=True))
        initial.update(spoken_cues=last.spoken_cues, sound=last.sound)
        initial["minutes"] = last.planned_seconds // 60
    minutes = parse_count(request.GET.get("minutes", ""))
    low, high = BREATHING_MINUTES_RANGE
    if minutes is not None and low <= minutes <= high:
        initial["minutes"] = minutes
    return initial


@patient_required
def guided(request: AuthenticatedRequest, key: str) -> HttpResponse:
    """Progressive muscle relaxation or the body scan: choose a length, then start."""
    context = page_context(request.user, key)
    context.update(_offline_context(key, context["script"]))
    template = "exercises/guided.html"
    form = GuidedForm(request.POST or None, exercise=context["exercise"])
    if request.method == "POST":
        script = context["script"]
        if not form.is_valid() or script is None:
            return render(request, template, {**context, "form": form}, status=422)
        data = form.cleaned_data
        steps = script.version(data["version"])["steps"]
        try:
            session = actions.start_session(
                patient=request.user,
                exercise=key,
                version=data["version"],
                planned_seconds=sum(step["seconds"] for step in steps),
                spoken_cues=data["spoken_cues"],
                sound=data["sound"],
                feeling_before=data["feeling_before"],
                now=timezone.now(),
            )
        except ExercisesPaused:
            return render(request, template, {**context, "paused": True}, status=409)
        return redirect("exercises:session", public_id=session.public_id)
    return render(request, template, {**context, "form": form})


@patient_required
def session(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    """A running session (the pacer or the guided steps), or how an ended one went."""
    session = own_or_404(ExerciseSession, request.user, public_id)
    return render(request, "exercises/session.html", _session_context(request, session))


@patient_required
@require_POST
def finish(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    session = own_or_404(ExerciseSession, request.user, public_id)
    form = FinishForm(request.POST)
    if not form.is_valid():
        context = _session_context(request, session, finish_form=form)
        return render(request, "exercises/session.html", context, status=422)
    actions.end_session(
        session=session,
        finished=form.cleaned_data["outcome"] == "finished",
        seconds=form.cleaned_data["seconds"],
        feeling_after=form.cleaned_data["feeling_after"],
        felt_dizzy=form.cleaned_data["felt_dizzy"],
        now=timezone.now(),
    )
    return redirect("exercises:session", public_id=session.public_id)


def _session_context(
    request: AuthenticatedRequest, session: ExerciseSession, finish_form: FinishForm | None = None
) -> dict[str, Any]:
    context = page_context(request.user, session.exercise)
    pacer = pacer_for(
        session.exercise,
        context["script"],
        pattern=session.breath_pattern or tuple(BREATH_DEFAULTS.values()),
        breathing_seconds=session.planned_seconds,
        version=session.version,
    )
    return {
        **context,
        **pacer,
        "session": session,
        "speak": session.spoken_cues,
        "sound": session.sound,
        "back_url": reverse(f"exercises:{session.exercise}"),
        "duration_text": duration_text(session.duration_seconds or 0),
        "no_hold": NO_HOLD,
        "finish_form": finish_form or FinishForm(),
    }


def pacer_for(
    exercise: str,
    script: ExerciseScript | None,
    *,
    pattern: tuple[int, ...],
    breathing_seconds: int,
    version: str,
) -> dict[str, Any]:
    """What the timer shows (templates/exercises/_pacer.html): its phases, cues and length.

    The session page shows it for a stored session; the start pages keep one per
    choice in a <template> for a session done offline (docs/offline.md).
    """
    if exercise == ExerciseKey.BREATHING:
        cues = {**DEFAULT_CUES, **(script.data.get("cues", {}) if script else {})}
        phases = [
            {"phase": name, "seconds": seconds, "text": cues[name], "label": PHASE_LABELS[name]}
            for name, seconds in zip(("in", "hold", "out"), pattern, strict=True)
            if seconds > 0  # a hold of 0 s: no hold step at all
        ]
        total = breathing_seconds
    else:
        cues = {"start": "", "end": DEFAULT_CUES["end"]}
        found = script.version(version) if script else None
        steps = found["steps"] if found else []
        phases = [{**step, "label": PHASE_LABELS[step["phase"]]} for step in steps]
        total = sum(step["seconds"] for step in steps)
    return {
        "phases": phases,
        "cues": cues,
        "total_seconds": total,
        "total_text": duration_text(total),
        "repeat": exercise == ExerciseKey.BREATHING,
    }


def _offline_context(key: str, script: ExerciseScript | None) -> dict[str, Any]:
    """The timers a start page keeps for a session done offline (docs/offline.md):
    breathing once with every phase (the page sets the seconds and the length), a
    guided exercise once per length."""
    if key == ExerciseKey.BREATHING:
        pattern = tuple(BREATH_DEFAULTS.values())
        low = BREATHING_MINUTES_RANGE[0] * 60
        pacers = [
            {
                "version": "",
                **pacer_for(key, script, pattern=pattern, breathing_seconds=low, version=""),
            }
        ]
    else:
        pacers = [
            {
                "version": v.key,
                **pacer_for(key, script, pattern=(), breathing_seconds=0, version=v.key),
            }
            for v in CATALOGUE[key].versions
        ]
    return {"offline_pacers": pacers, "finish_form": FinishForm()}


def duration_text(seconds: int) -> str:
    """'1 minute', '2 minutes and 30 seconds', '45 seconds'."""
    minutes, rest = divmod(seconds, 60)
    minute_words = ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
    second_words = ngettext("%(n)s second", "%(n)s seconds", rest) % {"n": rest}
    if not minutes:
        return second_words
    if not rest:
        return minute_words
    return gettext("%(minutes)s and %(seconds)s") % {
        "minutes": minute_words,
        "seconds": second_words,
    }
