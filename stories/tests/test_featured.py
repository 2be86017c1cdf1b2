"""The home page's featured stories: every change of a story shows on the next home page,
in both languages, and the card reads only the fields it was given."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from stories import actions
from stories.models import Story
from stories.tests.test_stories import FORM


@pytest.fixture
def featured(client, patient_anna, operator_olaf):
    client.force_login(patient_anna)
    client.post(reverse("stories:write"), FORM)
    client.logout()
    story = Story.objects.get()
    for decision in ("publish", "feature"):
        actions.moderate_story(
            actor=operator_olaf, story=story, decision=decision, reason="", now=timezone.now()
        )
    return story


def home_pages(client) -> tuple[str, str]:
    return client.get("/").content.decode(), client.get("/en/").content.decode()


def test_a_featured_story_shows_in_both_languages(client, featured):
    for _ in range(2):  # the second time with the shell's fragments kept
        dutch, english = home_pages(client)
        assert "Kleine stappen" in dutch and "Verhalen van herstel" in dutch
        assert "Kleine stappen" in english and "Stories of recovery" in english


def test_unfeaturing_takes_it_off_at_once(client, featured, operator_olaf):
    home_pages(client)
    actions.moderate_story(
        actor=operator_olaf, story=featured, decision="unfeature", reason="", now=timezone.now()
    )
    assert all("Kleine stappen" not in page for page in home_pages(client))


def test_an_edited_story_shows_its_new_title_at_once(client, featured):
    home_pages(client)
    featured.title = "Grote stappen"
    featured.save(update_fields=["title"])
    assert all("Grote stappen" in page for page in home_pages(client))


def test_a_deleted_author_takes_the_story_off_at_once(client, featured, patient_anna):
    home_pages(client)
    patient_anna.delete()
    assert all("Kleine stappen" not in page for page in home_pages(client))


def test_the_card_reads_no_field_it_was_not_given(client, featured, django_assert_num_queries):
    featured.first_name, featured.age_band, featured.duration = "Anna", "40s", "1-5"
    featured.save()
    with django_assert_num_queries(1):  # the stories; a deferred field would add a query
        home = client.get("/").content.decode()
    assert "Anna · 40 tot 49 · klachten: 1 tot 5 jaar" in home


def test_the_section_is_kept_until_a_story_changes(client, featured, django_assert_num_queries):
    home_pages(client)
    with django_assert_num_queries(0):
        dutch, english = home_pages(client)
    assert "Kleine stappen" in dutch and "Stories of recovery" in english
    assert '<article class="card">' in dutch  # kept as HTML, not escaped on the way out


def test_withdrawn_consent_takes_it_off_at_once(client, featured, patient_anna):
    home_pages(client)
    actions.withdraw_consent(actor=patient_anna, story=featured, now=timezone.now())
    assert all("Kleine stappen" not in page for page in home_pages(client))


def test_a_query_set_update_takes_it_off_at_once(client, featured):
    home_pages(client)
    Story.objects.filter(pk=featured.pk).update(featured=False)
    assert all("Kleine stappen" not in page for page in home_pages(client))


def test_without_a_shared_cache_every_home_page_asks(
    client, featured, settings, django_assert_num_queries
):
    settings.DAY_STATE_CACHE = False
    home_pages(client)
    with django_assert_num_queries(2):  # one per language
        dutch, english = home_pages(client)
    assert "Kleine stappen" in dutch and "Kleine stappen" in english
