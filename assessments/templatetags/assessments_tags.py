"""Template filters for instrument texts. No queries."""

from collections.abc import Mapping

from django import template

from assessments.definitions import pick as pick_text

register = template.Library()


@register.filter
def pick(text: Mapping[str, str] | None, language: str) -> str:
    """``{{ item.help|pick:language }}``: the text in that language (or the first it has)."""
    return pick_text(text or {}, language)
