"""Invitation -> review -> moderation -> reply, through the real pages, and the refusals."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bookings.models import Status
from reviews.models import ModerationDecision, Reply, Review, ReviewInvitation, ReviewStatus
from reviews.tests.conftest import complete, past_appointment

GOOD = {
    "overall": "4.5",
    "recommends": "yes",
    "text": "Eva nam echt de tijd en legde alles rustig uit.",
    "expertise": "5",
}


def link_path(message) -> str:
    url = re.search(r"https?://\S+/reviews/schrijven/\S+/", message.body).group(0)
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_completing_sends_one_invitation_and_only_once(
    visit, therapist_eva, django_capture_on_commit_callbacks
):
    assert len(mail.outbox) == 1
    assert "Praktijk Rustpunt" in mail.outbox[0].subject
    assert mail.outbox[0].to == ["anna@example.nl"]
    with django_capture_on_commit_callbacks(execute=True):
        complete(visit, therapist_eva)  # marked again: nothing more
    assert len(mail.outbox) == 1
    assert ReviewInvitation.objects.filter(appointment=visit).count() == 1


def test_no_show_gets_no_invitation(practice_a, eva, patient_anna, therapist_eva):
    from bookings import actions

    appointment = past_appointment(practice_a, eva, patient_anna)
    actions.mark_outcome(
        appointment=appointment, actor=therapist_eva, status=Status.NO_SHOW, now=timezone.now()
    )
    assert mail.outbox == []
    assert not ReviewInvitation.objects.exists()


def test_the_link_works_once(client, visit):
    path = link_path(mail.outbox[0])
    assert client.get(path).status_code == 200
    answer = client.post(path, GOOD)
    assert answer.status_code == 200
    review = Review.objects.get()
    assert review.overall == Decimal("4.5")
    assert review.status == ReviewStatus.PENDING
    assert review.therapist.name == "Eva de Vries"
    assert review.shown_name == ""
    again = client.post(path, GOOD)
    assert again.status_code == 410
    assert Review.objects.count() == 1


def test_an_expired_link_does_not_work(client, visit):
    path = link_path(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        answer = client.post(path, GOOD)
    assert answer.status_code == 410
    assert not Review.objects.exists()


@pytest.mark.parametrize("score", ["0", "5.5", "4.3", "x", "", "NaN", "1e1"])
def test_bad_scores_are_refused(client, visit, score):
    answer = client.post(link_path(mail.outbox[0]), {**GOOD, "overall": score})
    assert answer.status_code == 422
    assert not Review.objects.exists()


@pytest.mark.parametrize("text", ["te kort", "x" * 2001])
def test_text_length_is_bounded(client, visit, text):
    answer = client.post(link_path(mail.outbox[0]), {**GOOD, "text": text})
    assert answer.status_code == 422
    assert not Review.objects.exists()


def test_from_the_account_and_not_twice(client, visit, patient_anna):
    client.force_login(patient_anna)
    url = reverse("reviews:write", args=[visit.public_id])
    assert client.post(url, {**GOOD, "show_name": "on"}).status_code == 200
    review = Review.objects.get()
    assert review.shown_name == "Anna"
    assert client.post(url, GOOD).status_code == 409
    # the e-mailed link is used up as well
    assert client.post(link_path(mail.outbox[0]), GOOD).status_code == 410
    assert Review.objects.count() == 1


@pytest.mark.parametrize("status", [Status.CONFIRMED, Status.CANCELLED, Status.NO_SHOW])
def test_not_without_a_completed_appointment(client, practice_a, eva, patient_anna, status):
    appointment = past_appointment(practice_a, eva, patient_anna, status=status)
    client.force_login(patient_anna)
    answer = client.post(reverse("reviews:write", args=[appointment.public_id]), GOOD)
    assert answer.status_code == 409
    assert not Review.objects.exists()


def test_not_for_a_future_appointment(client, practice_a, eva, patient_anna):
    appointment = past_appointment(
        practice_a, eva, patient_anna, days_ago=-3, status=Status.COMPLETED
    )
    client.force_login(patient_anna)
    answer = client.post(reverse("reviews:write", args=[appointment.public_id]), GOOD)
    assert answer.status_code == 409
    assert not Review.objects.exists()


def test_not_someone_elses_appointment(client, visit, patient_bram):
    client.force_login(patient_bram)
    answer = client.post(reverse("reviews:write", args=[visit.public_id]), GOOD)
    assert answer.status_code == 404
    assert not Review.objects.exists()


def test_moderation_reply_and_page(client, visit, operator_olaf, manager_mila, practice_a):
    client.post(link_path(mail.outbox[0]), GOOD)
    review = Review.objects.get()
    client.force_login(operator_olaf)
    answer = client.post(
        reverse("reviews:decide", args=[review.public_id]), {"decision": "publish"}
    )
    assert answer.status_code == 302
    decision = ModerationDecision.objects.get()
    assert decision.moderator == operator_olaf
    client.force_login(manager_mila)
    reply_url = reverse("reviews:reply", args=[practice_a.public_id, review.public_id])
    bad = client.post(reply_url, {"text": "Fijn dat uw rugpijn minder is na de behandeling."})
    assert bad.status_code == 422
    assert not Reply.objects.exists()
    assert client.post(reply_url, {"text": "Dank u wel voor uw woorden!"}).status_code == 302
    assert client.post(reply_url, {"text": "Dank u wel, graag tot ziens."}).status_code == 302
    assert Reply.objects.get().text == "Dank u wel, graag tot ziens."
    page = client.get(practice_a.get_absolute_url()).content.decode()
    assert "4,5 / 5 uit 1 review" in page
    assert "Dank u wel, graag tot ziens." in page


def test_another_practice_cannot_reply(client, visit, operator_olaf, practice_b, practice_a):
    from reviews import actions

    client.post(link_path(mail.outbox[0]), GOOD)
    review = Review.objects.get()
    actions.publish_review(actor=operator_olaf, review=review, now=timezone.now())
    from accounts.models import Role
    from conftest import make_user

    other = make_user("piet@example.nl", role=Role.PRACTICE_MANAGER)
    practice_b.managers.add(other)
    client.force_login(other)
    for name in ("reply", "report"):
        url = reverse(f"reviews:{name}", args=[practice_a.public_id, review.public_id])
        assert (
            client.post(url, {"text": "Dank u wel", "reason": "Dit klopt niet echt."}).status_code
            == 404
        )
        url = reverse(f"reviews:{name}", args=[practice_b.public_id, review.public_id])
        assert (
            client.post(url, {"text": "Dank u wel", "reason": "Dit klopt niet echt."}).status_code
            == 404
        )
    assert not Reply.objects.exists()


def test_rejection_tells_the_reason(
    client, visit, operator_olaf, django_capture_on_commit_callbacks
):
    client.post(
        link_path(mail.outbox[0]), {**GOOD, "text": "Bel me op 06-12345678 voor meer info."}
    )
    review = Review.objects.get()
    assert "phone" in review.flags
    client.force_login(operator_olaf)
    url = reverse("reviews:decide", args=[review.public_id])
    assert client.post(url, {"decision": "reject"}).status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(url, {"decision": "reject", "reason": "personal_data"})
    assert answer.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.REJECTED
    assert (
        "persoonsgegevens" in mail.outbox[-1].body.lower()
        or "personal data" in mail.outbox[-1].body
    )
