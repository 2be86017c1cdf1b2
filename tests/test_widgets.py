"""QuickRadioSelect writes its options exactly as Django's option templates do."""

import pytest
from django import forms

from diary.forms import CheckInForm
from pijnreset.widgets import QuickRadioSelect, QuickSelect


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


class Choosing(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Any"), ("a&b", 'say "hi" <b>'), (3, "three")])
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", "Pear")]), ("x", "Loose")],
        required=False,
    )
    number = forms.TypedChoiceField(choices=[(10, "10 km"), (25, "25 km")], coerce=int)


def with_selects(form_class: type[forms.Form], select: type[forms.Select]) -> type[forms.Form]:
    """The form with every field's widget a `select` with odd attributes."""

    class WithSelects(form_class):  # type: ignore[valid-type, misc]
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                attrs = {**field.widget.attrs, "class": "x y", "data-off": False, "data-on": True}
                field.widget = select(choices=field.choices, attrs=attrs)

    return WithSelects


@pytest.mark.parametrize(
    "data", [None, {"plain": "a&b", "grouped": "pear", "number": "25"}, {"plain": "nope"}]
)
def test_a_quick_select_is_the_same_html_as_the_templates_write(data):
    forms_ = [with_selects(Choosing, select)(data=data) for select in (QuickSelect, forms.Select)]
    for form in forms_:
        form.is_bound and form.is_valid()
    fast, slow = ([str(field) for field in form] for form in forms_)
    assert fast == slow
    assert any("<optgroup" in html for html in fast)
    if data and data.get("grouped"):
        assert '<option value="pear" selected>Pear</option>' in fast[1]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_finder_form_is_the_same_html_with_quick_selects(language):
    from django.utils import translation

    from practices.forms import FinderForm

    def rendered(widget_class: type[forms.Select]) -> list[str]:
        form = FinderForm(data={"q": "Utrecht", "service": "phone", "radius_km": "50"})
        form.is_valid()
        for field in form.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget = widget_class(choices=field.choices, attrs=field.widget.attrs)
        return [str(field) for field in form]

    with translation.override(language):
        assert rendered(QuickSelect) == rendered(forms.Select)
        assert any(isinstance(f.widget, QuickSelect) for f in FinderForm().fields.values())
