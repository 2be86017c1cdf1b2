"""The home page's featured stories, kept rendered in the shared cache (issue 18).

Every visit to the home page asked the database for the featured stories and rendered
their cards. The section holds nothing of the request, so it is kept as HTML per
language under the stories version (pijnreset/versions.py). Every change to a story
bumps it: saves and deletes by signal (a deleted account's stories too), query-set
updates and bulk writes by `StoryQuerySet` itself, since withdrawing consent and every
moderation decision update rows without a save. A withdrawn story is gone from the home
page with the next request. The version and the kept section come in one round trip
(`versions.kept`); a section kept under an older version is rendered again.

A bump inside a transaction happens at once and again on commit: a request that read
the old rows in between kept them under the in-between version, never the last one.
Without a cache every process shares (`DAY_STATE_CACHE` off) another worker could not
see a bump, so the section is rendered every time.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils.translation import get_language

from pijnreset import versions

NAME = "stories"
TEMPLATE = "stories/includes/featured.html"
TTL = 60 * 60


def changed() -> None:
    versions.bump_now_and_on_commit(NAME)


def section() -> str:
    """The featured stories' section in the active language ("" when none is featured)."""
    if not settings.DAY_STATE_CACHE:
        return render_to_string(TEMPLATE)
    key = f"stories:featured:{get_language() or settings.LANGUAGE_CODE}"
    return versions.kept(key, [NAME], lambda: render_to_string(TEMPLATE), TTL)


def _on_story_change(**kwargs: Any) -> None:
    changed()


def connect_signals() -> None:
    from stories.models import Story

    post_save.connect(_on_story_change, sender=Story, dispatch_uid="stories_featured_save")
    post_delete.connect(_on_story_change, sender=Story, dispatch_uid="stories_featured_delete")
