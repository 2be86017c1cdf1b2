"""The settings page for personal access tokens (routed from programme/urls.py)."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from api import actions
from api.forms import TokenForm
from api.models import PersonalAccessToken
from pijnreset.http import AuthenticatedRequest


@patient_required
def tokens(request: AuthenticatedRequest) -> HttpResponse:
    """List, create (shown once) and revoke the user's API tokens."""
    form = TokenForm(request.POST or None)
    issued = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                issued = actions.create_access_token(
                    user=request.user, name=form.cleaned_data["name"], now=timezone.now()
                )
                form = TokenForm()
            except actions.TooManyTokens:
                form.add_error(None, _("You have 10 tokens. Revoke one before you make another."))
                status = 422
        else:
            status = 422
    context = {
        "form": form,
        "issued": issued,
        "tokens": PersonalAccessToken.objects.active().filter(user=request.user),
    }
    return render(request, "api/tokens.html", context, status=status)


@patient_required
@require_POST
def revoke_token(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    token = get_object_or_404(PersonalAccessToken, public_id=public_id, user=request.user)
    actions.revoke_access_token(token=token, now=timezone.now())
    messages.success(request, _("The token is revoked. It no longer works."))
    return redirect("programme:api_tokens")
