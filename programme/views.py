from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import patient_required
from diary import actions as diary_actions
from diary.models import Flare
from pijnreset.http import AuthenticatedRequest
from programme import actions
from programme.errors import ProgrammeError
from programme.forms import EnrolForm, ReflectionForm, RestartForm
from programme.models import Enrolment, LessonProgress, LessonText, Page
from programme.today import plan_for
from programme.today_body import today_body


def _language() -> str:
    return (get_language() or "nl")[:2]


@patient_required
def today(request: AuthenticatedRequest) -> HttpResponse:
    """What is due today: the check-in, one lesson, one practice (constant queries)."""
    body = today_body(request, request.user, timezone.now(), _language())  # kept, versioned
    return render(request, "programme/today.html", {"body": body})


@patient_required
@require_POST
def enrol(request: AuthenticatedRequest) -> HttpResponse:
    form = EnrolForm(request.POST)
    if form.is_valid():
        try:
            actions.enrol(
                user=request.user, started_on=form.cleaned_data["started_on"], now=timezone.now()
            )
        except ProgrammeError as exc:
            form.add_error("started_on", str(exc))
        else:
            messages.success(request, _("Welcome to the programme. Take it one day at a time."))
            return redirect("programme:today")
    plan = plan_for(user=request.user, now=timezone.now(), language=_language())
    context = {"plan": plan, "enrol_form": form}
    return render(request, "programme/today.html", context, status=422)


@patient_required
def overview(request: AuthenticatedRequest) -> HttpResponse:
    """All lessons by week, with what is read, and the programme's settings."""
    enrolment = Enrolment.objects.filter(user=request.user).first()
    today = request.user.local_date(timezone.now())
    texts = (
        LessonText.objects.filter(language=_language(), lesson__active=True)
        .select_related("lesson")
        .annotate(
            done=Exists(LessonProgress.objects.filter(user=request.user, lesson=OuterRef("lesson")))
        )
        .order_by("lesson__week", "lesson__order")
    )
    weeks: dict[int, list[LessonText]] = {}
    for text in texts:
        weeks.setdefault(text.lesson.week, []).append(text)
    day = enrolment.day(today) if enrolment else None
    context = {"enrolment": enrolment, "day": day, "weeks": weeks, "today": today}
    return render(request, "programme/overview.html", context)


@patient_required
@require_POST
def pause(request: AuthenticatedRequest) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment, user=request.user)
    try:
        actions.pause_programme(enrolment=enrolment, today=request.user.local_date(timezone.now()))
    except ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your programme is paused. Take the time you need."))
    return redirect("programme:overview")


@patient_required
@require_POST
def resume(request: AuthenticatedRequest) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment, user=request.user)
    actions.resume_programme(enrolment=enrolment, today=request.user.local_date(timezone.now()))
    messages.success(request, _("Welcome back. Your programme goes on where you left it."))
    return redirect("programme:today")


@patient_required
def restart(request: AuthenticatedRequest) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment, user=request.user)
    form = RestartForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "programme/restart.html", {"form": form}, status=422)
        now = timezone.now()
        actions.restart_programme(enrolment=enrolment, today=request.user.local_date(now), now=now)
        messages.success(request, _("You begin again at week 1. Lessons you read stay marked."))
        return redirect("programme:today")
    return render(request, "programme/restart.html", {"form": form})


@patient_required
def lesson(request: AuthenticatedRequest, key: str) -> HttpResponse:
    text = _lesson_text(key)
    progress = LessonProgress.objects.filter(user=request.user, lesson=text.lesson).first()
    form = ReflectionForm(initial={"reflection": progress.reflection if progress else ""})
    return render(request, "programme/lesson.html", _lesson_context(text, progress, form))


@patient_required
@require_POST
def complete_lesson(request: AuthenticatedRequest, key: str) -> HttpResponse:
    text = _lesson_text(key)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        progress = LessonProgress.objects.filter(user=request.user, lesson=text.lesson).first()
        context = _lesson_context(text, progress, form)
        return render(request, "programme/lesson.html", context, status=422)
    actions.complete_lesson(
        user=request.user,
        lesson=text.lesson,
        reflection=form.cleaned_data["reflection"],
        now=timezone.now(),
    )
    messages.success(request, _("Saved. This lesson is marked as read."))
    return redirect("programme:today")


def _lesson_text(key: str) -> LessonText:
    texts = sorted(
        LessonText.objects.filter(
            lesson__key=key, lesson__active=True, language__in={_language(), "nl"}
        ).select_related("lesson"),
        key=lambda text: text.language != _language(),
    )
    if not texts:
        raise Http404
    return texts[0]


def _lesson_context(
    text: LessonText, progress: LessonProgress | None, form: ReflectionForm
) -> dict[str, object]:
    keys = list(
        LessonText.objects.filter(language=text.language, lesson__active=True)
        .order_by("lesson__week", "lesson__order")
        .values_list("lesson__key", "title")
    )
    index = [key for key, _title in keys].index(text.lesson.key)
    return {
        "text": text,
        "lesson": text.lesson,
        "progress": progress,
        "form": form,
        "previous": keys[index - 1] if index > 0 else None,
        "next": keys[index + 1] if index + 1 < len(keys) else None,
    }


@patient_required
@require_POST
def flare_on(request: AuthenticatedRequest) -> HttpResponse:
    source = request.POST.get("source")
    diary_actions.start_flare(
        user=request.user,
        now=timezone.now(),
        source=Flare.Source.SUGGESTION if source == "suggestion" else Flare.Source.PATIENT,
    )
    messages.success(request, _("Today is a gentle day. Be kind to yourself."))
    return redirect("programme:today")


@patient_required
@require_POST
def flare_off(request: AuthenticatedRequest) -> HttpResponse:
    diary_actions.end_flare(user=request.user, now=timezone.now())
    messages.success(request, _("Your usual plan is back. Take it slowly."))
    return redirect("programme:today")


@patient_required
@require_POST
def dismiss_flare_suggestion(request: AuthenticatedRequest) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment, user=request.user)
    actions.dismiss_flare_suggestion(
        enrolment=enrolment, today=request.user.local_date(timezone.now())
    )
    return redirect("programme:today")


def pages(request: HttpRequest) -> HttpResponse:
    """Pain education for everyone (no log-in)."""
    found = Page.objects.public().in_language(_language())
    return render(request, "programme/pages.html", {"pages": found})


def page(request: HttpRequest, slug: str) -> HttpResponse:
    found = Page.objects.public().filter(slug=slug, language__in={_language(), "nl"})
    chosen = sorted(found, key=lambda p: p.language != _language())
    if not chosen:
        raise Http404
    return render(request, "programme/page.html", {"page": chosen[0]})


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest (installable on a phone's home screen), in the page's language."""
    icon = "programme/icon"
    data = {
        "name": "pijnreset",
        "short_name": "pijnreset",
        "description": _("A calm daily programme for fibromyalgia: check-in, lesson and exercise."),
        "lang": _language(),
        "id": "/vandaag/",
        "start_url": reverse("programme:today"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbfaf7",
        "theme_color": "#1f6660",
        "icons": [
            {"src": static(f"{icon}.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static(f"{icon}-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static(f"{icon}-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static(f"{icon}-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [
            {"name": _("Check-in"), "url": reverse("diary:checkin")},
            {"name": _("Today"), "url": reverse("programme:today")},
        ],
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    response["Cache-Control"] = "public, max-age=86400"
    return response
