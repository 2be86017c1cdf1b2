"""`{% from_my_therapist %}` on the Today page: homework and a short message."""

from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from care.today import from_therapist

register = template.Library()


@register.inclusion_tag("care/includes/today.html", takes_context=True)
def from_my_therapist(context: dict[str, Any]) -> dict[str, Any]:
    if "care_today" in context:  # the Today view brings it from the cached day state
        return {"care": context["care_today"]}
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"care": None}
    language = (get_language() or "nl")[:2]
    return {"care": from_therapist(patient=user, now=timezone.now(), language=language)}
