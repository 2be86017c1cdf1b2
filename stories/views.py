"""Recovery stories: the public pages, writing one, withdrawing consent, moderation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pijnreset import ratelimit
from pijnreset.http import AuthenticatedRequest
from reviews.access import is_moderator
from reviews.errors import ReviewError
from stories import access, actions
from stories.forms import StoryDecisionForm, StoryForm
from stories.models import Story, StoryStatus


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    try:
        number = max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        number = 1
    page = Paginator(Story.objects.public(), 20).get_page(number)
    return render(request, "stories/index.html", {"page": page})


@require_GET
def story(request: HttpRequest, story_id: str) -> HttpResponse:
    return render(request, "stories/story.html", {"story": access.public_story(story_id)})


@login_required
@require_http_methods(["GET", "POST"])
def write(request: AuthenticatedRequest) -> HttpResponse:
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limited = ratelimit.hit(request, "story")
        if limited is not None:
            return ratelimit.refuse_page(request, limited)
        actions.write_story(
            actor=request.user,
            values=form.values(),
            language=get_language() or "nl",
            now=timezone.now(),
        )
        messages.success(
            request, _("Thank you. Our moderator reads your story before it is shown.")
        )
        return redirect("stories:mine")
    status = 422 if form.is_bound else 200
    return render(request, "stories/write.html", {"form": form}, status=status)


@login_required
@require_GET
def mine(request: AuthenticatedRequest) -> HttpResponse:
    rows = Story.objects.filter(author=request.user).order_by("-created_at")[:50]
    return render(request, "stories/mine.html", {"stories": rows})


@login_required
@require_POST
def withdraw(request: AuthenticatedRequest, story_id: str) -> HttpResponse:
    found = access.own_story(request.user, story_id)
    actions.withdraw_consent(actor=request.user, story=found, now=timezone.now())
    messages.success(request, _("Your consent is withdrawn. Your story is no longer shown."))
    return redirect("stories:mine")


@login_required
@require_GET
def queue(request: AuthenticatedRequest) -> HttpResponse:
    if not is_moderator(request.user):
        raise Http404
    waiting = Story.objects.filter(
        status=StoryStatus.PENDING, consent_withdrawn_at__isnull=True
    ).order_by("created_at")[:100]
    published = Story.objects.public().order_by("-published_at")[:100]
    return render(request, "stories/queue.html", {"waiting": waiting, "published": published})


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: AuthenticatedRequest, story_id: str) -> HttpResponse:
    found = access.story_to_moderate(request.user, story_id)
    form = StoryDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.moderate_story(
                actor=request.user,
                story=found,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
            )
        except ReviewError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your decision was saved."))
            return redirect("stories:queue")
    context = {"story": found, "form": form, "decisions": found.decisions.all()[:20]}
    return render(request, "stories/decide.html", context, status=422 if form.errors else 200)
