"""The private journals: gratitude, a weekly social intention, emotion and stress."""

from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from diary.crisis import mentions_crisis
from exercises import actions
from exercises.catalogue import ExerciseKey
from exercises.errors import DateOutOfRange, IntentionAlreadyChecked
from exercises.forms import CheckIntentionForm, EmotionForm, GratitudeForm, IntentionForm
from exercises.models import EmotionEntry, GratitudeEntry, SocialIntention, week_start
from exercises.views.common import own_or_404, page_context
from pijnreset.http import AuthenticatedRequest

HISTORY = 30


@patient_required
def gratitude(request: AuthenticatedRequest) -> HttpResponse:
    """Today's entry: up to three things."""
    today = request.user.local_date()
    entry = GratitudeEntry.objects.of(request.user).filter(local_date=today).first()
    return _gratitude_page(request, entry=entry, day=today)


@patient_required
def gratitude_entry(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    """An earlier entry, to read again or change."""
    entry = own_or_404(GratitudeEntry, request.user, public_id)
    return _gratitude_page(request, entry=entry, day=entry.local_date)


def _gratitude_page(request: AuthenticatedRequest, *, entry, day) -> HttpResponse:  # type: ignore[no-untyped-def]
    context = page_context(request.user, ExerciseKey.GRATITUDE, entry=entry, day=day)
    initial = {"first": entry.first, "second": entry.second, "third": entry.third} if entry else {}
    form = GratitudeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_gratitude(
                patient=request.user, local_date=day, things=form.things(), now=timezone.now()
            )
        except DateOutOfRange as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("Saved. Only you can see this."))
            return redirect("exercises:gratitude")
    context.update(
        form=form,
        prompt=context["script"].prompt_for(day) if context["script"] else None,
        history=GratitudeEntry.objects.of(request.user).exclude(local_date=day)[:HISTORY],
    )
    return render(request, "exercises/gratitude.html", context, status=422 if form.errors else 200)


@patient_required
@require_POST
def delete_gratitude(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    own_or_404(GratitudeEntry, request.user, public_id).delete()
    messages.success(request, _("The entry is deleted."))
    return redirect("exercises:gratitude")


@patient_required
def social(request: AuthenticatedRequest) -> HttpResponse:
    """This week's small intention; set it, change it, look back on it."""
    context = page_context(request.user, ExerciseKey.SOCIAL)
    script = context["script"]
    form = IntentionForm(
        request.POST or None, suggestions=script.data["suggestions"] if script else []
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_intention(
                patient=request.user, intention=form.cleaned_data["intention"], now=timezone.now()
            )
        except IntentionAlreadyChecked as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("Your intention for this week is saved."))
            return redirect("exercises:social")
    return _social_page(request, context, form=form)


@patient_required
@require_POST
def check_intention(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    intention = own_or_404(SocialIntention, request.user, public_id)
    check_form = CheckIntentionForm(request.POST, prefix=_check_prefix(intention))
    if not check_form.is_valid():
        context = page_context(request.user, ExerciseKey.SOCIAL)
        script = context["script"]
        form = IntentionForm(suggestions=script.data["suggestions"] if script else [])
        return _social_page(request, context, form=form, check_form=check_form, checking=intention)
    actions.check_intention(intention=intention, now=timezone.now(), **check_form.cleaned_data)
    messages.success(request, _("Thank you for looking back. Only you can see this."))
    return redirect("exercises:social")


def _social_page(request, context, *, form, check_form=None, checking=None):  # type: ignore[no-untyped-def]
    this_week = week_start(request.user.local_date())
    intentions = list(
        SocialIntention.objects.of(request.user).filter(
            week_start__gte=this_week - timedelta(weeks=8)
        )
    )
    current = next((i for i in intentions if i.week_start == this_week), None)
    to_check = [i for i in intentions if i.week_start >= this_week - timedelta(weeks=1)]
    context.update(
        form=form,
        current=current,
        to_check=[(i, check_form if i == checking else _check_form(i)) for i in to_check],
        earlier=[i for i in intentions if i not in to_check],
    )
    status = 422 if form.errors or (check_form and check_form.errors) else 200
    return render(request, "exercises/social.html", context, status=status)


def _check_prefix(intention: SocialIntention) -> str:
    return f"check-{intention.public_id.hex[:8]}"


def _check_form(intention: SocialIntention) -> CheckIntentionForm:
    initial = {"outcome": intention.outcome, "reflection": intention.reflection}
    return CheckIntentionForm(prefix=_check_prefix(intention), initial=initial)


@patient_required
def emotion(request: AuthenticatedRequest) -> HttpResponse:
    context = page_context(request.user, ExerciseKey.EMOTION)
    form = EmotionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = actions.record_emotion(
            patient=request.user, now=timezone.now(), **form.cleaned_data
        )
        messages.success(request, _("Saved. Only you can see this."))
        return redirect("exercises:emotion_entry", public_id=entry.public_id)
    today = request.user.local_date()
    context.update(
        form=form,
        prompt=context["script"].prompt_for(today) if context["script"] else None,
        history=EmotionEntry.objects.of(request.user)[:HISTORY],
    )
    return render(request, "exercises/emotion.html", context, status=422 if form.errors else 200)


@patient_required
def emotion_entry(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    entry = own_or_404(EmotionEntry, request.user, public_id)
    texts = (entry.what_happened, entry.feeling, entry.body, entry.what_i_did)
    context = page_context(
        request.user,
        ExerciseKey.EMOTION,
        entry=entry,
        offer_help=any(mentions_crisis(text) for text in texts),
    )
    return render(request, "exercises/emotion_entry.html", context)


@patient_required
@require_POST
def delete_emotion(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    own_or_404(EmotionEntry, request.user, public_id).delete()
    messages.success(request, _("The entry is deleted."))
    return redirect("exercises:emotion")
