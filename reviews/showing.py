"""What the public pages show: the list, the structured data, the aggregate's words."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practices.models import Practice, Therapist
from reviews import rules
from reviews.models import Review

PER_PAGE = 20


def public_reviews(
    *,
    now: datetime,
    practice: Practice | None = None,
    therapist: Therapist | None = None,
    star: int | None = None,
) -> QuerySet[Review]:
    """Published reviews in the counted window, newest first, with what a card shows."""
    rows = Review.objects.counted(now).select_related("practice", "therapist", "reply")
    if practice is not None:
        rows = rows.filter(practice=practice)
    if therapist is not None:
        rows = rows.filter(therapist=therapist)
    if star is not None:
        rows = rows.filter(overall__gte=star, overall__lt=star + 1)
    return rows.order_by("-created_at", "-pk")


def score_text(value: Decimal | None) -> str:
    """4.6 as "4,6" in Dutch and "4.6" in English."""
    if value is None:
        return "–"
    return number_format(value, decimal_pos=1, use_l10n=True)


def aggregate_text(summary: rules.Summary) -> str:
    """ "4,6 / 5 uit 1.258 reviews" (nl) / "4.6 / 5 from 1,258 reviews" (en)."""
    count = number_format(summary.count, use_l10n=True, force_grouping=True)
    return ngettext(
        "%(score)s / 5 from %(count)s review",
        "%(score)s / 5 from %(count)s reviews",
        summary.count,
    ) % {"score": score_text(summary.average), "count": count}


def shown_name(review: Review) -> str:
    return review.shown_name or _("Anoniem")


def _rating(value: Decimal) -> dict[str, Any]:
    return {"@type": "Rating", "ratingValue": float(value), "bestRating": 5, "worstRating": 1}


def structured_data(
    practice: Practice, summary: rules.Summary, reviews: list[Review], url: str
) -> dict[str, Any]:
    """schema.org JSON-LD for a practice page: the same numbers as shown (one decimal)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalBusiness",
        "name": practice.name,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": practice.street,
            "postalCode": practice.postcode,
            "addressLocality": practice.place,
            "addressCountry": "NL",
        },
    }
    if summary.count and summary.average is not None:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": float(summary.average),
            "bestRating": 5,
            "worstRating": 1,
            "ratingCount": summary.count,
            "reviewCount": summary.count,
        }
        data["review"] = [
            {
                "@type": "Review",
                "reviewRating": _rating(Decimal(review.overall)),
                "author": {"@type": "Person", "name": shown_name(review)},
                "datePublished": review.created_at.date().isoformat(),
                "reviewBody": review.text,
            }
            for review in reviews
        ]
    return data
