"""Stories: consent, moderation flags, withdrawal takes it off the pages and the sitemap."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from stories import actions
from stories.models import Story, StoryDecision

TEXT = (
    "Drie jaar lang dacht ik dat ik nooit meer zou kunnen wandelen. Met kleine stappen en "
    "veel geduld gaat het nu beter. Ik leerde rusten voordat ik moe werd."
)
FORM = {"title": "Kleine stappen", "text": TEXT, "consent": "on", "exercises": ["breathing"]}


def test_no_story_without_consent(client, patient_anna):
    client.force_login(patient_anna)
    answer = client.post(reverse("stories:write"), {**FORM, "consent": ""})
    assert answer.status_code == 422
    assert not Story.objects.exists()


def test_flags_cure_claims_and_medication_advice(client, patient_anna):
    client.force_login(patient_anna)
    text = TEXT + " Ik ben helemaal genezen sinds ik stopte met pregabaline."
    client.post(reverse("stories:write"), {**FORM, "text": text})
    story = Story.objects.get()
    assert "cure" in story.flags
    assert "medication" in story.flags


@pytest.mark.django_db
def test_withdrawing_removes_it_from_pages_and_sitemap(client, patient_anna, operator_olaf):
    client.force_login(patient_anna)
    client.post(reverse("stories:write"), FORM)
    story = Story.objects.get()
    assert story.title not in client.get(reverse("stories:index")).content.decode()
    actions.moderate_story(
        actor=operator_olaf, story=story, decision="publish", reason="", now=timezone.now()
    )
    actions.moderate_story(
        actor=operator_olaf, story=story, decision="feature", reason="", now=timezone.now()
    )
    assert StoryDecision.objects.filter(moderator=operator_olaf).count() == 2
    assert "Kleine stappen" in client.get(reverse("stories:index")).content.decode()
    assert str(story.public_id) in client.get("/sitemap.xml").content.decode()
    assert "Kleine stappen" in client.get(reverse("home")).content.decode()
    answer = client.post(reverse("stories:withdraw", args=[story.public_id]))
    assert answer.status_code == 302
    assert "Kleine stappen" not in client.get(reverse("stories:index")).content.decode()
    assert client.get(story.get_absolute_url()).status_code == 404
    assert str(story.public_id) not in client.get("/sitemap.xml").content.decode()
    assert "Kleine stappen" not in client.get(reverse("home")).content.decode()


def test_another_user_cannot_withdraw(client, patient_anna, patient_bram):
    client.force_login(patient_anna)
    client.post(reverse("stories:write"), FORM)
    story = Story.objects.get()
    client.force_login(patient_bram)
    assert client.post(reverse("stories:withdraw", args=[story.public_id])).status_code == 404
    story.refresh_from_db()
    assert story.consent_in_force


def test_only_the_moderator_moderates(client, patient_anna, manager_mila):
    client.force_login(patient_anna)
    client.post(reverse("stories:write"), FORM)
    story = Story.objects.get()
    client.force_login(manager_mila)
    url = reverse("stories:decide", args=[story.public_id])
    assert client.post(url, {"decision": "publish"}).status_code == 404
    assert Story.objects.public().count() == 0


def test_the_sitemap_uses_the_public_address(client, settings, db):
    settings.SITE_URL = "https://pijnreset.example"
    body = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://pijnreset.example/verhalen/</loc>" in body
