from datetime import date, timedelta
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from diary import actions, rules
from diary.crisis import mentions_crisis
from diary.errors import CheckInError, NothingToCopy
from diary.forms import CheckInForm, ReminderForm
from diary.models import CheckIn, CheckInRevision, ReminderPreference
from pijnreset.http import AuthenticatedRequest
from pijnreset.kept_html import as_format, with_token
from programme.day_state import kept_for_the_day
from push import actions as push_actions
from push.delivery import push_enabled
from push.endpoints import endpoint_digest
from push.models import PushSubscription


@patient_required
def check_in(request: AuthenticatedRequest, day: date | None = None) -> HttpResponse:
    """The daily check-in for today or one of the 7 days before (one query for the days)."""
    now = timezone.now()
    today = request.user.local_date(now)
    day = day or today
    if rules.date_problem(day, today=today) is not None:
        raise Http404
    if request.method != "POST":
        body = kept_for_the_day(
            f"checkin-{day.isoformat()}", request.user, now, get_language() or "nl",
            lambda: _check_in_as_format(request.user, day=day, today=today),
        )  # fmt: skip
        return render(request, "diary/check_in.html", {"body": with_token(body, request)})
    days = CheckInDays(request.user, day=day, today=today)
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            recorded = actions.record_check_in(
                patient=request.user,
                day=day,
                values=form.to_values(),
                now=timezone.now(),
                source=CheckInRevision.Source.FORM,
            )
        except CheckInError as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            return _saved(request, offer_help=recorded.offer_help)
    context = days.context(form, offer_help=mentions_crisis(request.POST.get("note", "")))
    return render(request, "diary/check_in.html", context, status=422)


def _check_in_as_format(user: object, *, day: date, today: date) -> str:
    """The page's body for `day` as the patient left it, to keep until their data changes
    (programme.day_state.kept_for_the_day: the patient's version, their day and language)."""
    days = CheckInDays(user, day=day, today=today)
    form = CheckInForm(initial=days.starting_point())
    return as_format("diary/includes/check_in_body.html", days.context(form))


@patient_required
@require_POST
def same_as_yesterday(request: AuthenticatedRequest, day: date) -> HttpResponse:
    """One tap: the scores of the day before, for `day`."""
    try:
        recorded = actions.copy_yesterday(patient=request.user, day=day, now=timezone.now())
    except NothingToCopy as exc:
        messages.error(request, str(exc.message))
        return redirect("diary:checkin_on", day=day)
    except CheckInError:
        raise Http404 from None
    return _saved(request, offer_help=recorded.offer_help)


def _saved(request: AuthenticatedRequest, *, offer_help: bool) -> HttpResponse:
    if offer_help:
        messages.info(
            request,
            _(
                "Your check-in is saved. What you wrote sounds very heavy. You do not have "
                "to carry this alone: below you find people you can talk to right now."
            ),
        )
        return redirect("help")
    messages.success(request, _("Thank you. Your check-in is saved."))
    return redirect("programme:today")


class CheckInDays:
    """The check-ins of the 8 days a patient may fill in, read in one query."""

    def __init__(self, user: object, *, day: date, today: date) -> None:
        self.day, self.today = day, today
        dates = rules.allowed_dates(today)
        self.by_date = {c.date: c for c in CheckIn.objects.of(user).between(dates[-1], today)}
        self.existing = self.by_date.get(day)
        self.before = self.by_date.get(day - timedelta(days=1))
        self.dates = dates

    def starting_point(self) -> dict[str, object]:
        """Today's own values, or else yesterday's scores as a starting point."""
        source = self.existing or self.before
        if source is None:
            return {}
        initial: dict[str, object] = {
            name: getattr(source, name)
            for name in ("pain", "fatigue", "sleep_quality", "stress", "mood", "gut")
        }
        initial["pain_areas"] = list(source.pain_areas)
        if self.existing is not None:
            initial.update(note=self.existing.note, flare=self.existing.flare)
        return initial

    def context(self, form: CheckInForm, *, offer_help: bool = False) -> dict[str, object]:
        return {
            "form": form,
            "day": self.day,
            "is_today": self.day == self.today,
            "is_yesterday": self.day == self.today - timedelta(days=1),
            "existing": self.existing,
            "from_yesterday": self.existing is None and self.before is not None,
            "can_copy": self.before is not None,
            "other_days": [(d, d in self.by_date) for d in self.dates if d != self.day],
            "today": self.today,
            "offer_help": offer_help,
            "selected_areas": form["pain_areas"].value() or [],
        }


@patient_required
def reminder(request: AuthenticatedRequest) -> HttpResponse:
    """If and when the daily check-in reminder comes."""
    preference = ReminderPreference.objects.filter(user=request.user).first()
    initial = {"enabled": False, "at": "19:00", "during_flare": False}
    if preference is not None:
        initial = {
            "enabled": preference.enabled,
            "at": preference.at,
            "during_flare": preference.during_flare,
        }
    form = ReminderForm(request.POST or None, initial=initial)
    devices = list(PushSubscription.objects.filter(user=request.user))
    context = {
        "form": form,
        "push_enabled": push_enabled(),
        "vapid_public_key": settings.VAPID_PUBLIC_KEY,
        "devices": devices,
        "device_digests": " ".join(endpoint_digest(device.endpoint) for device in devices),
    }
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "diary/reminder.html", context, status=422)
        actions.set_checkin_reminder(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your reminder setting is saved."))
        return redirect("diary:reminder")
    return render(request, "diary/reminder.html", context)


@require_POST
@patient_required
def remove_device(request: AuthenticatedRequest, device: UUID) -> HttpResponse:
    """Switch notifications off for one device in the list (works without JavaScript)."""
    if not push_actions.unsubscribe_device(user=request.user, public_id=device):
        raise Http404
    messages.success(request, _("Notifications are off on that device."))
    return redirect("diary:reminder")
