from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pijnreset import bounds
from pijnreset.form_bounds import booking_date_error, guard_text_fields, validate_single_line
from pijnreset.widgets import QuickSelect
from practices import photos, postcodes
from practices.actions import THERAPIST_FIELDS
from practices.finder import DEFAULT_RADIUS_KM, Search, UnknownPlace, search_from
from practices.geo import normalise_postcode
from practices.models import (
    Closure,
    Language,
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
        validators=[validate_single_line],
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
        widget=QuickSelect,
    )
    service = forms.ChoiceField(
        label=_("How"),
        choices=[("", _("Any way"))] + Service.choices,
        required=False,
        widget=QuickSelect,
    )
    specialisation = forms.ChoiceField(
        label=_("Specialisation"),
        choices=[("", _("Any specialisation"))] + Specialisation.choices,
        required=False,
        widget=QuickSelect,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Any language"))] + Language.choices,
        required=False,
        widget=QuickSelect,
    )
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    parking = forms.BooleanField(label=_("Parking nearby"), required=False)
    evening = forms.BooleanField(label=_("Open in the evening"), required=False)

    search: Search | None = None

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.errors:
            return data
        try:
            self.search = search_from(
                q=data["q"],
                lat=data["lat"],
                lon=data["lon"],
                radius_km=data["radius_km"],
                service=data["service"],
                specialisation=data["specialisation"],
                language=data["language"],
                wheelchair=data["wheelchair"],
                parking=data["parking"],
                evening=data["evening"],
            )
        except UnknownPlace as error:
            self.add_error("q", str(error.message))
        return data

    @property
    def has_search(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in ("q", "lat"))


class PracticeForm(forms.ModelForm):  # type: ignore[type-arg]
    """A practice's details. Its point on the map comes from the postcode (the shipped
    postcode areas, `practices.postcodes`): managers never type coordinates. A changed
    postcode moves the practice to its area's point; an unchanged one keeps the point
    it has (which may be more precise)."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Practice
        fields = [
            "name",
            "street",
            "postcode",
            "place",
            "province",
            "phone",
            "email",
            "website",
            "services",
            "wheelchair_accessible",
            "parking",
            "direct_access",
            "insurers",
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)
        # Slots are offered at most two years ahead (pijnreset.bounds), whatever is typed.
        limits = {
            "horizon_weeks": (1, bounds.BOOKING_AHEAD.days // 7),
            "minimum_notice_hours": (0, 24 * 7 * 8),
            "free_cancel_hours": (0, 24 * 7 * 8),
            "max_reschedules": (0, 20),
        }
        for name, (low, high) in limits.items():
            field = self.fields[name]
            if isinstance(field, forms.IntegerField | forms.FloatField):
                field.min_value, field.max_value = low, high
                field.validators += [
                    MinValueValidator(low),
                    MaxValueValidator(high),
                ]
                field.widget.attrs.update({"min": low, "max": high})

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        return normalise_postcode(typed) or typed

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        postcode = data.get("postcode")
        if not postcode or postcode == self.instance.postcode:
            return data
        lookup = postcodes.look_up(postcode)
        if lookup is None or lookup.area is None:
            self.add_error(
                "postcode",
                _(
                    "We cannot find this postcode on the map. Check it: four digits and "
                    "two letters, such as 3511 AB."
                ),
            )
        else:
            self.instance.latitude = lookup.area.point.latitude
            self.instance.longitude = lookup.area.point.longitude
        return data

    @property
    def area(self) -> postcodes.Area | None:
        """The postcode area the practice lies in, as shown next to the form."""
        return postcodes.area((self.instance.postcode or "")[:4])


class OperatorPracticeForm(PracticeForm):
    """The network operator also grants the quality label and lists or hides a practice."""

    class Meta(PracticeForm.Meta):
        fields = [*PracticeForm.Meta.fields, "quality_label", "is_active"]


class ClosureForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)

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
        today = timezone.now().date()
        for name in ("first_day", "last_day"):
            error = booking_date_error(data[name], today=today) if data.get(name) else None
            if error is not None:
                self.add_error(name, error)
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day cannot be before the first day."))
        return data


PHOTO_MESSAGES = {
    "too_large": _("This photo is too large. Choose a photo of at most 5 MB."),
    "too_many_pixels": _("This photo has too many pixels. Choose a smaller photo."),
    "not_a_photo": _("This file is not a JPEG, PNG or WebP photo. Choose another file."),
}


class TherapistForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)

    def clean_photo(self) -> object:
        """A new upload is read by its content and stored re-encoded, without metadata."""
        photo = self.cleaned_data.get("photo")
        if not isinstance(photo, UploadedFile):
            return photo  # no new file: keep, or clear
        if photo.size is not None and photo.size > photos.MAX_BYTES:
            raise forms.ValidationError(PHOTO_MESSAGES["too_large"], code="too_large")
        try:
            data, extension = photos.normalise_photo(photo.read())
        except photos.PhotoRefused as refused:
            raise forms.ValidationError(
                PHOTO_MESSAGES[refused.problem], code=refused.problem
            ) from refused
        return ContentFile(data, name=f"photo.{extension}")

    class Meta:
        model = Therapist
        fields = list(THERAPIST_FIELDS)  # what save_therapist may set: one list
        widgets = {
            "about_nl": forms.Textarea(attrs={"rows": 4}),
            "about_en": forms.Textarea(attrs={"rows": 4}),
        }
