from __future__ import annotations

from django import template

from stories.models import Story

register = template.Library()


@register.simple_tag
def featured_stories() -> list[Story]:
    """Up to three stories the operator featured on the home page."""
    return list(Story.objects.public().filter(featured=True).order_by("-published_at")[:3])
