"""The options of a check-in scale (diary/check_in.html), written in one pass.

Six scales of eleven or twelve options each: as a template loop with its conditions and
lookups they cost several milliseconds a page; here the same HTML (tests compare it with
the loop it replaced, diary/tests/test_scale_options.py) costs a fraction of that.
"""

from __future__ import annotations

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def scale_options(field: forms.BoundField) -> str:
    """One <label> per option: the radio, then its number, or a dash for "no answer"."""
    no_answer = format_html(
        '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
        gettext("no answer"),
    )
    return format_html_join(
        "",
        '<label class="scale__option{}" for="{}">{}<span>{}</span></label>',
        (
            (
                " scale__option--skip" if radio.data["value"] == "" else "",
                radio.id_for_label,
                radio.tag(),
                no_answer if radio.data["value"] == "" else radio.choice_label,
            )
            for radio in field
        ),
    )
