"""Form widgets whose options are written in Python instead of through templates.

Django renders each radio option through four nested templates (radio_option, input_option,
input, attrs); the check-in page has 71 options, which made its template time ~40 ms. The
HTML here is byte for byte what those templates write, stripped as the renderer strips it
(tests/test_widgets.py compares the two), so a page looks the same; only its cost changes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join


def _attribute(name: str, value: object) -> str:
    if value is True:
        return format_html(" {}", name)
    return format_html(' {}="{}"', name, str(value))


def option_html(option: dict[str, Any]) -> str:
    """One <input> (and its <label> when wrapped), as radio_option.html writes it."""
    attrs = option["attrs"]
    value = "" if option["value"] is None else format_html(' value="{}"', str(option["value"]))
    written = format_html_join(
        "", "{}", ((_attribute(name, v),) for name, v in attrs.items() if v is not False)
    )
    tag = format_html(
        '<input type="{}" name="{}"{}{}>', option["type"], option["name"], value, written
    )
    if not option.get("wrap_label"):
        return tag
    label_for = format_html(' for="{}"', attrs["id"]) if attrs.get("id") else ""
    # input.html's closing newline stays inside the label
    return format_html("<label{}>{}\n {}</label>", label_for, tag, option["label"])


class QuickRadioSelect(forms.RadioSelect):
    """A RadioSelect whose options (`{{ radio.tag }}`, `{{ radio }}`) skip the template engine."""

    def _render(self, template_name: str, context: dict[str, Any], renderer: Any = None) -> str:
        if template_name == self.option_template_name:
            return option_html(context["widget"])
        return super()._render(template_name, context, renderer)  # type: ignore[misc]  # not in the stubs
