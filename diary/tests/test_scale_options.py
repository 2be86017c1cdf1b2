"""{% scale_options %} writes what the template loop it replaced wrote, in both languages."""

import pytest
from django.template import Context, Template
from django.utils import translation

from diary.forms import CheckInForm

LOOP = Template(
    '{% load i18n %}{% for radio in field %}<label class="scale__option{% if radio.data.value == \'\' %} scale__option--skip{% endif %}" for="{{ radio.id_for_label }}">{{ radio.tag }}<span>{% if radio.data.value == \'\' %}<span aria-hidden="true">–</span><span class="visually-hidden">{% translate "no answer" %}</span>{% else %}{{ radio.choice_label }}{% endif %}</span></label>{% endfor %}'  # noqa: E501
)
TAG = Template("{% load diary_scales %}{% scale_options field %}")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "form",
    [
        CheckInForm(),
        CheckInForm(initial={"pain": 3, "mood": None}),
        CheckInForm(data={"pain": "x"}),
    ],
)
def test_the_same_html_as_the_loop(form, language):
    form.is_bound and form.is_valid()
    with translation.override(language):
        for field in form.scales():
            context = Context({"field": field})
            assert TAG.render(context) == LOOP.render(context)
            assert "scale__option--skip" in TAG.render(context) or field.field.required
