from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from exercises.catalogue import ExerciseKey
from pijnreset.form_bounds import guard_text_fields
from stories.actions import StoryValues
from stories.models import AgeBand, Duration


class StoryForm(forms.Form):
    title = forms.CharField(label=_("Title"), min_length=3, max_length=120)
    text = forms.CharField(
        label=_("Your story"),
        help_text=_("What happened, what changed for you. 100 to 6,000 characters."),
        min_length=100,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    what_helped = forms.CharField(
        label=_("What helped you"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    exercises = forms.MultipleChoiceField(
        label=_("Exercises you used"),
        choices=ExerciseKey.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    first_name = forms.CharField(
        label=_("First name (optional; leave empty to stay anonymous)"),
        max_length=40,
        required=False,
    )
    age_band = forms.ChoiceField(
        label=_("Age"), choices=[("", _("Rather not say")), *AgeBand.choices], required=False
    )
    duration = forms.ChoiceField(
        label=_("How long have you had complaints?"),
        choices=[("", _("Rather not say")), *Duration.choices],
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that this story is published on the pijnreset site for everyone to read. "
            "I can withdraw this at any time; then it is taken offline at once."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)

    def values(self) -> StoryValues:
        data = self.cleaned_data
        return StoryValues(
            title=data["title"].strip(),
            text=data["text"].strip(),
            first_name=data.get("first_name", "").strip(),
            age_band=data.get("age_band", ""),
            duration=data.get("duration", ""),
            what_helped=data.get("what_helped", "").strip(),
            exercises=tuple(data.get("exercises") or ()),
        )


class StoryDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Publish")),
            ("reject", _("Do not publish")),
            ("feature", _("Feature on the home page")),
            ("unfeature", _("Stop featuring")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason (told to the writer)"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not data.get("reason"):
            self.add_error("reason", _("Say why, so the writer knows."))
        return data
