"""The review journey (issue 16): the therapist marks an appointment completed, the patient
opens the e-mailed link and sends a 4.5, the moderator publishes it, the practice replies,
and the practice page shows the new average, count and reply; the link works only once."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from practices.tests.factories import make_practice, make_therapist
from reviews.models import Review, ReviewStatus
from reviews.tests.conftest import past_appointment
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def act_as(page, live_server, user) -> None:
    page.context.clear_cookies()
    if user is None:
        return
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_completed_appointment_to_published_review_with_reply(
    page, live_server, patient_anna, therapist_eva, manager_mila, operator_olaf
):
    practice = make_practice("Praktijk Rustpunt", managers=(manager_mila,))
    eva = make_therapist("Eva de Vries", practices=(practice,), user=therapist_eva)
    appointment = past_appointment(practice, eva, patient_anna)

    # The therapist marks it completed on the appointment page.
    act_as(page, live_server, therapist_eva)
    page.goto(live_server.url + appointment.get_absolute_url())
    page.locator("button[value=completed]").click()
    page.locator("h1").wait_for()
    [invitation] = [m for m in mail.outbox if m.to == ["anna@example.nl"]]
    link = re.search(r"https?://\S+(/reviews/schrijven/\S+/)", invitation.body).group(1)

    # The patient opens the e-mailed link (no log-in needed) and sends a 4.5.
    act_as(page, live_server, None)
    page.goto(live_server.url + link)
    page.get_by_role("heading", name="Schrijf een review").wait_for()
    assert_accessible(page)
    page.get_by_label("4.5", exact=True).check()
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("Je ervaring").fill("Rustige uitleg en echt de tijd genomen, dank je wel.")
    page.get_by_role("button", name="Verstuur mijn review").click()
    page.get_by_role("heading", name="Dank je wel voor je review").wait_for()
    review = Review.objects.get()
    assert review.status == ReviewStatus.PENDING

    # The moderator publishes it.
    act_as(page, live_server, operator_olaf)
    page.goto(live_server.url + "/reviews/moderatie/")
    page.get_by_role("link", name=re.compile("Praktijk Rustpunt")).click()
    assert_accessible(page)
    page.get_by_label("Publiceren", exact=True).check()
    page.get_by_role("button", name="Besluit opslaan").click()
    page.get_by_role("heading", name="Moderatie van reviews").wait_for()

    # The practice replies once, publicly.
    act_as(page, live_server, manager_mila)
    page.goto(live_server.url + f"/reviews/praktijk/{practice.public_id}/")
    page.get_by_role("link", name="Reageren").click()
    assert_accessible(page)
    page.get_by_label("Je openbare reactie").fill("Dank u wel voor uw mooie woorden!")
    page.get_by_role("button", name="Reactie publiceren").click()
    page.get_by_role("heading", name=re.compile("Reviews van")).wait_for()

    # Anyone sees the new average, the count and the reply on the practice page.
    act_as(page, live_server, None)
    page.goto(live_server.url + practice.get_absolute_url())
    page.get_by_text("4,5 / 5 uit 1 review").wait_for()
    page.get_by_text("Dank u wel voor uw mooie woorden!").wait_for()
    assert 'type="application/ld+json"' in page.content()
    assert_accessible(page)

    # The link cannot be used again.
    page.goto(live_server.url + link)
    page.get_by_text(re.compile("Deze link werkt niet")).wait_for()
    assert Review.objects.count() == 1


def test_review_and_story_pages_are_accessible_and_read_more_works_without_js(
    page, browser, live_server, patient_anna, therapist_eva, operator_olaf
):
    from decimal import Decimal

    from django.utils import timezone

    from reviews import actions
    from reviews.actions import ReviewValues
    from stories import actions as story_actions
    from stories.actions import StoryValues

    practice = make_practice("Praktijk Rustpunt")
    eva = make_therapist("Eva de Vries", practices=(practice,), user=therapist_eva)
    long_text = "Rustig opgebouwd en goed uitgelegd. " * 20
    for days_ago, score in ((1, "4.5"), (2, "2")):
        appointment = past_appointment(practice, eva, patient_anna, days_ago=days_ago)
        appointment.status = "completed"
        appointment.save(update_fields=["status"])
        review = actions.submit_review(
            actor=patient_anna,
            appointment=appointment,
            values=ReviewValues(overall=Decimal(score), recommends=True, text=long_text),
            now=timezone.now(),
        )
        actions.publish_review(actor=operator_olaf, review=review, now=timezone.now())
    story = story_actions.write_story(
        actor=patient_anna,
        values=StoryValues(title="Kleine stappen", text="Elke dag een beetje. " * 10),
        language="nl",
        now=timezone.now(),
    )
    for decision in ("publish", "feature"):
        story_actions.moderate_story(
            actor=operator_olaf, story=story, decision=decision, reason="", now=timezone.now()
        )
    for path in (
        "/reviews/",
        f"/reviews/?practice={practice.slug}&score=4",
        "/reviews/hoe-wij-controleren/",
        eva.get_absolute_url(),
        "/verhalen/",
        story.get_absolute_url(),
        "/",
        "/en/reviews/",
    ):
        page.goto(live_server.url + path)
        page.locator("h1").first.wait_for()
        assert_accessible(page)
    act_as(page, live_server, patient_anna)
    for path in ("/reviews/mijn/", "/verhalen/schrijven/", "/verhalen/mijn/"):
        page.goto(live_server.url + path)
        page.locator("h1").wait_for()
        assert_accessible(page)
    page.goto(live_server.url + "/verhalen/schrijven/")
    page.get_by_role("button", name="Verstuur mijn verhaal").click()
    page.get_by_text("Kijk de velden na").wait_for()
    assert_accessible(page)

    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(live_server.url + "/reviews/")
    first = plain.locator("details").first
    assert first.get_attribute("open") is None
    first.locator("summary").click()
    assert first.get_attribute("open") is not None
    context.close()
