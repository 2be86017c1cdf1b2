"""The insights pages under /inzicht/: trends and change, personal insights and pacing,
personal factors, planned experiments. Views are thin: the reads live in insights/data.py,
insights/found.py and insights/plans.py, the writes in insights/actions.py."""

from datetime import date, timedelta
from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from diary.rules import allowed_dates
from exercises.movement import pacing_for
from insights import actions, data, found, words
from insights.access import own_or_404
from insights.errors import InsightsError
from insights.forms import PERIODS, ExperimentForm, FactorForm, FactorValuesForm, SummaryForm
from insights.kept import trends_body
from insights.models import MAX_FACTORS, FactorEntry, PersonalFactor, SummaryPreference
from insights.pacing import last_week
from insights.plans import experiment_view, open_experiment
from pijnreset.db_routing import heavy_reads_if
from pijnreset.http import AuthenticatedRequest

DEFAULT_PERIOD = "4"
LONGEST_PERIOD_DAYS = 3 * 366


def _period(request: AuthenticatedRequest, today: date) -> tuple[str, date]:
    chosen = request.GET.get("periode", DEFAULT_PERIOD)
    if chosen not in PERIODS:
        chosen = DEFAULT_PERIOD
    days = PERIODS[chosen]
    if days is None:
        start = data.baseline_start(request.user) or today
        return chosen, max(start, today - timedelta(days=LONGEST_PERIOD_DAYS - 1))
    return chosen, today - timedelta(days=days - 1)


@patient_required
def overview(request: AuthenticatedRequest) -> HttpResponse:
    """Trends per score, change against the start and the PGIC answers."""
    today = request.user.local_date(timezone.now())
    period, first = _period(request, today)

    def body() -> str:
        with heavy_reads_if((today - first).days >= data.HEAVY_PERIOD_DAYS):
            trends = data.trends_for(request.user, min(first, today), today)
            change = data.change_for(request.user, today)
        context = {
            "period": period,
            "periods": PERIODS,
            "trends": trends,
            "change": change,
            "today": today,
        }
        return render_to_string("insights/_overview.html", context, request)

    kept = trends_body(request.user, period=period, first=first, last=today, render=body)
    return render(request, "insights/overview.html", {"body": kept})


@patient_required
def discover(request: AuthenticatedRequest) -> HttpResponse:
    """Personal insights, the pacing rules of thumb and the experiment, if any."""
    today = request.user.local_date(timezone.now())
    experiment = open_experiment(request.user)
    preference = SummaryPreference.objects.filter(patient=request.user).first()
    insights = found.insights_for(request.user, today)
    context = {
        "insights": insights,
        "shown": [
            words.insight_sentence(c, insights.factor_names, insights.medians)
            for c in insights.shown
        ],
        "tested": [
            (
                words.factor_label(c.factor, insights.factor_names),
                words.outcome_label(c.outcome),
                c.status,
                c.days,
                c.with_days,
                c.without_days,
            )  # fmt: skip
            for c in insights.comparisons
        ],
        "pacing": pacing_for(patient=request.user, today=today),
        "pacing_days": last_week(request.user, today),
        "experiment": experiment and experiment_view(request.user, experiment, today),
        "summary_form": SummaryForm(initial={"email": bool(preference and preference.email)}),
    }
    return render(request, "insights/discover.html", context)


@patient_required
def factors(request: AuthenticatedRequest) -> HttpResponse:
    """The patient's own factors: add one (at most five), stop asking one."""
    form = FactorForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                actions.add_factor(patient=request.user, now=timezone.now(), **form.cleaned_data)
            except InsightsError as exc:
                form.add_error("name", str(exc.message))
            else:
                messages.success(request, _("Saved. You will find it in your check-in."))
                return redirect("insights:factors")
    own = PersonalFactor.objects.filter(patient=request.user, active=True)
    context = {"form": form, "factors": own, "max_factors": MAX_FACTORS}
    return render(request, "insights/factors.html", context, status=status)


@patient_required
@require_POST
def stop_factor(request: AuthenticatedRequest, public_id: UUID) -> HttpResponse:
    factor = own_or_404(PersonalFactor, request.user, public_id)
    actions.archive_factor(patient=request.user, factor=factor)
    messages.success(request, _("We no longer ask about it. What you filled in stays."))
    return redirect("insights:factors")


@patient_required
def factor_values(request: AuthenticatedRequest, day: date | None = None) -> HttpResponse:
    """Fill in the personal factors of one day (today and the 7 days before)."""
    now = timezone.now()
    today = request.user.local_date(now)
    day = day or today
    own = list(PersonalFactor.objects.filter(patient=request.user, active=True))
    form = FactorValuesForm(request.POST or None, factors=own, initial=_initial(own, day))
    status = 200 if day in allowed_dates(today) else 404
    if status == 200 and request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                actions.record_factor_values(
                    patient=request.user, day=day, values=form.cleaned_data, now=now
                )
            except InsightsError as exc:
                form.add_error(None, str(exc.message))
            else:
                messages.success(request, _("Saved."))
                return redirect("insights:factor_values_on", day=day)
    context = {"form": form, "day": day, "today": today, "factors": own}
    return render(request, "insights/factor_values.html", context, status=status)


def _initial(own: list[PersonalFactor], day: date) -> dict[str, int]:
    entries = FactorEntry.objects.filter(factor__in=own, date=day).select_related("factor")
    return {str(e.factor.public_id): e.value for e in entries}


@patient_required
def experiment(request: AuthenticatedRequest) -> HttpResponse:
    """Plan an on/off experiment, or see the running one and, at the end, its result."""
    now = timezone.now()
    today = request.user.local_date(now)
    running = open_experiment(request.user)
    form = ExperimentForm(request.POST or None, initial={"started_on": today, "weeks": 8})
    status = 200
    if request.method == "POST" and running is None:
        status = 422
        if form.is_valid():
            try:
                actions.plan_experiment(patient=request.user, now=now, **form.cleaned_data)
            except InsightsError as exc:
                form.add_error(exc.field or None, str(exc.message))
            else:
                messages.success(
                    request, _("Your plan is ready. We will remind you which week is which.")
                )
                return redirect("insights:experiment")
    context = {
        "form": form,
        "experiment": running and experiment_view(request.user, running, today),
    }
    return render(request, "insights/experiment.html", context, status=status)


@patient_required
@require_POST
def stop_experiment(request: AuthenticatedRequest) -> HttpResponse:
    running = open_experiment(request.user)
    if running is not None:
        actions.stop_experiment(patient=request.user, experiment=running, now=timezone.now())
        messages.success(request, _("The experiment is closed. You can plan a new one."))
    return redirect("insights:experiment")


@patient_required
@require_POST
def summary_setting(request: AuthenticatedRequest) -> HttpResponse:
    form = SummaryForm(request.POST)
    form.is_valid()  # a checkbox: always valid
    actions.set_summary_email(patient=request.user, email=bool(form.cleaned_data.get("email")))
    messages.success(request, _("Saved."))
    return redirect("insights:discover")
