"""The review forms: writing, replying, reporting, moderating, filtering the list."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pijnreset.form_bounds import guard_text_fields
from practices.models import Practice
from reviews import rules
from reviews.actions import ReviewValues
from reviews.models import RejectReason, Review

OVERALL_CHOICES = [(str(score), str(score).replace(".0", "")) for score in rules.OVERALL_SCORES]
SUB_CHOICES = [("", _("Not given")), *[(str(n), str(n)) for n in rules.SUB_SCORES]]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ReviewForm(forms.Form):
    overall = forms.ChoiceField(
        label=_("Your overall score (1 to 5; 5 is best)"),
        choices=OVERALL_CHOICES,
        widget=forms.RadioSelect,
    )
    expertise = forms.TypedChoiceField(
        label=_("Expertise"), choices=SUB_CHOICES, required=False, coerce=int, empty_value=None
    )
    explanation = forms.TypedChoiceField(
        label=_("Explanation"), choices=SUB_CHOICES, required=False, coerce=int, empty_value=None
    )
    reachability = forms.TypedChoiceField(
        label=_("Reachability"), choices=SUB_CHOICES, required=False, coerce=int, empty_value=None
    )
    punctuality = forms.TypedChoiceField(
        label=_("Keeping appointments"),
        choices=SUB_CHOICES,
        required=False,
        coerce=int,
        empty_value=None,
    )
    recommends = forms.ChoiceField(
        label=_("Would you recommend this practice?"), choices=YES_NO, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Your experience"),
        help_text=_(
            "20 to 2,000 characters. Please do not name other people or share details about "
            "your health that you would rather keep to yourself."
        ),
        min_length=rules.TEXT_MIN,
        max_length=rules.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    show_name = forms.BooleanField(
        label=_('Show my first name and initial instead of "Anoniem"'), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)

    def clean_overall(self) -> Decimal:
        score = rules.parse_overall(self.cleaned_data.get("overall"))
        if score is None:
            raise forms.ValidationError(_("Choose a score from 1 to 5, in steps of a half."))
        return score

    def values(self) -> ReviewValues:
        data = self.cleaned_data
        return ReviewValues(
            overall=data["overall"],
            recommends=data["recommends"] == "yes",
            text=data["text"].strip(),
            show_name=bool(data.get("show_name")),
            expertise=data.get("expertise"),
            explanation=data.get("explanation"),
            reachability=data.get("reachability"),
            punctuality=data.get("punctuality"),
        )

    @classmethod
    def initial_for(cls, review: Review) -> dict[str, object]:
        return {
            "overall": str(review.overall),
            "expertise": review.expertise,
            "explanation": review.explanation,
            "reachability": review.reachability,
            "punctuality": review.punctuality,
            "recommends": "yes" if review.recommends else "no",
            "text": review.text,
            "show_name": bool(review.shown_name),
        }


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your public reply"),
        help_text=_(
            "Everyone can read this. Never say anything about the reviewer's health, "
            "complaints, treatment or what was said in the practice, not even to correct "
            "them: that breaks professional secrecy. Thank them, or invite them to call you."
        ),
        min_length=2,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should the moderator look at this review again?"),
        min_length=10,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Publish")),
            ("reject", _("Do not publish")),
            ("dismiss", _("Keep it (close the reports)")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("Reason (told to the reviewer)"),
        choices=[("", "—"), *RejectReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note for the log"), max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not data.get("reason"):
            self.add_error("reason", _("Choose the reason the reviewer will be told."))
        return data


class ListFilterForm(forms.Form):
    practice = forms.ModelChoiceField(
        label=_("Practice"),
        queryset=Practice.objects.listed().order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All practices"),
    )
    score = forms.TypedChoiceField(
        label=_("Score"),
        choices=[("", _("All scores")), *[(str(s), f"{s} ★") for s in rules.STARS]],
        coerce=int,
        required=False,
        empty_value=None,
    )
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)
