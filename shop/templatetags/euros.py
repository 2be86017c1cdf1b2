from django import template

from shop.invoice import amount

register = template.Library()


@register.filter
def euro(cents: int) -> str:
    """2499 -> "€ 24,99" in Dutch, "€ 24.99" in English."""
    return amount(int(cents))
