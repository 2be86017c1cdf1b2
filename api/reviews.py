"""Published reviews and their aggregate over JSON (public, no log-in needed).

The same numbers as the pages: published reviews of the last
REVIEWS_COUNTED_YEARS years (`counted_years` in every answer), the mean
rounded half up to one decimal, the per-star counts (star n holds n and n + 0.5).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from api.errors import errors
from practices.models import Practice
from reviews import rules, showing, summary

router = Router(tags=["reviews"])


class SummaryOut(Schema):
    average: Decimal | None = Field(
        description="Mean of the published overall scores, one decimal; null without reviews"
    )
    count: int
    distribution: dict[str, int] = Field(
        description='Reviews per star, "5" to "1"; star n holds the scores n and n + 0.5'
    )
    indicative: bool = Field(description="Fewer than 10 reviews: the average is indicative")
    counted_years: int = Field(description="Only reviews of the last this many years count")


class ReplyOut(Schema):
    text: str
    updated_at: dt.datetime


class ReviewOut(Schema):
    id: UUID
    overall: Decimal = Field(description="1 to 5 in steps of 0.5")
    expertise: int | None = None
    explanation: int | None = None
    reachability: int | None = None
    keeping_appointments: int | None = None
    recommends: bool
    text: str
    shown_name: str = Field(description='"Anoniem" or a first name and initial')
    therapist: str
    created_at: dt.datetime
    reply: ReplyOut | None = None


class ReviewPage(Schema):
    summary: SummaryOut
    page: int
    pages: int
    results: list[ReviewOut]


class ReviewQuery(Schema):
    page: int = Field(1, ge=1, le=10_000)
    score: int | None = Field(None, ge=1, le=5, description="Only this star (n and n + 0.5)")


def _summary(found: rules.Summary) -> SummaryOut:
    return SummaryOut(
        average=found.average,
        count=found.count,
        distribution={str(star): found.distribution.get(star, 0) for star in rules.STARS},
        indicative=found.indicative,
        counted_years=settings.REVIEWS_COUNTED_YEARS,
    )


@router.get("/reviews/summary", response={200: SummaryOut, **errors(422)})
def network_summary(request: HttpRequest):  # type: ignore[no-untyped-def]
    """The aggregate of the whole network: average, count and per-star distribution."""
    return Status(200, _summary(summary.summary_for(now=timezone.now())))


@router.get("/practices/{practice_id}/reviews", response={200: ReviewPage, **errors(404, 422)})
def practice_reviews(request: HttpRequest, practice_id: UUID, query: Query[ReviewQuery]):  # type: ignore[no-untyped-def]
    """A practice's published reviews, newest first, 20 a page, with its aggregate."""
    practice = get_object_or_404(Practice.objects.listed(), public_id=practice_id)
    now = timezone.now()
    rows = showing.public_reviews(now=now, practice=practice, star=query.score)
    total = rows.count()
    pages = max(1, -(-total // showing.PER_PAGE))
    start = (query.page - 1) * showing.PER_PAGE
    results = [
        ReviewOut(
            id=review.public_id,
            overall=review.overall,
            expertise=review.expertise,
            explanation=review.explanation,
            reachability=review.reachability,
            keeping_appointments=review.punctuality,
            recommends=review.recommends,
            text=review.text,
            shown_name=review.shown_name or "Anoniem",
            therapist=review.therapist.name,
            created_at=review.created_at,
            reply=ReplyOut(text=review.reply.text, updated_at=review.reply.updated_at)
            if hasattr(review, "reply")
            else None,
        )
        for review in rows[start : start + showing.PER_PAGE]
    ]
    found = summary.summary_for(now=now, practice=practice)
    return Status(
        200, ReviewPage(summary=_summary(found), page=query.page, pages=pages, results=results)
    )
