"""Which story a user may reach: one helper per object; anything else is Http404."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import User
from reviews.access import is_moderator
from stories.models import Story


def public_story(story_id: UUID | str) -> Story:
    return get_object_or_404(Story.objects.public(), public_id=story_id)


def own_story(user: User, story_id: UUID | str) -> Story:
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(Story.objects.filter(author=user), public_id=story_id)


def story_to_moderate(user: User, story_id: UUID | str) -> Story:
    if not is_moderator(user):
        raise Http404
    return get_object_or_404(Story, public_id=story_id)
