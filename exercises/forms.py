"""Forms of the exercise pages. They validate; the actions write."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from exercises.catalogue import (
    BREATH_DEFAULTS,
    BREATH_HOLD_RANGE,
    BREATH_PHASE_RANGE,
    BREATHING_DEFAULT_MINUTES,
    BREATHING_MINUTES_RANGE,
    Exercise,
)
from exercises.models import (
    FEELING_RANGE,
    MOVEMENT_MINUTES_RANGE,
    Activity,
    Felt,
    SocialOutcome,
    SymptomsAfter,
)


def rating_field(label: Any) -> forms.TypedChoiceField:
    """An optional 0-10 rating as a row of radio buttons (a fieldset with a legend)."""
    low, high = FEELING_RANGE
    return forms.TypedChoiceField(
        label=label,
        choices=[(n, str(n)) for n in range(low, high + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "scale-input"}),
        help_text=_("0 is very bad, 10 is very good. You may skip this."),
    )


def _seconds_field(
    label: Any, initial: int, limits: tuple[int, int] = BREATH_PHASE_RANGE, help_text: Any = None
) -> forms.IntegerField:
    low, high = limits
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        initial=initial,
        help_text=help_text or _("In seconds, from 2 to 10."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class CueOptions(forms.Form):
    spoken_cues = forms.BooleanField(
        label=_("Read the cues aloud"),
        required=False,
        help_text=_("Uses your device's voice. Off unless you switch it on."),
    )
    sound = forms.BooleanField(
        label=_("A soft tone when the step changes"),
        required=False,
    )


class BreathingForm(CueOptions):
    breath_in = _seconds_field(_("Breathe in through your nose"), BREATH_DEFAULTS["breath_in"])
    breath_hold = _seconds_field(
        _("Hold"),
        BREATH_DEFAULTS["breath_hold"],
        BREATH_HOLD_RANGE,
        _("In seconds, from 0 (no hold) to 10."),
    )
    breath_out = _seconds_field(_("Breathe out through your mouth"), BREATH_DEFAULTS["breath_out"])
    minutes = forms.IntegerField(
        label=_("How long?"),
        min_value=BREATHING_MINUTES_RANGE[0],
        max_value=BREATHING_MINUTES_RANGE[1],
        initial=BREATHING_DEFAULT_MINUTES,
        help_text=_("In minutes, from 1 to 10."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    feeling_before = rating_field(_("How do you feel right now?"))

    field_order = [
        "breath_in",
        "breath_hold",
        "breath_out",
        "minutes",
        "spoken_cues",
        "sound",
        "feeling_before",
    ]


class GuidedForm(CueOptions):
    """Muscle relaxation and body scan: choose a length."""

    version = forms.ChoiceField(label=_("How long?"), widget=forms.RadioSelect)
    feeling_before = rating_field(_("How do you feel right now?"))

    field_order = ["version", "spoken_cues", "sound", "feeling_before"]

    def __init__(self, *args: Any, exercise: Exercise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [(v.key, v.label) for v in exercise.versions]  # type: ignore[attr-defined]
        self.fields["version"].initial = exercise.versions[0].key


class FinishForm(forms.Form):
    outcome = forms.ChoiceField(choices=[("finished", "finished"), ("stopped", "stopped")])
    seconds = forms.IntegerField(min_value=0, max_value=60 * 60, required=False)
    feeling_after = rating_field(_("How do you feel now?"))
    felt_dizzy = forms.BooleanField(label=_("I felt dizzy or light-headed"), required=False)


class MovementForm(forms.Form):
    activity = forms.ChoiceField(
        label=_("What did you do?"), choices=Activity.choices, widget=forms.RadioSelect
    )
    minutes = forms.IntegerField(
        label=_("How many minutes?"),
        min_value=MOVEMENT_MINUTES_RANGE[0],
        max_value=MOVEMENT_MINUTES_RANGE[1],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    felt = forms.ChoiceField(
        label=_("How did it feel?"), choices=Felt.choices, widget=forms.RadioSelect
    )
    symptoms_after = forms.ChoiceField(
        label=_("How were your symptoms afterwards?"),
        choices=SymptomsAfter.choices,
        widget=forms.RadioSelect,
    )
    local_date = forms.DateField(
        label=_("Which day?"),
        help_text=_("Today or one of the 7 days before."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=_("Anything to remember?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, activity_labels: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if activity_labels:
            self.fields["activity"].choices = [  # type: ignore[attr-defined]
                (value, activity_labels[value])
                for value, _label in Activity.choices
                if value in activity_labels
            ]


class GratitudeForm(forms.Form):
    first = forms.CharField(label=_("First thing"), max_length=300)
    second = forms.CharField(label=_("Second thing"), max_length=300, required=False)
    third = forms.CharField(label=_("Third thing"), max_length=300, required=False)

    def things(self) -> list[str]:
        return [self.cleaned_data[name] for name in ("first", "second", "third")]


class IntentionForm(forms.Form):
    suggestion = forms.ChoiceField(
        label=_("Pick a small intention"), required=False, widget=forms.RadioSelect
    )
    own = forms.CharField(
        label=_("Or write your own"),
        required=False,
        max_length=200,
        help_text=_("Small is good: one message, one call, one cup of tea."),
    )

    def __init__(self, *args: Any, suggestions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["suggestion"].choices = [(s, s) for s in suggestions]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        own = (data.get("own") or "").strip()
        if own:
            data["intention"] = own
        elif data.get("suggestion"):
            data["intention"] = data["suggestion"]
        elif "suggestion" not in self.errors:
            self.add_error("suggestion", _("Pick an intention or write your own."))
        return data


class CheckIntentionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How did it go?"), choices=SocialOutcome.choices, widget=forms.RadioSelect
    )
    reflection = forms.CharField(
        label=_("What did you notice?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EmotionForm(forms.Form):
    what_happened = forms.CharField(
        label=_("What happened?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feeling = forms.CharField(
        label=_("What did you feel?"),
        required=False,
        max_length=300,
        help_text=_("For example: angry, sad, worried, ashamed, relieved."),
    )
    body = forms.CharField(
        label=_("Where did you feel it in your body?"),
        required=False,
        max_length=300,
        help_text=_("For example: a tight jaw, a knot in the stomach, hot cheeks."),
    )
    what_i_did = forms.CharField(
        label=_("What did you do?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    stress = forms.TypedChoiceField(
        label=_("How much stress did you feel?"),
        choices=[(n, str(n)) for n in range(11)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "scale-input"}),
        help_text=_("0 is none, 10 is the most you can imagine. You may skip this."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not (data.get("what_happened") or "").strip()
            and not (data.get("feeling") or "").strip()
        ):
            self.add_error("what_happened", _("Write at least what happened or what you felt."))
        return data


QUOTA_CHOICES = ("start", "step_up", "step_back", "keep", "lower")


class QuotaForm(forms.Form):
    """A choice about the movement quota; minutes only for "start", "step_up" and "lower"."""

    choice = forms.ChoiceField(choices=[(c, c) for c in QUOTA_CHOICES], widget=forms.HiddenInput)
    minutes = forms.IntegerField(
        label=_("Minutes"),
        required=False,
        min_value=1,
        max_value=MOVEMENT_MINUTES_RANGE[1],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("choice") == "lower" and cleaned.get("minutes") is None:
            self.add_error("minutes", _("Choose a number of minutes within the range shown."))
        return cleaned


class MovementSettingsForm(forms.Form):
    post_exertional_malaise = forms.BooleanField(
        label=_(
            "My symptoms get much worse for more than a day after small efforts "
            "(post-exertional malaise), or I have ME/CFS"
        ),
        required=False,
    )
