"""Writing a review (by the e-mailed link or from one's appointments), changing it,
withdrawing it: the reviewer's own pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bookings.models import Appointment, LinkHolder, Status
from pijnreset import ratelimit
from pijnreset.http import AuthenticatedRequest
from reviews import access, actions
from reviews.errors import ReviewError
from reviews.forms import ReviewForm
from reviews.models import Review, ReviewInvitation


def _write(
    request: HttpRequest,
    *,
    appointment: Appointment,
    actor: object,
    invitation: ReviewInvitation | None,
) -> HttpResponse:
    now = timezone.now()
    refusal = actions.review_refusal(appointment, actor, now)  # type: ignore[arg-type]
    if refusal is not None:
        return render(request, "reviews/cannot.html", {"message": refusal.message}, status=409)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limited = ratelimit.hit(request, "review")
        if limited is not None:
            return ratelimit.refuse_page(request, limited)
        try:
            actions.submit_review(
                actor=actor,  # type: ignore[arg-type]
                appointment=appointment,
                values=form.values(),
                now=now,
                invitation=invitation,
            )
        except ReviewError as error:
            return render(request, "reviews/cannot.html", {"message": error.message}, status=409)
        return render(request, "reviews/thanks.html", {"appointment": appointment})
    status = 422 if form.is_bound else 200
    context = {"form": form, "appointment": appointment}
    return render(request, "reviews/write.html", context, status=status)


@require_http_methods(["GET", "POST"])
def write_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link: works once, for 30 days, for that one appointment."""
    invitation = access.invitation_for_token(token, now=timezone.now())
    if invitation is None:
        limited = ratelimit.hit(request, "link_guess", subjects={"prefix": token[:8]})
        if limited is not None:
            return ratelimit.refuse_page(request, limited)
        message = _(
            "This link does not work (any more). A link works once and for 30 days. "
            "If you have an account, you can write your review from your appointments."
        )
        return render(request, "reviews/cannot.html", {"message": message}, status=410)
    holder = LinkHolder(appointment_id=invitation.appointment_id)
    return _write(request, appointment=invitation.appointment, actor=holder, invitation=invitation)


@login_required
@require_http_methods(["GET", "POST"])
def write_for_appointment(request: AuthenticatedRequest, appointment_id: str) -> HttpResponse:
    appointment = access.own_appointment(request.user, appointment_id)
    return _write(request, appointment=appointment, actor=request.user, invitation=None)


@login_required
def mine(request: AuthenticatedRequest) -> HttpResponse:
    """The reviewer's reviews (with a moderator's reason) and completed appointments to review."""
    reviews = Review.objects.filter(author=request.user).select_related(
        "practice", "therapist", "reply"
    )[:100]
    to_review = (
        Appointment.objects.of_patient(request.user)
        .filter(status=Status.COMPLETED, start__lte=timezone.now(), review__isnull=True)
        .select_related("practice", "therapist")
        .order_by("-start")[:20]
    )
    return render(request, "reviews/mine.html", {"reviews": reviews, "to_review": to_review})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedRequest, review_id: str) -> HttpResponse:
    review = access.own_review(request.user, review_id)
    form = ReviewForm(request.POST or None, initial=ReviewForm.initial_for(review))
    if request.method == "POST" and form.is_valid():
        limited = ratelimit.hit(request, "review")
        if limited is not None:
            return ratelimit.refuse_page(request, limited)
        try:
            actions.edit_review(
                actor=request.user, review=review, values=form.values(), now=timezone.now()
            )
        except ReviewError as error:
            return render(request, "reviews/cannot.html", {"message": error.message}, status=409)
        messages.success(request, _("Your review was changed. Our moderator reads it again."))
        return redirect("reviews:mine")
    status = 422 if form.is_bound else 200
    context = {"form": form, "appointment": review.appointment, "review": review}
    return render(request, "reviews/write.html", context, status=status)


@login_required
@require_POST
def withdraw(request: AuthenticatedRequest, review_id: str) -> HttpResponse:
    review = access.own_review(request.user, review_id)
    actions.withdraw_review(actor=request.user, review=review, now=timezone.now())
    messages.success(request, _("Your review was withdrawn. It is no longer shown anywhere."))
    return redirect("reviews:mine")
