from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.scoring import AREAS
from diary.errors import VALUE_MESSAGES
from diary.values import NOTE_MAX_LENGTH, CheckInValues
from pijnreset.widgets import QuickRadioSelect

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

SCALE = [(n, str(n)) for n in range(11)]


def _scale(
    label: "StrOrPromise", low: "StrOrPromise", high: "StrOrPromise", *, required: bool = False
) -> forms.TypedChoiceField:
    field = forms.TypedChoiceField(
        label=label,
        choices=SCALE if required else [*SCALE, ("", "–")],
        coerce=int,
        empty_value=None,
        required=required,
        widget=QuickRadioSelect,  # 71 options on the check-in page
        error_messages={
            "required": VALUE_MESSAGES["required"],
            "invalid_choice": VALUE_MESSAGES["range"],
        },
    )
    field.low, field.high = low, high  # type: ignore[attr-defined]  # the scale's anchor words
    return field


class CheckInForm(forms.Form):
    """The daily check-in: only pain is required; everything else may stay empty."""

    pain = _scale(_("Pain"), _("no pain"), _("worst pain you can imagine"), required=True)
    fatigue = _scale(_("Tiredness"), _("not tired"), _("exhausted"))
    sleep_quality = _scale(_("Sleep"), _("very badly"), _("very well"))
    stress = _scale(_("Stress and tension"), _("calm"), _("very tense"))
    mood = _scale(_("Mood"), _("very low"), _("very good"))
    gut = _scale(_("Gut complaints"), _("none"), _("severe"))
    flare = forms.BooleanField(label=_("I am having a flare today"), required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        help_text=_("Only for you. Anything you want to remember about today."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    pain_areas = forms.MultipleChoiceField(
        label=_("Where does it hurt?"),
        choices=[(area, area) for area in AREAS],
        required=False,
        error_messages={"invalid_choice": VALUE_MESSAGES["unknown"]},
    )

    def scales(self) -> list[forms.BoundField]:
        return [
            self[name] for name in ("pain", "fatigue", "sleep_quality", "stress", "mood", "gut")
        ]

    def to_values(self) -> CheckInValues:
        data = self.cleaned_data
        return CheckInValues(
            pain=data["pain"],
            fatigue=data.get("fatigue"),
            sleep_quality=data.get("sleep_quality"),
            stress=data.get("stress"),
            mood=data.get("mood"),
            gut=data.get("gut"),
            flare=bool(data.get("flare")),
            note=data.get("note") or "",
            pain_areas=tuple(data.get("pain_areas") or ()),
        )


class ReminderForm(forms.Form):
    enabled = forms.BooleanField(
        label=_("Send me a short e-mail when I have not checked in yet"), required=False
    )
    at = forms.TimeField(
        label=_("At what time? (your own time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    during_flare = forms.BooleanField(
        label=_("Also during a flare"),
        required=False,
        help_text=_("Normally we leave you alone while you have a flare."),
    )
