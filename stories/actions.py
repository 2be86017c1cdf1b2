"""Recovery stories: written, moderated, published only with consent, withdrawn at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from accounts.models import User
from reviews import screening
from reviews.access import is_moderator
from reviews.errors import NotNow, NotYours
from stories.models import Story, StoryDecision, StoryStatus


@dataclass(frozen=True)
class StoryValues:
    title: str
    text: str
    first_name: str = ""
    age_band: str = ""
    duration: str = ""
    what_helped: str = ""
    exercises: tuple[str, ...] = ()

    def fields(self) -> dict[str, object]:
        return {
            "title": self.title,
            "text": self.text,
            "first_name": self.first_name,
            "age_band": self.age_band,
            "duration": self.duration,
            "what_helped": self.what_helped,
            "exercises": list(self.exercises),
            "flags": screening.story_flags(" ".join([self.title, self.text, self.what_helped])),
        }


def write_story(*, actor: User, values: StoryValues, language: str, now: datetime) -> Story:
    """A logged-in person writes their story with explicit consent to publish it."""
    if not actor.is_authenticated:
        raise NotYours()
    return Story.objects.create(
        author=actor,
        language=language,
        consent_given_at=now,
        created_at=now,
        updated_at=now,
        **values.fields(),
    )


def withdraw_consent(*, actor: User, story: Story, now: datetime) -> Story:
    """Consent withdrawn: unpublished at once (public pages and sitemap ask `public()`)."""
    if story.author_id != actor.pk:
        raise NotYours()
    with transaction.atomic(durable=True):
        Story.objects.filter(pk=story.pk, consent_withdrawn_at__isnull=True).update(
            consent_withdrawn_at=now,
            status=StoryStatus.PENDING,
            featured=False,
            published_at=None,
            updated_at=now,
        )
    story.refresh_from_db()
    return story


def moderate_story(
    *, actor: User, story: Story, decision: str, reason: str, now: datetime
) -> Story:
    """The moderator publishes, rejects, features or unfeatures; each decision is logged."""
    if not is_moderator(actor):
        raise NotYours()
    rows = Story.objects.filter(pk=story.pk, consent_withdrawn_at__isnull=True)
    with transaction.atomic(durable=True):
        if decision == "publish":
            changed = rows.update(status=StoryStatus.PUBLISHED, published_at=now, reject_reason="")
        elif decision == "reject":
            changed = rows.update(
                status=StoryStatus.REJECTED, published_at=None, featured=False, reject_reason=reason
            )
        elif decision in ("feature", "unfeature"):
            changed = rows.filter(status=StoryStatus.PUBLISHED).update(
                featured=decision == "feature"
            )
        else:
            changed = 0
        if not changed:
            raise NotNow()
        StoryDecision.objects.create(
            story=story, moderator=actor, decision=decision, reason=reason, decided_at=now
        )
    story.refresh_from_db()
    return story
