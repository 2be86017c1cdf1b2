from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from bookings import slots
from bookings.models import AppointmentType, Kind, WorkingHours
from pijnreset.formproof import form_proof_problem, issue_form_proof
from practices.models import Practice, Therapist


def iso_z(moment: datetime) -> str:
    """An aware instant as ISO 8601 in UTC with a Z: safe in a URL as it is."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_instant(text: str) -> datetime | None:
    """An aware ISO 8601 instant, or None when malformed or without a zone."""
    try:
        value = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        return None
    return value.astimezone(UTC)


def kind_choices_for(practice: Practice) -> list[tuple[str, str]]:
    return [(kind.value, str(kind.label)) for kind in Kind if practice.offers(kind.value)]


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
    """Which appointment, which way, which week: the slot list's filter (GET)."""

    type = forms.ChoiceField(label=_("What kind of appointment?"))
    kind = forms.ChoiceField(label=_("How?"))
    week = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, practice: Practice, types: list[AppointmentType], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.types = {t.slug: t for t in types}
        _choice_field(self, "type").choices = [(t.slug, t.name) for t in types]
        _choice_field(self, "kind").choices = kind_choices_for(practice)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        chosen = self.types.get(data.get("type", ""))
        if chosen is not None and data.get("kind") and not chosen.allows(data["kind"]):
            self.add_error(
                "kind", _("This appointment cannot take place this way. Please choose another way.")
            )
        data["appointment_type"] = chosen
        return data


class SlotForm(forms.Form):
    """The chosen time: therapist, start (aware ISO 8601), type and kind."""

    therapist = forms.UUIDField(widget=forms.HiddenInput)
    start = forms.CharField(max_length=40, widget=forms.HiddenInput)
    type = forms.SlugField(max_length=40, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=Kind.choices, widget=forms.HiddenInput)

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice

    def clean_start(self) -> datetime:
        value = parse_instant(self.cleaned_data["start"])
        if value is None:
            raise forms.ValidationError(_("This time is not valid."))
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        data["therapist"] = (
            Therapist.objects.listed()
            .filter(practices=self.practice, public_id=data["therapist"])
            .first()
        )
        data["appointment_type"] = self.practice.appointment_types.filter(
            slug=data["type"], is_active=True
        ).first()
        if data["therapist"] is None or data["appointment_type"] is None:
            raise forms.ValidationError(
                _("This time cannot be booked. Please choose one of the times shown.")
            )
        return data


class GuestForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
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
    start = forms.ChoiceField(label=_("Choose a new time"), widget=forms.RadioSelect)
    kind = forms.ChoiceField(label=_("How?"))
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
        self, *args: Any, times: list[tuple[str, str]], kinds: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "start").choices = times
        _choice_field(self, "kind").choices = kinds

    def clean_start(self) -> datetime:
        value = parse_instant(self.cleaned_data["start"])
        if value is None:
            raise forms.ValidationError(_("This time is not valid."))
        return value


class AgendaForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    view = forms.ChoiceField(
        label=_("Show"), choices=[("day", _("Day")), ("week", _("Week"))], required=False
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
        if first_day and from_time and last_day and until_time:
            zone = self.practice.zone
            data["start"] = datetime.combine(first_day, from_time, tzinfo=zone)
            data["end"] = datetime.combine(last_day, until_time, tzinfo=zone)
            if data["end"] <= data["start"]:
                self.add_error("until_time", _("The end must be after the start."))
        return data


WorkingHoursFormSet = inlineformset_factory(
    Therapist,
    WorkingHours,
    fields=["weekday", "start", "end"],
    extra=2,
    can_delete=True,
    widgets={
        "start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        "end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    },
)


def edited_working_hours(formset: BaseInlineFormSet) -> list[slots.WorkingHours]:  # type: ignore[type-arg]
    """The week as edited in a valid WorkingHoursFormSet: empty and deleted rows left out."""
    return [
        slots.WorkingHours(weekday=row["weekday"], start=row["start"], end=row["end"])
        for row in formset.cleaned_data
        if row and not row.get("DELETE")
    ]


AppointmentTypeFormSet = inlineformset_factory(
    Practice,
    AppointmentType,
    fields=["name_nl", "name_en", "duration_minutes", "buffer_minutes", "kinds", "is_active"],
    extra=0,
    can_delete=False,
)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
