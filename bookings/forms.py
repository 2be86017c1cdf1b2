from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings import requests
from bookings.models import Appointment, AppointmentType
from pijnreset.form_bounds import (
    booking_date_error,
    local_time_error,
    validate_past_date,
    validate_single_line,
)
from pijnreset.formproof import form_proof_problem, issue_form_proof
from practices.models import Practice, Therapist


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(name)
    return field


def _model_choice_field(form: forms.Form, name: str) -> forms.ModelChoiceField:  # type: ignore[type-arg]
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(name)
    return field


class SlotQueryForm(forms.Form):
    """Which way, which appointment, which week: the slot list's filter (GET).

    Nothing here is an error: what is missing, too long or does not fit is chosen
    by bookings/menu.py (the kind first, then a type that can take place that way).
    """

    kind = forms.CharField(max_length=20, required=False)
    type = forms.CharField(max_length=40, required=False)
    # A navigation parameter: a week that is no date shows this week (never an error).
    week = forms.CharField(max_length=20, required=False)

    def asked(self) -> dict[str, Any]:
        """kind, type (None when not given) and week (None when not a date)."""
        data = self.cleaned_data if self.is_valid() else {}
        try:
            week: date | None = date.fromisoformat(data.get("week") or "")
        except ValueError:
            week = None
        return {"kind": data.get("kind") or None, "type": data.get("type") or None, "week": week}


class SlotForm(forms.Form):
    """The chosen time: therapist, start (aware ISO 8601), type and kind, resolved in
    bookings/requests.py into `cleaned_data["request"]` (and its parts, by name)."""

    therapist = forms.CharField(max_length=40, widget=forms.HiddenInput)
    start = forms.CharField(max_length=40, widget=forms.HiddenInput)
    type = forms.CharField(max_length=40, widget=forms.HiddenInput)
    kind = forms.CharField(max_length=20, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        asked = _resolve(
            self,
            start=data["start"],
            kind=data["kind"] or None,
            therapist=data["therapist"],
            appointment_type=data["type"],
            practice=self.practice,
        )
        if asked is None:
            return data
        data |= {
            "request": asked,
            "therapist": asked.therapist,
            "appointment_type": asked.appointment_type,
            "kind": asked.kind,
            "start": asked.start,
        }
        return data


class GuestForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm. It works for 30 minutes."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.RegexField(
        label=_("Your phone number"),
        regex=r"^\+?[0-9][0-9 \-]{7,18}$",
        max_length=20,
        error_messages={"invalid": _("Enter a phone number, for example 06 12345678.")},
        help_text=_("So the practice can reach you if something changes."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    # A person, not a script (pijnreset/formproof.py): checked in clean(), renewed on each show.
    proof = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proof"].initial = issue_form_proof()

    def clean(self) -> dict[str, Any]:
        super().clean()
        problem = form_proof_problem(self.cleaned_data.pop("proof", ""))
        if problem:
            self.add_error(None, problem)
        return self.cleaned_data

    def full_clean(self) -> None:
        super().full_clean()
        if self.is_bound:  # the form is shown again: with a new token, the old one is used
            data = QueryDict(mutable=True)
            data.update(self.data)
            data[self.add_prefix("proof")] = issue_form_proof()
            self.data = data


class PhoneForm(forms.Form):
    phone_to_call = forms.RegexField(
        label=_("Which number should we call?"),
        regex=r"^\+?[0-9][0-9 \-]{7,18}$",
        max_length=20,
        error_messages={"invalid": _("Enter a phone number, for example 06 12345678.")},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )


class RescheduleForm(forms.Form):
    """A new time and way for an appointment. The offered times and ways are shown as
    choices; what is sent is judged by bookings/requests.py and the action, exactly as
    the API's reschedule is (no kind: the appointment keeps its own)."""

    start = forms.CharField(label=_("Choose a new time"), max_length=40, widget=forms.RadioSelect)
    kind = forms.CharField(label=_("How?"), max_length=20, required=False, widget=forms.Select)
    phone_to_call = forms.RegexField(
        label=_("Which number should we call?"),
        regex=r"^\+?[0-9][0-9 \-]{7,18}$",
        max_length=20,
        required=False,
        error_messages={"invalid": _("Enter a phone number, for example 06 12345678.")},
        help_text=_("Only needed for a phone consult."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def __init__(
        self,
        *args: Any,
        appointment: Appointment,
        times: list[tuple[str, str]],
        kinds: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.appointment = appointment
        self.fields["start"].widget.choices = times  # type: ignore[attr-defined]
        self.fields["kind"].widget.choices = kinds  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        asked = _resolve(
            self, start=data["start"], kind=data["kind"] or None, moving=self.appointment
        )
        if asked is None:
            return data
        data |= {"request": asked, "start": asked.start, "kind": asked.kind}
        return data


class AgendaForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        required=False,
        validators=[validate_past_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    view = forms.ChoiceField(
        label=_("Day or week"), choices=[("day", _("Day")), ("week", _("Week"))], required=False
    )
    therapist = forms.ModelChoiceField(
        label=_("Therapist"),
        queryset=Therapist.objects.none(),
        required=False,
        to_field_name="public_id",
        empty_label=_("Everyone"),
    )

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _model_choice_field(self, "therapist").queryset = Therapist.objects.filter(
            practices=practice
        ).order_by("name")


class BlockTimeForm(forms.Form):
    therapist = forms.ModelChoiceField(
        label=_("Therapist"), queryset=Therapist.objects.none(), to_field_name="public_id"
    )
    first_day = forms.DateField(
        label=_("From (date)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    from_time = forms.TimeField(
        label=_("From (time)"),
        initial=time(9),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    last_day = forms.DateField(
        label=_("Until (date)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until_time = forms.TimeField(
        label=_("Until (time)"),
        initial=time(17),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=120,
        required=False,
        validators=[validate_single_line],
        help_text=_("Only your colleagues see this. Do not write anything about patients."),
    )

    def __init__(self, *args: Any, practice: Practice, therapists: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice
        _model_choice_field(self, "therapist").queryset = therapists

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        first_day, from_time = data.get("first_day"), data.get("from_time")
        last_day, until_time = data.get("last_day"), data.get("until_time")
        today = timezone.now().astimezone(self.practice.zone).date()
        for name in ("first_day", "last_day"):
            error = booking_date_error(data[name], today=today) if data.get(name) else None
            if error is not None:
                self.add_error(name, error)
        for day_name, time_name in (("first_day", "from_time"), ("last_day", "until_time")):
            day, moment = data.get(day_name), data.get(time_name)
            error = (
                local_time_error(datetime.combine(day, moment), self.practice.zone)
                if day and moment
                else None
            )
            if error is not None:
                self.add_error(time_name, error)
        if self.errors:
            return data
        if first_day and from_time and last_day and until_time:
            zone = self.practice.zone
            data["start"] = datetime.combine(first_day, from_time, tzinfo=zone)
            data["end"] = datetime.combine(last_day, until_time, tzinfo=zone)
            if data["end"] <= data["start"]:
                self.add_error("until_time", _("The end must be after the start."))
        return data


AppointmentTypeFormSet = inlineformset_factory(
    Practice,
    AppointmentType,
    fields=["name_nl", "name_en", "duration_minutes", "buffer_minutes", "kinds", "is_active"],
    extra=0,
    can_delete=False,
)


def _resolve(form: forms.Form, **asked: Any) -> requests.BookingRequest | None:
    """The one booking request for a form's cleaned values, or None with the refusal
    added to the form (on its field when the form has one)."""
    try:
        return requests.resolve_booking_request(now=timezone.now(), **asked)
    except requests.RequestRefused as refused:
        form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        return None
