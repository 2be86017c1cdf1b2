"""Forms of the insights pages (cleaned values go to insights.actions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from insights.experiments import PLAN_WEEKS
from insights.models import Experiment, PersonalFactor
from pijnreset.form_bounds import guard_text_fields, validate_past_date

PERIODS = {"4": 28, "12": 84, "alles": None}


class FactorForm(forms.Form):
    name = forms.CharField(
        label=_("Name of your factor"),
        max_length=60,
        help_text=_("For example: medication taken, a work day, weather felt."),
    )
    kind = forms.ChoiceField(
        label=_("How do you fill it in?"),
        choices=PersonalFactor.Kind.choices,
        widget=forms.RadioSelect,
        initial=PersonalFactor.Kind.YES_NO,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        guard_text_fields(self)


class FactorValuesForm(forms.Form):
    """One field per active factor: yes/no as a choice, a scale 0-10; empty clears."""

    def __init__(self, *args: object, factors: list[PersonalFactor], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.factors = factors
        for factor in factors:
            choices = (
                [("1", _("yes")), ("0", _("no"))]
                if factor.is_yes_no
                else [(str(n), str(n)) for n in range(11)]
            )
            self.fields[str(factor.public_id)] = forms.TypedChoiceField(
                label=factor.name,
                choices=[*choices, ("", "–")],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )


class ExperimentForm(forms.Form):
    practice = forms.CharField(
        label=_("What do you want to try?"),
        max_length=80,
        help_text=_("For example: a body scan in the evening."),
    )
    outcome = forms.ChoiceField(
        label=_("What do you want to watch?"), choices=Experiment.Outcome.choices
    )
    started_on = forms.DateField(
        label=_("First day"),
        validators=[validate_past_date],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    weeks = forms.TypedChoiceField(
        label=_("How many weeks?"),
        choices=[(w, str(w)) for w in PLAN_WEEKS],
        coerce=int,
        initial=8,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        guard_text_fields(self)


class SummaryForm(forms.Form):
    email = forms.BooleanField(label=_("Send me the weekly summary by e-mail"), required=False)
