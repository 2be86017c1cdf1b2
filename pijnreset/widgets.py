"""Form widgets whose options are written in Python instead of through templates.

Django renders each radio option through four nested templates (radio_option, input_option,
input, attrs); the check-in page has 71 options, which made its template time ~40 ms. The
HTML here is byte for byte what those templates write, stripped as the renderer strips it
(tests/test_widgets.py compares the two), so a page looks the same; only its cost changes.
"""

from __future__ import annotations

import html
from typing import Any

from django import forms
from django.utils.safestring import SafeString, mark_safe


def _escape(value: object) -> str:
    """conditional_escape without its lazy-string wrapper (a few µs per call, 200 calls a page)."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def _attribute(name: str, value: object) -> str:
    if value is True:
        return f" {_escape(name)}"
    return f' {_escape(name)}="{_escape(str(value))}"'


def option_html(option: dict[str, Any]) -> SafeString:
    """One <input> (and its <label> when wrapped), as radio_option.html writes it."""
    attrs = option["attrs"]
    tag = f'<input type="{_escape(option["type"])}" name="{_escape(option["name"])}"'
    if option["value"] is not None:
        tag += f' value="{_escape(str(option["value"]))}"'
    tag += "".join(_attribute(name, value) for name, value in attrs.items() if value is not False)
    tag += ">"
    if option.get("wrap_label"):  # input.html's closing newline stays inside the label
        label_for = f' for="{_escape(attrs["id"])}"' if attrs.get("id") else ""
        tag = f"<label{label_for}>{tag}\n {_escape(option['label'])}</label>"
    return mark_safe(tag)  # noqa: S308  lint: allow (every value above is escaped)


class QuickRadioSelect(forms.RadioSelect):
    """A RadioSelect whose options (`{{ radio.tag }}`, `{{ radio }}`) skip the template engine."""

    def _render(self, template_name: str, context: dict[str, Any], renderer: Any = None) -> str:
        if template_name == self.option_template_name:
            return option_html(context["widget"])
        return super()._render(template_name, context, renderer)  # type: ignore[misc]  # not in the stubs
