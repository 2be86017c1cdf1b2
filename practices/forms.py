from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from practices.actions import OpeningTimes
from practices.finder import (
    DEFAULT_RADIUS_KM,
    Filters,
    Origin,
    UnknownPlace,
    origin_from_coordinates,
    origin_from_text,
)
from practices.geo import normalise_postcode
from practices.models import (
    Closure,
    Language,
    OpeningHours,
    Practice,
    Service,
    Specialisation,
    Therapist,
)

RADIUS_CHOICES = [(10, _("10 km")), (25, _("25 km")), (50, _("50 km")), (100, _("100 km"))]


class FinderForm(forms.Form):
    """The finder's search, sent with GET so results have a shareable address."""

    q = forms.CharField(
        label=_("Place or postcode"),
        max_length=80,
        required=False,
        help_text=_("For example Utrecht, Den Bosch or 3511 AB."),
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "list": "place-suggestions"}
        ),
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    radius_km = forms.TypedChoiceField(
        label=_("Distance"),
        choices=RADIUS_CHOICES,
        coerce=int,
        required=False,
        initial=int(DEFAULT_RADIUS_KM),
    )
    service = forms.ChoiceField(
        label=_("How"), choices=[("", _("Any way"))] + Service.choices, required=False
    )
    specialisation = forms.ChoiceField(
        label=_("Specialisation"),
        choices=[("", _("Any specialisation"))] + Specialisation.choices,
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any language"))] + Language.choices, required=False
    )
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    parking = forms.BooleanField(label=_("Parking nearby"), required=False)
    evening = forms.BooleanField(label=_("Open in the evening"), required=False)

    origin: Origin | None = None

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        lat, lon, q = data.get("lat"), data.get("lon"), data.get("q", "").strip()
        if lat is not None and lon is not None and not q:
            self.origin = origin_from_coordinates(lat, lon)
        elif q:
            try:
                self.origin = origin_from_text(q)
            except UnknownPlace as error:
                self.add_error("q", str(error.message))
        return data

    def filters(self, *, remote: bool = False) -> Filters:
        data = self.cleaned_data
        return Filters(
            service=data.get("service", ""),
            specialisation=data.get("specialisation", ""),
            language=data.get("language", ""),
            wheelchair=bool(data.get("wheelchair")),
            parking=bool(data.get("parking")),
            evening=bool(data.get("evening")),
            remote=remote,
        )

    @property
    def radius(self) -> float:
        return float(self.cleaned_data.get("radius_km") or DEFAULT_RADIUS_KM)

    @property
    def has_search(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in ("q", "lat"))


class PracticeForm(forms.ModelForm):  # type: ignore[type-arg]
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Practice
        fields = [
            "name",
            "street",
            "postcode",
            "place",
            "province",
            "latitude",
            "longitude",
            "phone",
            "email",
            "website",
            "services",
            "wheelchair_accessible",
            "parking",
            "languages",
            "about_nl",
            "about_en",
            "minimum_notice_hours",
            "horizon_weeks",
            "free_cancel_hours",
            "max_reschedules",
            "cancellation_policy_nl",
            "cancellation_policy_en",
        ]
        widgets = {
            "about_nl": forms.Textarea(attrs={"rows": 4}),
            "about_en": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        return normalise_postcode(typed) or typed


class OperatorPracticeForm(PracticeForm):
    """The network operator also grants the quality label and lists or hides a practice."""

    class Meta(PracticeForm.Meta):
        fields = [*PracticeForm.Meta.fields, "quality_label", "is_active"]


OpeningHoursFormSet = inlineformset_factory(
    Practice,
    OpeningHours,
    fields=["weekday", "opens", "closes"],
    extra=2,
    can_delete=True,
    widgets={
        "opens": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        "closes": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    },
)


def edited_opening_times(formset: BaseInlineFormSet) -> list[OpeningTimes]:  # type: ignore[type-arg]
    """The week as edited in a valid OpeningHoursFormSet: empty and deleted rows left out."""
    return [
        OpeningTimes(row["weekday"], row["opens"], row["closes"])
        for row in formset.cleaned_data
        if row and not row.get("DELETE")
    ]


class ClosureForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Closure
        fields = ["first_day", "last_day", "reason"]
        widgets = {
            "first_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "last_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day cannot be before the first day."))
        return data


class TherapistForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Therapist
        fields = [
            "name",
            "photo",
            "profession",
            "big_number",
            "quality_register_number",
            "specialisations",
            "languages",
            "kinds",
            "about_nl",
            "about_en",
            "email",
            "is_active",
        ]
        widgets = {
            "about_nl": forms.Textarea(attrs={"rows": 4}),
            "about_en": forms.Textarea(attrs={"rows": 4}),
        }
