from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from allauth.mfa.webauthn.forms import AddWebAuthnForm
from django import forms
from django.utils.translation import gettext_lazy as _

from care.models import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, Homework
from exercises.catalogue import CATALOGUE
from pijnreset.form_bounds import guard_text_fields
from practices.models import Therapist

MAX_SHARE_DAYS = 3 * 366


class ScopeForm(forms.Form):
    """What to share and until when; notes and journals stay private unless ticked."""

    check_ins = forms.BooleanField(label=_("My daily check-ins"), required=False, initial=True)
    questionnaires = forms.BooleanField(label=_("My questionnaires"), required=False, initial=True)
    practices = forms.BooleanField(
        label=_("The exercises and lessons I did"), required=False, initial=True
    )
    notes = forms.BooleanField(
        label=_("My notes and journals"),
        required=False,
        initial=False,
        help_text=_("Private unless you tick this."),
    )
    ends_on = forms.DateField(
        label=_("Share until (optional)"),
        required=False,
        help_text=_("Leave empty to share until you stop."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_ends_on(self) -> date | None:
        ends_on: date | None = self.cleaned_data.get("ends_on")
        if ends_on is not None and not (
            self.today <= ends_on <= self.today + timedelta(days=MAX_SHARE_DAYS)
        ):
            raise forms.ValidationError(_("Choose a date from today up to three years ahead."))
        return ends_on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(
            data.get(name) for name in ("check_ins", "questionnaires", "practices", "notes")
        ):
            raise forms.ValidationError(_("Tick at least one thing to share."))
        return data


class ShareWithTherapistForm(ScopeForm):
    therapist = forms.ModelChoiceField(
        label=_("Therapist"),
        queryset=Therapist.objects.none(),
        to_field_name="public_id",
        empty_label=_("Choose a therapist"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["therapist"].queryset = (  # type: ignore[attr-defined]
            Therapist.objects.listed().filter(user__isnull=False).order_by("name")
        )


class ShareWithPracticeForm(ScopeForm):
    code = forms.CharField(
        label=_("Practice code"),
        max_length=80,
        help_text=_("Your practice gives you this code. Every therapist there can then see it."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Clinical note (only for the practice)"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Short message to the patient (shown on their Today page)"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_text_fields(self)


def homework_choices(lessons: list[tuple[str, str]]) -> list[tuple[str, str]]:
    exercises = [(f"exercise:{key}", str(item.title)) for key, item in CATALOGUE.items()]
    return [*exercises, *[(f"lesson:{key}", title) for key, title in lessons]]


class HomeworkForm(forms.Form):
    item = forms.ChoiceField(label=_("Lesson or exercise"))

    def __init__(self, *args: Any, lessons: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = homework_choices(lessons)  # type: ignore[attr-defined]

    def kind_and_key(self) -> tuple[str, str]:
        kind, _, key = self.cleaned_data["item"].partition(":")
        if kind not in Homework.Kind.values:
            raise forms.ValidationError(_("Choose a lesson or exercise from the list."))
        return kind, key


class AddPasskeyForm(AddWebAuthnForm):
    """allauth's form to add a passkey (MFA_FORMS), with a label in the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name of this passkey")
        self.fields["name"].help_text = _("For example the device it is on: “my laptop”.")
