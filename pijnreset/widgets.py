"""Form widgets whose options are written in Python instead of through templates.

Django renders each radio option through four nested templates (radio_option, input_option,
input, attrs); the check-in page has 71 options, which made its template time ~40 ms. The
HTML here is byte for byte what those templates write, stripped as the renderer strips it
(tests/test_widgets.py compares the two), so a page looks the same; only its cost changes.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import escape, format_html


def _placeholder(name: str, value: object) -> tuple[str, tuple[object, ...]]:
    """One attribute of attrs.html as a piece of a format string and its value, if any.

    Attribute names come from code (the widgets' attrs), never from a user; they are
    escaped here all the same, and braces kept literal, as attrs.html escapes them."""
    written = str(escape(name)).replace("{", "{{").replace("}", "}}")
    if value is True:
        return f" {written}", ()
    return f' {written}="{{}}"', (str(value),)


def _attributes(attrs: dict[str, Any]) -> tuple[str, list[object]]:
    """attrs.html as a piece of a format string and the values it takes."""
    pieces: list[str] = []
    values: list[object] = []
    for name, value in attrs.items():
        if value is not False:
            piece, given = _placeholder(name, value)
            pieces.append(piece)
            values.extend(given)
    return "".join(pieces), values


def option_html(option: dict[str, Any]) -> str:
    """One <input> (and its <label> when wrapped), as radio_option.html writes it.

    One format_html per option (a call per attribute cost the check-in page ~1 ms)."""
    pieces = ['<input type="{}" name="{}"']
    values: list[object] = [option["type"], option["name"]]
    if option["value"] is not None:
        pieces.append(' value="{}"')
        values.append(str(option["value"]))
    attrs = option["attrs"]
    written, given = _attributes(attrs)
    pieces.append(written + ">")
    values.extend(given)
    if option.get("wrap_label"):
        # input.html's closing newline stays inside the label
        label_for = ' for="{}"' if attrs.get("id") else ""
        if label_for:
            values.insert(0, attrs["id"])
        pieces.insert(0, "<label" + label_for + ">")
        pieces.append("\n {}</label>")
        values.append(option["label"])
    return format_html("".join(pieces), *values)


class QuickRadioSelect(forms.RadioSelect):
    """A RadioSelect whose options (`{{ radio.tag }}`, `{{ radio }}`) skip the template engine."""

    def _render(self, template_name: str, context: dict[str, Any], renderer: Any = None) -> str:
        if template_name == self.option_template_name:
            return option_html(context["widget"])
        return super()._render(template_name, context, renderer)  # type: ignore[misc]  # not in the stubs


def select_html(widget: dict[str, Any]) -> str:
    """The <select> and its options, as select.html and select_option.html write them."""
    attrs, values = _attributes(widget["attrs"])
    pieces = ['<select name="{}"' + attrs + ">"]
    values.insert(0, widget["name"])
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            pieces.append('\n  <optgroup label="{}">')
            values.append(group_name)
        for option in options:
            option_attrs, option_values = _attributes(option["attrs"])
            # select_option.html's closing newline comes with each option
            pieces.append('\n  <option value="{}"' + option_attrs + ">{}</option>\n")
            values.extend([str(option["value"]), *option_values, option["label"]])
        if group_name:
            pieces.append("\n  </optgroup>")
    pieces.append("\n</select>")
    return format_html("".join(pieces), *values)


class QuickSelect(forms.Select):
    """A Select whose options skip the template engine (two templates per option)."""

    def _render(self, template_name: str, context: dict[str, Any], renderer: Any = None) -> str:
        if template_name == self.template_name:
            return select_html(context["widget"])
        return super()._render(template_name, context, renderer)  # type: ignore[misc]  # not in the stubs
