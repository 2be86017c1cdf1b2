from django import forms
from django.utils.translation import gettext_lazy as _


class EnrolForm(forms.Form):
    started_on = forms.DateField(
        label=_("Start date"),
        help_text=_("Today, or a day in the next two weeks."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ReflectionForm(forms.Form):
    reflection = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RestartForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, I want to begin again at week 1"),
        error_messages={"required": _("Tick the box if you want to begin again.")},
    )
