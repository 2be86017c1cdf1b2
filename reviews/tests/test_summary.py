"""The aggregate stays right: change reviews in every way and compare with a recount."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from reviews import actions, rules, summary
from reviews.actions import ReviewValues
from reviews.models import Review, ReviewStatus
from reviews.tests.conftest import complete, past_appointment

TEXT = "Heel prettig contact en duidelijke uitleg."


def recount(practice=None) -> rules.Summary:
    """The plain Python recount of what the pages must show."""
    since = timezone.now() - timedelta(days=4 * 365)
    rows = [
        review
        for review in Review.objects.all()
        if review.status == ReviewStatus.PUBLISHED
        and review.created_at >= since
        and (practice is None or review.practice_id == practice.pk)
    ]
    return rules.summarise(Decimal(review.overall) for review in rows)


def write(appointment, patient, score: str) -> Review:
    return actions.submit_review(
        actor=patient,
        appointment=appointment,
        values=ReviewValues(overall=Decimal(score), recommends=True, text=TEXT),
        now=timezone.now(),
    )


@pytest.fixture
def reviews(practice_a, practice_b, eva, joost, patient_anna, therapist_eva, therapist_joost):
    written = []
    scores = ["5", "4.5", "4", "1", "2.5", "3", "5", "3.5"]
    for index, score in enumerate(scores):
        practice, therapist, staff = (
            (practice_a, eva, therapist_eva) if index % 2 else (practice_b, joost, therapist_joost)
        )
        appointment = past_appointment(practice, therapist, patient_anna, days_ago=index + 1)
        complete(appointment, staff)
        written.append(write(appointment, patient_anna, score))
    return written


def assert_right(practice_a, practice_b):
    for practice in (None, practice_a, practice_b):
        assert summary.summary_for(now=timezone.now(), practice=practice) == recount(practice)


def test_every_change_keeps_the_summary_right(
    reviews, operator_olaf, patient_anna, practice_a, practice_b
):
    now = timezone.now()
    assert_right(practice_a, practice_b)
    for review in reviews:
        actions.publish_review(actor=operator_olaf, review=review, now=now)
        assert_right(practice_a, practice_b)
    values = ReviewValues(overall=Decimal("1.5"), recommends=False, text=TEXT)
    actions.edit_review(actor=patient_anna, review=reviews[0], values=values, now=now)
    assert_right(practice_a, practice_b)
    actions.publish_review(actor=operator_olaf, review=reviews[0], now=now)
    actions.withdraw_review(actor=patient_anna, review=reviews[1], now=now)
    assert_right(practice_a, practice_b)
    actions.reject_review(actor=operator_olaf, review=reviews[2], reason="abuse", note="", now=now)
    assert_right(practice_a, practice_b)
    Review.objects.filter(pk=reviews[3].pk).update(created_at=now - timedelta(days=5 * 365))
    assert_right(practice_a, practice_b)
    network = summary.summary_for(now=now)
    assert network.count == 5
    assert sum(network.distribution.values()) == network.count


def test_rounding_half_up_and_buckets():
    found = rules.summarise([Decimal("4.5"), Decimal("5"), Decimal("4.5"), Decimal("4.5")])
    assert found.average == Decimal("4.6")  # 4.625 -> 4.6
    assert found.distribution == {5: 1, 4: 3, 3: 0, 2: 0, 1: 0}
    assert rules.summarise([Decimal("4.5"), Decimal("4.8")]).average is not None
    assert rules.mean(Decimal("9.3"), 2) == Decimal("4.7")  # 4.65 -> 4.7, never 4.6


@pytest.mark.parametrize("value", ["0", "5.5", "4.3", "0.5", "6", "-1", "abc", None, True])
def test_scores_outside_the_halves_are_refused(value):
    assert rules.parse_overall(value) is None


def test_json_ld_matches_what_is_shown(client, reviews, operator_olaf, practice_a):
    for review in reviews:
        actions.publish_review(actor=operator_olaf, review=review, now=timezone.now())
    page = client.get(practice_a.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    rating = data["aggregateRating"]
    assert rating["@type"] == "AggregateRating"
    assert set(rating) >= {"ratingValue", "bestRating", "worstRating", "ratingCount"}
    assert isinstance(rating["ratingValue"], float)
    assert isinstance(rating["ratingCount"], int)
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
    shown = summary.summary_for(now=timezone.now(), practice=practice_a)
    assert Decimal(str(rating["ratingValue"])) == shown.average
    assert rating["ratingCount"] == shown.count
    assert f"{shown.average}".replace(".", ",") + " / 5" in page
    assert all(item["@type"] == "Review" for item in data["review"])
    assert all(item["reviewRating"]["@type"] == "Rating" for item in data["review"])


def test_api_summary_and_list(client, reviews, operator_olaf, practice_a):
    for review in reviews:
        actions.publish_review(actor=operator_olaf, review=review, now=timezone.now())
    body = client.get("/api/v1/reviews/summary").json()
    shown = summary.summary_for(now=timezone.now())
    assert body["count"] == shown.count
    assert Decimal(str(body["average"])) == shown.average
    assert body["distribution"] == {str(k): v for k, v in shown.distribution.items()}
    listed = client.get(f"/api/v1/practices/{practice_a.public_id}/reviews?score=5").json()
    assert {item["overall"] for item in listed["results"]} <= {"5.0", 5.0, "5"}
    missing = client.get("/api/v1/practices/00000000-0000-0000-0000-000000000000/reviews")
    assert missing.status_code == 404
    assert (
        client.get(f"/api/v1/practices/{practice_a.public_id}/reviews?score=9").status_code == 422
    )


def test_badge(client, reviews, operator_olaf, practice_a):
    for review in reviews:
        actions.publish_review(actor=operator_olaf, review=review, now=timezone.now())
    answer = client.get(f"/reviews/badge/{practice_a.slug}.svg")
    assert answer["Content-Type"].startswith("image/svg+xml")
    assert "/ 5" in answer.content.decode()
    assert client.get("/reviews/badge.svg").status_code == 200
    assert client.get("/reviews/badge/nope.svg").status_code == 404


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "4,6 / 5 uit 1.258 reviews"), ("en", "4.6 / 5 from 1,258 reviews")],
)
def test_the_aggregate_in_words(language, expected):
    from django.utils import translation

    from reviews import showing

    found = rules.Summary(count=1258, average=Decimal("4.6"))
    with translation.override(language):
        assert showing.aggregate_text(found) == expected
