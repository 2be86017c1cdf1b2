"""Forms built from an instrument's items, and the red-flag form."""

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.areas import area_choices
from assessments.definitions import Item, pick
from assessments.texts import RED_FLAG_QUESTIONS

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _initial(item: Item, value: object) -> object:
    if value is None:
        return None
    if item.type == "yes_no":
        return "yes" if value else "no"
    if item.type == "areas":
        return list(value) if isinstance(value, list) else []
    return str(value)


def _field(item: Item, language: str, required: bool) -> forms.Field:
    label = pick(item.text, language)
    if item.type == "areas":
        return forms.MultipleChoiceField(
            label=label,
            choices=area_choices(),
            required=False,  # no pain anywhere is an answer too
            widget=forms.CheckboxSelectMultiple,
        )
    if item.type == "yes_no":
        return forms.TypedChoiceField(
            label=label,
            choices=YES_NO,
            coerce=lambda v: v == "yes",
            required=required,
            widget=forms.RadioSelect,
        )
    if item.type == "choice":
        choices = [(str(o.value), pick(o.label, language)) for o in item.options]
    else:
        choices = [(str(n), str(n)) for n in range(item.minimum, item.maximum + 1)]
    return forms.TypedChoiceField(
        label=label, choices=choices, coerce=int, required=required, widget=forms.RadioSelect
    )


class AnswersForm(forms.Form):
    """One field per item (named by the item key). ``strict``: required items must be answered.

    Not strict (going back, saving for later): an empty or invalid answer is left out of
    ``answers()``, so what was saved before is kept.
    """

    error_messages_required = _("Please choose an answer.")

    def __init__(
        self,
        data: Any = None,
        *,
        items: Sequence[Item],
        language: str,
        saved: Mapping[str, object],
        strict: bool,
        groups: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        super().__init__(data)
        self.items = list(items)
        self.strict = strict
        self.language = language
        self.groups = groups or {}
        for item in self.items:
            field = _field(item, language, required=strict and item.required)
            field.error_messages["required"] = self.error_messages_required
            field.initial = _initial(item, saved.get(item.key))
            self.fields[item.key] = field

    def pairs(self) -> list[tuple[forms.BoundField, Item, str]]:
        """(bound field, item, group heading where a new group starts), for the templates."""
        found, group = [], ""
        for item in self.items:
            heading = ""
            if item.group and item.group != group:
                heading = pick(self.groups.get(item.group) or {}, self.language)
            group = item.group
            found.append((self[item.key], item, heading))
        return found

    def answers(self) -> dict[str, object]:
        """The answers to store (valid ones only when not strict)."""
        found: dict[str, object] = {}
        cleaned = getattr(self, "cleaned_data", {})
        for item in self.items:
            if item.key not in cleaned or item.key in self.errors:
                continue
            value = cleaned[item.key]
            if item.type == "areas":
                found[item.key] = list(value)
            elif value not in (None, ""):
                found[item.key] = value
            elif self.strict:
                found[item.key] = None  # an optional item left open on purpose
        return found


class RedFlagForm(forms.Form):
    """The red-flag questions: every one needs a yes or a no (never assumed "no").

    ``submission_key`` is the one-time key of this form (a hidden field the template fills
    in): the same form sent twice records one check.
    """

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Something went wrong with this form. Please send it again."),
            "invalid": _("Something went wrong with this form. Please send it again."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, question in RED_FLAG_QUESTIONS.items():
            self.fields[key] = forms.TypedChoiceField(
                label=str(question),
                choices=YES_NO,
                coerce=lambda v: v == "yes",
                widget=forms.RadioSelect,
                error_messages={"required": _("Please answer yes or no.")},
            )

    def questions(self) -> list[forms.BoundField]:
        return [self[key] for key in RED_FLAG_QUESTIONS]

    def posted_key(self) -> UUID | None:
        """The key that came with the form, when it is a valid one (kept on a resend)."""
        try:
            return UUID(str(self.data.get("submission_key", "")))
        except ValueError:
            return None

    def answers(self) -> dict[str, bool]:
        return {key: bool(self.cleaned_data[key]) for key in RED_FLAG_QUESTIONS}
