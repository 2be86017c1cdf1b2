"""The moderator's queue and decisions; the practice's replies and reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from pijnreset import ratelimit
from pijnreset.http import AuthenticatedRequest
from practices.access import practice_managed_by
from reviews import access, actions
from reviews.errors import ReviewError
from reviews.forms import DecisionForm, ReplyForm, ReportForm
from reviews.models import Review, ReviewStatus


@login_required
@require_GET
def queue(request: AuthenticatedRequest) -> HttpResponse:
    """Waiting reviews, oldest first (positive and negative alike), then reported ones."""
    if not access.is_moderator(request.user):
        raise Http404
    open_reports = Count("reports", filter=Q(reports__handled_at__isnull=True))
    rows = Review.objects.select_related("practice", "therapist").annotate(
        open_reports=open_reports
    )
    waiting = rows.filter(status=ReviewStatus.PENDING).order_by("created_at")[:100]
    reported = rows.filter(status=ReviewStatus.PUBLISHED, open_reports__gt=0).order_by(
        "created_at"
    )[:100]
    return render(request, "reviews/queue.html", {"waiting": waiting, "reported": reported})


@login_required
@require_http_methods(["GET", "POST"])
def decide(request: AuthenticatedRequest, review_id: str) -> HttpResponse:
    review = access.review_to_moderate(request.user, review_id)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, now = form.cleaned_data, timezone.now()
        try:
            if data["decision"] == "publish":
                actions.publish_review(actor=request.user, review=review, now=now)
            elif data["decision"] == "reject":
                actions.reject_review(
                    actor=request.user,
                    review=review,
                    reason=data["reason"],
                    note=data["note"],
                    now=now,
                )
            else:
                actions.dismiss_reports(actor=request.user, review=review, now=now)
        except ReviewError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your decision was saved."))
            return redirect("reviews:queue")
    context = {
        "review": review,
        "form": form,
        "reports": review.reports.filter(handled_at__isnull=True).order_by("created_at"),
        "decisions": review.decisions.select_related("moderator")[:20],
    }
    return render(request, "reviews/decide.html", context, status=422 if form.errors else 200)


@login_required
@require_GET
def practice_reviews(request: AuthenticatedRequest, practice_id: str) -> HttpResponse:
    """A manager's view of their practice's published reviews, to reply or report."""
    practice = practice_managed_by(request.user, practice_id)
    rows = (
        Review.objects.published()
        .filter(practice=practice)
        .select_related("therapist", "reply")
        .order_by("-created_at")[:100]
    )
    return render(request, "reviews/practice.html", {"practice": practice, "reviews": rows})


@login_required
@require_http_methods(["GET", "POST"])
def reply(request: AuthenticatedRequest, practice_id: str, review_id: str) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    review = access.review_of_managed_practice(request.user, practice, review_id)
    current = getattr(review, "reply", None)
    form = ReplyForm(request.POST or None, initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        limited = ratelimit.hit(request, "review")
        if limited is not None:
            return ratelimit.refuse_page(request, limited)
        try:
            actions.reply_to_review(
                actor=request.user,
                review=review,
                text=form.cleaned_data["text"],
                now=timezone.now(),
            )
        except ReviewError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, _("Your reply is shown with the review."))
            return redirect("reviews:practice", practice_id=practice.public_id)
    context = {"practice": practice, "review": review, "form": form, "kind": "reply"}
    return render(request, "reviews/respond.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def report(request: AuthenticatedRequest, practice_id: str, review_id: str) -> HttpResponse:
    practice = practice_managed_by(request.user, practice_id)
    review = access.review_of_managed_practice(request.user, practice, review_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limited = ratelimit.hit(request, "review")
        if limited is not None:
            return ratelimit.refuse_page(request, limited)
        try:
            actions.report_review(
                actor=request.user,
                review=review,
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
            )
        except ReviewError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The moderator will look at this review again."))
            return redirect("reviews:practice", practice_id=practice.public_id)
    context = {"practice": practice, "review": review, "form": form, "kind": "report"}
    return render(request, "reviews/respond.html", context, status=422 if form.errors else 200)
