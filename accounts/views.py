from allauth.account.views import LoginView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import actions
from accounts.access import has_health_data_consent
from accounts.consent_texts import TEXTS
from accounts.forms import (
    DeleteAccountForm,
    GiveHealthConsentForm,
    GiveResearchConsentForm,
    ProfileForm,
)
from accounts.models import Consent, Role
from pijnreset.http import AuthenticatedRequest


@login_required
def profile(request: AuthenticatedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = form.save()
            messages.success(request, _("Your settings are saved."))
            with translation.override(user.preferred_language):
                return redirect("accounts:profile")
        return render(request, "accounts/profile.html", _profile_context(request, form), status=422)
    return render(request, "accounts/profile.html", _profile_context(request, form))


def _profile_context(
    request: AuthenticatedRequest,
    form: ProfileForm,
    research_form: GiveResearchConsentForm | None = None,
) -> dict[str, object]:
    consents = Consent.objects.filter(user=request.user).order_by("purpose", "-given_at")
    is_patient = request.user.role == Role.PATIENT
    asks_research = is_patient and not any(
        c.purpose == Consent.Purpose.RESEARCH and c.withdrawn_at is None for c in consents
    )
    return {
        "form": form,
        "consents": consents,
        "texts": TEXTS,
        "is_patient_account": is_patient,
        "consent_form": _consent_form_for(request),
        "research_form": (research_form or GiveResearchConsentForm()) if asks_research else None,
    }


def _consent_form_for(
    request: AuthenticatedRequest, data: object = None
) -> GiveHealthConsentForm | None:
    """The form to give health-data consent again: only for a patient account without it."""
    if request.user.role != Role.PATIENT or has_health_data_consent(request.user):
        return None
    return GiveHealthConsentForm(data)  # type: ignore[arg-type]


@login_required
@require_POST
def withdraw_consent(request: AuthenticatedRequest, purpose: str) -> HttpResponse:
    if purpose not in Consent.Purpose.values or purpose == Consent.Purpose.TERMS:
        raise Http404
    actions.withdraw_consent(user=request.user, purpose=purpose, now=timezone.now())
    if purpose == Consent.Purpose.HEALTH_DATA:
        return redirect("accounts:consent_withdrawn")
    messages.success(request, _("Your permission is withdrawn."))
    return redirect("accounts:profile")


@login_required
def consent_withdrawn(request: AuthenticatedRequest) -> HttpResponse:
    """After withdrawing the health-data consent: what stopped, and what you can do now."""
    if request.user.role != Role.PATIENT or has_health_data_consent(request.user):
        return redirect("accounts:profile")
    context = {"consent_form": _consent_form_for(request)}
    return render(request, "accounts/consent_withdrawn.html", context)


@login_required
@require_POST
def give_health_consent(request: AuthenticatedRequest) -> HttpResponse:
    """Give the health-data consent (again); the programme works again at once."""
    if request.user.role != Role.PATIENT:
        raise Http404
    form = GiveHealthConsentForm(request.POST)
    if not form.is_valid():
        context = {"consent_form": form}
        return render(request, "accounts/consent_withdrawn.html", context, status=422)
    actions.give_consent(user=request.user, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now())
    messages.success(request, _("Thank you. Your permission is given: the programme works again."))
    return redirect("accounts:profile")


@login_required
@require_POST
def give_research_consent(request: AuthenticatedRequest) -> HttpResponse:
    """Count my anonymised figures in research (CLINICAL.md §8); withdrawn like the others."""
    if request.user.role != Role.PATIENT:
        raise Http404
    research_form = GiveResearchConsentForm(request.POST)
    if not research_form.is_valid():
        context = _profile_context(request, ProfileForm(instance=request.user), research_form)
        return render(request, "accounts/profile.html", context, status=422)
    actions.give_consent(user=request.user, purpose=Consent.Purpose.RESEARCH, now=timezone.now())
    messages.success(request, _("Thank you. From now on your figures count, without your name."))
    return redirect("accounts:profile")


@login_required
def delete_account(request: AuthenticatedRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "accounts/delete.html", {"form": form}, status=422)
        user = request.user
        logout(request)
        actions.delete_account(user=user)
        messages.success(request, _("Your account and all your data have been deleted."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


_allauth_login = LoginView.as_view()


def login(request: HttpRequest) -> HttpResponse:
    """allauth's log-in page; 429 when its failed-log-in limit refused (see AccountAdapter)."""
    response = _allauth_login(request)
    if getattr(request, "rate_limited", False):
        response.status_code = 429
    return response
