"""QuickRadioSelect writes its options exactly as Django's option templates do."""

import pytest
from django import forms

from diary.forms import CheckInForm
from pijnreset.widgets import QuickRadioSelect


def template_tag(radio: forms.boundfield.BoundWidget, *, wrap_label: bool) -> str:
    """What Django's own radio_option.html gives for this option."""
    context = {"widget": {**radio.data, "wrap_label": wrap_label}}
    return forms.RadioSelect._render(
        radio.parent_widget, radio.template_name, context, radio.renderer
    )


class Odd(forms.Form):
    choice = forms.ChoiceField(
        choices=[("a&b", 'say "hi" <b>'), ("", "–"), (3, "three")],
        required=False,
        widget=QuickRadioSelect(attrs={"class": "x y", "data-off": False, "data-on": True}),
    )


@pytest.mark.parametrize(
    "form",
    [
        CheckInForm(),
        CheckInForm(initial={"pain": 4, "fatigue": None}),
        CheckInForm(data={"pain": "11", "mood": "3"}),  # bound, with errors
        Odd(data={"choice": "a&b"}),
        Odd(auto_id=False),
    ],
)
@pytest.mark.parametrize("wrap_label", [False, True])
def test_each_option_is_the_same_html_as_the_templates_write(form, wrap_label):
    form.is_bound and form.is_valid()
    radios = [
        radio
        for field in form
        for radio in field
        if isinstance(field.field.widget, QuickRadioSelect)
    ]
    assert radios
    for radio in radios:
        assert isinstance(radio.parent_widget, QuickRadioSelect)
        assert radio.tag(wrap_label=wrap_label) == template_tag(radio, wrap_label=wrap_label)
    assert str(radios[0]) == template_tag(radios[0], wrap_label=True)


def test_the_whole_widget_renders_as_a_radio_select_does():
    choices = [(n, str(n)) for n in range(11)]
    quick = QuickRadioSelect(choices=choices).render("pain", 4, attrs={"id": "id_pain"})
    plain = forms.RadioSelect(choices=choices).render("pain", 4, attrs={"id": "id_pain"})
    assert quick == plain
    assert 'value="4" id="id_pain_4" checked' in quick
