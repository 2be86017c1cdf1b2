"""Template helpers for reviews: the block on practice and therapist pages, JSON-LD."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.timezone import now

from practices.models import Practice, Therapist
from reviews import showing, summary

register = template.Library()

# The same escapes as Django's json_script: nothing inside can end the data block.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class _EscapedJson:
    """JSON whose <, > and & are escaped as in Django's `json_script`: safe inside a
    script data block, so format_html may place it as it is (it reads __html__)."""

    def __init__(self, value: Any) -> None:
        self.text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
            _JSON_ESCAPES
        )

    def __html__(self) -> str:
        return self.text


@register.filter
def json_ld(value: Any) -> str:
    """A schema.org data block: data for search engines, never run (strict CSP holds)."""
    # lint: allow (application/ld+json is data the browser never runs; escaped as json_script)
    block = '<script type="application/ld+json">{}</script>'  # lint: allow (see above)
    return format_html(block, _EscapedJson(value))


@register.simple_tag(takes_context=True)
def reviews_block(
    context: template.Context, practice: Practice | None = None, therapist: Therapist | None = None
) -> dict[str, Any]:
    """The aggregate, the newest reviews and (for a practice) the structured data."""
    moment = now()
    found = summary.summary_for(now=moment, practice=practice, therapist=therapist)
    latest = list(showing.public_reviews(now=moment, practice=practice, therapist=therapist)[:5])
    block: dict[str, Any] = {"summary": found, "reviews": latest, "practice": practice}
    block["therapist"] = therapist
    block["counted_years"] = settings.REVIEWS_COUNTED_YEARS
    if practice is not None:
        request = context.get("request")
        url = request.build_absolute_uri(practice.get_absolute_url()) if request else ""
        block["json_ld"] = showing.structured_data(practice, found, latest, url)
    return block


@register.filter
def aggregate_text(found: Any) -> str:
    return showing.aggregate_text(found)


@register.filter
def score_text(value: Any) -> str:
    return showing.score_text(value)


@register.filter
def shown_name(review: Any) -> str:
    return showing.shown_name(review)


@register.filter
def star_share(found: Any, star: int) -> int:
    return int(found.share(star))


@register.filter
def star_count(found: Any, star: int) -> int:
    return int(found.distribution.get(star, 0))
