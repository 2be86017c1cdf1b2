"""The aggregate of published reviews, counted by the database in one query.

No stored copy: a count over a moving window (the last REVIEWS_COUNTED_YEARS)
would go stale as reviews age out of it, so every page asks the database
once (count, sum and the five buckets in one SELECT with filtered aggregates).
Publish, edit, withdraw and reject change only the review's own row, so the
next question sees the change; nothing can drift. `tests/test_summary.py`
changes reviews in every way and compares with a recount.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from practices.models import Practice, Therapist
from reviews import rules
from reviews.models import Review


def _buckets() -> dict[str, Count]:
    bounds = {star: (star, star + 1) for star in rules.STARS}
    return {
        f"star_{star}": Count("pk", filter=Q(overall__gte=low, overall__lt=high))
        for star, (low, high) in bounds.items()
    }


def summarise_rows(rows: QuerySet[Review]) -> rules.Summary:
    """One SELECT: count, sum and the per-star counts of `rows`."""
    found = rows.order_by().aggregate(count=Count("pk"), total=Sum("overall"), **_buckets())
    count = found["count"] or 0
    return rules.Summary(
        count=count,
        average=rules.mean(Decimal(found["total"] or 0), count),
        distribution={star: found[f"star_{star}"] or 0 for star in rules.STARS},
    )


def summary_for(
    *, now: datetime, practice: Practice | None = None, therapist: Therapist | None = None
) -> rules.Summary:
    """The aggregate shown for a practice, a therapist or (neither) the whole network."""
    rows = Review.objects.counted(now)
    if practice is not None:
        rows = rows.filter(practice=practice)
    if therapist is not None:
        rows = rows.filter(therapist=therapist)
    return summarise_rows(rows)
