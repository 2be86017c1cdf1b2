from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dataports import csvimport
from dataports.actions import MAX_PERIOD_DAYS, period_problem
from dataports.models import ExportFormat
from pijnreset.form_bounds import guard_text_fields, validate_past_date

PERIOD_MESSAGES = {
    "order": _("The first day must not be after the last day."),
    "future": _("The period cannot end after today."),
    "too_long": _("Choose a period of at most %(days)d days."),
}


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[(f.value, f.label) for f in ExportFormat if f != ExportFormat.REPORT]
    )


class ReportForm(forms.Form):
    first = forms.DateField(
        label=_("From"),
        validators=[validate_past_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    last = forms.DateField(
        label=_("To"),
        validators=[validate_past_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    full_name = forms.CharField(
        label=_("Your name on the report (optional)"), max_length=120, required=False
    )
    birth_date = forms.DateField(
        label=_("Your date of birth on the report (optional)"),
        required=False,
        validators=[validate_past_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Only printed on this report; we do not keep it anywhere else."),
    )
    include_notes = forms.BooleanField(
        label=_("Add my own notes from the check-ins"), required=False
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"first": today - timedelta(days=27), "last": today})
        super().__init__(*args, **kwargs)
        self.today = today
        guard_text_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first"), data.get("last")
        if first and last:
            problem = period_problem(first, last, today=self.today)
            if problem is not None:
                message = str(PERIOD_MESSAGES[problem]) % {"days": MAX_PERIOD_DAYS}
                self.add_error("first" if problem == "order" else "last", message)
        birth = data.get("birth_date")
        if birth and birth > self.today:
            self.add_error("birth_date", _("A date of birth cannot be in the future."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file with your daily scores"),
        help_text=_("A CSV file (or the ZIP of our own CSV export), at most 1 MB and 5,000 rows."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.zip,text/csv"}),
    )


def target_labels() -> dict[str, Any]:
    return {
        csvimport.DATE: _("Date"),
        "pain": _("Pain"),
        "fatigue": _("Tiredness"),
        "sleep_quality": _("Sleep quality"),
        "stress": _("Stress and tension"),
        "mood": _("Mood"),
        "gut": _("Gut complaints"),
    }


class MappingForm(forms.Form):
    """Which column of the file holds each of our scores (date and pain are needed)."""

    def __init__(self, *args: Any, headers: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        columns = [
            (str(i), header or _("column %(n)d") % {"n": i + 1}) for i, header in enumerate(headers)
        ]
        for target, label in target_labels().items():
            required = target in (csvimport.DATE, "pain")
            empty = [] if required else [("", _("not in my file"))]
            self.fields[target] = forms.TypedChoiceField(
                label=label,
                choices=[*empty, *columns] if not required else [("", "–"), *columns],
                coerce=int,
                empty_value=None,
                required=required,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = [value for value in data.values() if value is not None]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column can be used for one score only."))
        return data

    def mapping(self) -> dict[str, int]:
        return {name: value for name, value in self.cleaned_data.items() if value is not None}
