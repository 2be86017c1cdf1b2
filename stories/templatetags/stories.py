from __future__ import annotations

from django import template

from stories import featured
from stories.models import Story

register = template.Library()

CARD_FIELDS = ("public_id", "title", "first_name", "age_band", "duration", "text")


@register.simple_tag
def featured_stories() -> list[Story]:
    """Up to three stories the operator featured on the home page, with what their card
    shows (stories/includes/card.html): not the JSON and list fields it never reads."""
    stories = Story.objects.public().filter(featured=True).order_by("-published_at")
    return list(stories.only(*CARD_FIELDS)[:3])


@register.simple_tag
def featured_section() -> str:
    """The home page's featured stories, kept rendered (stories/featured.py)."""
    return featured.section()
