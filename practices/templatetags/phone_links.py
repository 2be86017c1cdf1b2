"""`{{ number|phone_link }}`: a practice's or therapist's number as a tappable `tel:` link."""

from django import template
from django.utils.html import format_html

from practices.telephone import tel_uri

register = template.Library()


@register.filter
def phone_link(number: str | None) -> str:
    """The number as shown, linked to its `tel:` address (format_html escapes it and
    marks the link safe); as plain text when it has no digits."""
    shown = (number or "").strip()
    uri = tel_uri(shown)
    if not uri:
        return shown
    return format_html('<a href="{}">{}</a>', uri, shown)
