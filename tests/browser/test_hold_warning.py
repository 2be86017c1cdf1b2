"""A guest's hold (WCAG 2.2.1): two minutes before it ends, an alert offers to hold
the time longer; the button in it extends the hold, once."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from bookings.models import Appointment, Status, WorkingHours
from bookings.tests.helpers import book_url
from practices.tests.factories import make_practice, make_therapist
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def practice_and_therapist():
    practice = make_practice("Praktijk Rustpunt", place="Utrecht")
    therapist = make_therapist("Eva de Vries", practices=(practice,), weekdays=())
    WorkingHours.objects.bulk_create(
        WorkingHours(
            therapist=therapist, practice=practice, weekday=day, start=time(8), end=time(20)
        )
        for day in range(7)
    )
    return practice, therapist


def test_the_warning_appears_before_the_hold_ends_and_its_button_extends_once(
    page, live_server, practice_and_therapist, settings
):
    settings.GUEST_FORM_MIN_SECONDS = 0  # the robot fills the form faster than a person
    practice, therapist = practice_and_therapist
    tomorrow = timezone.now().astimezone(practice.zone).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time(10), tzinfo=practice.zone).astimezone(UTC)
    page.goto(live_server.url + book_url(practice, therapist, start, "follow_up", "in_person"))
    page.get_by_label("Je naam").fill("Lotte")
    page.get_by_label("Je e-mailadres").fill("lotte@example.nl")
    page.get_by_label("Je telefoonnummer").fill("06 12345678")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("heading", name="Kijk in je e-mail").wait_for()
    assert page.get_by_role("button", name="30 minuten langer vasthouden").count() == 1

    # Let the hold end in 2 minutes and 3 seconds: the warning comes after 3 seconds.
    Appointment.objects.update(hold_expires_at=timezone.now() + timedelta(seconds=123))
    page.reload()
    alert = page.get_by_role("alert").filter(has_text="nog ongeveer 2 minuten")
    assert alert.count() == 0
    alert.wait_for(timeout=10_000)
    assert_accessible(page)
    alert.get_by_role("button", name="30 minuten langer vasthouden").click()
    page.get_by_text("We houden de tijd 30 minuten langer voor je vast.").wait_for()
    hold = Appointment.objects.get()
    assert hold.status == Status.HELD and hold.hold_extended_at is not None
    assert hold.hold_expires_at > timezone.now() + timedelta(minutes=29)
    assert page.get_by_role("button", name="30 minuten langer vasthouden").count() == 0
