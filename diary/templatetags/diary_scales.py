"""The options of a check-in scale (diary/check_in.html), written in one pass.

Six scales of eleven or twelve options each: as a template loop with its conditions and
lookups they cost several milliseconds a page; here the same HTML (tests compare it with
the loop it replaced, diary/tests/test_scale_options.py) costs a fraction of that.
"""

from __future__ import annotations

from django import forms, template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def scale_options(field: forms.BoundField) -> SafeString:
    """One <label> per option: the radio, then its number, or a dash for "no answer"."""
    no_answer = conditional_escape(gettext("no answer"))
    labels = []
    for radio in field:
        skip = radio.data["value"] == ""
        words = (
            f'<span aria-hidden="true">–</span><span class="visually-hidden">{no_answer}</span>'
            if skip
            else conditional_escape(radio.choice_label)
        )
        labels.append(
            f'<label class="scale__option{" scale__option--skip" if skip else ""}"'
            f' for="{conditional_escape(radio.id_for_label)}">{radio.tag()}<span>{words}</span>'
            "</label>"
        )
    return mark_safe("".join(labels))  # noqa: S308  lint: allow (every value is escaped)
