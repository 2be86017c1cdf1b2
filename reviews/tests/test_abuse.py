"""Abuse: rate limits on writing, someone else's review, the wrong moderator."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reviews import actions
from reviews.models import Review
from reviews.tests.test_flow import GOOD, link_path
from stories.models import Story

TEXT = "x" * 120


def test_review_writing_is_rate_limited(client, visit, patient_anna, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "review": "0/h/ip"}
    client.force_login(patient_anna)
    answer = client.post(reverse("reviews:write", args=[visit.public_id]), GOOD)
    assert answer.status_code == 429
    assert answer["Retry-After"]
    assert not Review.objects.exists()


def test_story_writing_is_rate_limited(client, patient_anna, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "story": "0/h/user"}
    client.force_login(patient_anna)
    form = {"title": "Mijn verhaal", "text": TEXT, "consent": "on"}
    assert client.post(reverse("stories:write"), form).status_code == 429
    assert not Story.objects.exists()


def test_someone_elses_review_is_404(client, visit, patient_bram):
    client.post(link_path(mail.outbox[0]), GOOD)
    review = Review.objects.get()
    client.force_login(patient_bram)
    assert client.get(reverse("reviews:edit", args=[review.public_id])).status_code == 404
    assert client.post(reverse("reviews:withdraw", args=[review.public_id])).status_code == 404
    review.refresh_from_db()
    assert review.status == "pending"


@pytest.mark.parametrize("who", ["manager_mila", "therapist_eva", "patient_anna"])
def test_only_the_operator_moderates(client, visit, request, who):
    client.post(link_path(mail.outbox[0]), GOOD)
    review = Review.objects.get()
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("reviews:queue")).status_code == 404
    url = reverse("reviews:decide", args=[review.public_id])
    assert client.post(url, {"decision": "publish"}).status_code == 404
    review.refresh_from_db()
    assert review.status == "pending"


def test_author_edits_and_withdraws(client, visit, patient_anna, operator_olaf):
    client.force_login(patient_anna)
    client.post(reverse("reviews:write", args=[visit.public_id]), GOOD)
    review = Review.objects.get()
    actions.publish_review(actor=operator_olaf, review=review, now=timezone.now())
    edit = reverse("reviews:edit", args=[review.public_id])
    assert client.post(edit, {**GOOD, "overall": "3"}).status_code == 302
    review.refresh_from_db()
    assert (str(review.overall), review.status) == ("3.0", "pending")
    assert client.post(edit, {**GOOD, "overall": "4.3"}).status_code == 422
    assert client.post(reverse("reviews:withdraw", args=[review.public_id])).status_code == 302
    review.refresh_from_db()
    assert review.status == "withdrawn"
    assert client.post(edit, GOOD).status_code == 409
