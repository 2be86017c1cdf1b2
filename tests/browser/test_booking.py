"""The booking journey (issue 7): search "Utrecht", open a practice, book a video
consult as a guest, confirm by the e-mailed link, get the invite, cancel by the
link; meanwhile a second browser tries the same time and is told it is taken."""

import re
from datetime import time, timedelta

import pytest
from django.core import mail

from bookings.models import Appointment, Status, WorkingHours
from bookings.tests.helpers import calendar_parts
from practices.tests.factories import make_practice, make_therapist
from tests.browser.conftest import PHONE, PageProblems, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def utrecht_practice():
    practice = make_practice("Praktijk Rustpunt", place="Utrecht")
    therapist = make_therapist("Eva de Vries", practices=(practice,), weekdays=())
    # Every day, so the test finds free times whatever day it runs.
    WorkingHours.objects.bulk_create(
        WorkingHours(
            therapist=therapist, practice=practice, weekday=day, start=time(8), end=time(20)
        )
        for day in range(7)
    )
    make_practice("Fysio Groningen", place="Groningen", at=(53.21917, 6.56667), postcode="9711 AA")
    return practice


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def link_from_mail(kind: str, to: str) -> str:
    for message in reversed(mail.outbox):
        if message.to == [to]:
            match = re.search(rf"https?://\S+/afspraken/{kind}/\S+/", message.body)
            if match:
                return path_of(match.group(0))
    raise AssertionError(f"no {kind} link mailed to {to}")


def fill_guest(page, name: str, email: str) -> None:
    page.get_by_label("Je naam").fill(name)
    page.get_by_label("Je e-mailadres").fill(email)
    page.get_by_label("Je telefoonnummer").fill("06 12345678")


def test_guest_books_a_video_consult_confirms_and_cancels_while_another_is_told_it_is_taken(
    page, browser, live_server, utrecht_practice, settings
):
    # The robot types faster than any person; the form proof's own tests are in bookings/tests.
    settings.GUEST_FORM_MIN_SECONDS = 0
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Praktijk zoeken").last.click()
    page.get_by_label("Plaats of postcode").fill("Utrecht")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name=re.compile("1 praktijk binnen 25 km van Utrecht")).wait_for()
    assert "Fysio Groningen" not in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Praktijk Rustpunt", exact=True).click()
    page.get_by_role("heading", name="Praktijk Rustpunt", level=1).wait_for()
    assert_accessible(page)
    # The way first, then a type that fits it; the free times follow at once (booking.js).
    page.get_by_label("Via video", exact=True).check()
    page.get_by_label(re.compile("^Videoconsult")).check()
    page.get_by_text("Videoconsult, via video, duurt 30 minuten.").wait_for()
    assert_accessible(page)
    # A week ahead, so cancelling online is still free (until 24 hours before).
    page.get_by_role("link", name="Latere dagen").click()
    page.locator("a.slot").first.click()
    page.get_by_role("heading", name="Boek deze tijd").wait_for()
    booking_url = page.url
    assert_accessible(page)

    # A second visitor opens the same time in another browser.
    other_context = browser.new_context(viewport=PHONE, locale="nl-NL")
    other = other_context.new_page()
    other_problems = PageProblems(live_server.url)
    other.on("console", other_problems.on_console)
    other.on("request", other_problems.on_request)
    other.goto(booking_url)
    fill_guest(other, "Bas", "bas@example.nl")

    fill_guest(page, "Lotte", "lotte@example.nl")
    page.get_by_role("button", name="Houd deze tijd vast en stuur me de link").click()
    page.get_by_role("heading", name="Kijk in je e-mail").wait_for()
    assert_accessible(page)

    other.get_by_role("button", name="Houd deze tijd vast en stuur me de link").click()
    other.get_by_text("Deze tijd is net door iemand anders geboekt").wait_for()
    assert_accessible(other)
    other_context.close()
    # The "taken" page answers 409 on purpose; Chromium logs that status. Nothing else.
    expected = "Failed to load resource: the server responded with a status of 409"
    assert [e for e in other_problems.errors if not e.startswith(expected)] == []
    assert not other_problems.foreign_requests

    page.goto(live_server.url + link_from_mail("bevestigen", "lotte@example.nl"))
    page.get_by_role("heading", name="Bevestig je afspraak").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Bevestig mijn afspraak").click()
    page.get_by_role("heading", name="Je afspraak staat vast").wait_for()
    appointment = Appointment.objects.get()
    assert appointment.status == Status.CONFIRMED and appointment.kind == "video"
    assert page.get_by_text(appointment.video_url).is_visible()
    assert_accessible(page)

    invites = [
        part for m in mail.outbox if m.to == ["lotte@example.nl"] for part in calendar_parts(m)
    ]
    assert [method for method, _ics in invites] == ["REQUEST"]
    assert f"UID:{appointment.public_id}@pijnreset" in invites[0][1]

    page.goto(live_server.url + link_from_mail("link", "lotte@example.nl"))
    page.get_by_role("heading", name="Je afspraak").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Afspraak afzeggen").click()
    page.get_by_role("heading", name="Afspraak afzeggen").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, zeg deze afspraak af").click()
    page.get_by_role("heading", name="De afspraak is afgezegd").wait_for()
    assert_accessible(page)

    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED
    cancel = [
        part for m in mail.outbox if m.to == ["lotte@example.nl"] for part in calendar_parts(m)
    ][-1]
    assert cancel[0] == "CANCEL" and "STATUS:CANCELLED" in cancel[1]


def test_the_practice_side_is_accessible(page, live_server, utrecht_practice):
    """Agenda, an appointment, blocking time, editing the practice, my appointments."""
    from django.test import Client
    from django.utils import timezone

    from accounts.models import Role, User
    from bookings import actions, availability
    from bookings.models import Appointment

    manager = User.objects.create_user(email="mila@example.nl", role=Role.PRACTICE_MANAGER)
    utrecht_practice.managers.add(manager)
    now = timezone.now()
    video = utrecht_practice.appointment_types.get(slug="video_consult")
    [slot, *_rest] = availability.free_slots(
        practice=utrecht_practice, appointment_type=video, kind="video",
        window_start=now, window_end=now + timedelta(days=14), now=now,
    )  # fmt: skip
    actions.book_slot(
        practice=utrecht_practice, therapist=slot.therapist, appointment_type=video,
        kind="video", start=slot.start, now=now, patient=manager,
    )  # fmt: skip
    client = Client()
    client.force_login(manager)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    appointment = Appointment.objects.get()
    for path in (
        f"/afspraken/agenda/{utrecht_practice.public_id}/",
        f"/afspraken/agenda/{utrecht_practice.public_id}/blokkeren/",
        appointment.get_absolute_url(),
        f"/praktijken/{utrecht_practice.public_id}/bewerken/",
        f"/praktijken/{utrecht_practice.public_id}/openingstijden/",
        f"/afspraken/praktijk/{utrecht_practice.public_id}/werktijden/{slot.therapist.public_id}/",
        "/afspraken/",
    ):
        page.goto(live_server.url + path)
        page.locator("h1").wait_for()
        assert_accessible(page)
