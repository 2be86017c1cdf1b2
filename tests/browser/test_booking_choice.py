"""Booking that cannot go wrong (issue 13, point 8), on a 390x844 phone in Dutch: the
practice page shows free times at once, the way is chosen first and only fitting types
can be picked, and Anna cannot book over her own appointment at another practice."""

import re
from datetime import datetime, time, timedelta
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from bookings import actions
from bookings.models import Appointment, Status, WorkingHours
from practices.tests.factories import make_practice, make_therapist
from tests.browser.conftest import assert_accessible
from tests.browser.test_daily import log_in_with_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def works_every_day(name: str, practice):
    therapist = make_therapist(name, practices=(practice,), weekdays=())
    WorkingHours.objects.bulk_create(
        WorkingHours(
            therapist=therapist, practice=practice, weekday=day, start=time(8), end=time(20)
        )
        for day in range(7)
    )
    return therapist


@pytest.fixture
def two_practices():
    rustpunt = make_practice("Praktijk Rustpunt", place="Utrecht")
    kern = make_practice("Fysio de Kern", place="Utrecht", at=(52.1, 5.13), postcode="3584 CX")
    return (
        rustpunt,
        works_every_day("Eva de Vries", rustpunt),
        kern,
        works_every_day("Joost Bakker", kern),
    )


def in_two_days_at_ten() -> datetime:
    day = timezone.now().astimezone(AMSTERDAM).date() + timedelta(days=2)
    return datetime.combine(day, time(10), tzinfo=AMSTERDAM)


def test_the_practice_page_shows_times_at_once_and_the_way_filters_the_types(
    page, live_server, two_practices
):
    rustpunt, *_ = two_practices
    page.goto(live_server.url + rustpunt.get_absolute_url())
    # No button pressed: the first week of free times is already there.
    page.get_by_role("heading", name=re.compile("Vrije tijden van")).wait_for()
    assert page.locator("a.slot").count() > 0
    assert not page.get_by_role("button", name="Kies deze manier").is_visible()  # JS does it
    assert_accessible(page)

    page.get_by_label("Telefonisch", exact=True).check()
    types = page.get_by_role("group", name="Wat voor afspraak?")
    visible = [label.inner_text() for label in types.locator("label").all() if label.is_visible()]
    assert visible == ["Telefonisch consult (30 minuten)"]
    page.get_by_text("Telefonisch consult, telefonisch, duurt 30 minuten.").wait_for()
    links = [page.locator("a.slot").nth(n).get_attribute("href") for n in range(3)]
    assert all("type=phone_consult" in link and "kind=phone" in link for link in links)
    assert_accessible(page)

    # In person: a video consult cannot be chosen, so video + in person is never sent.
    page.get_by_label("In de praktijk", exact=True).check()
    video = page.get_by_label(re.compile("^Videoconsult"))
    assert not video.is_visible() and video.is_disabled()
    page.get_by_text("Intake, in de praktijk, duurt 60 minuten.").wait_for()
    sent = []
    page.on("request", lambda request: sent.append(request.url))
    page.get_by_role("button", name="Toon vrije tijden").click()
    page.wait_for_load_state()
    asked = parse_qs(urlparse(page.url).query)
    assert asked["kind"] == ["in_person"] and asked["type"] == ["intake"]
    assert not any("video_consult" in url and "in_person" in url for url in sent)


def test_anna_cannot_book_over_her_own_appointment_at_another_practice(
    page, live_server, two_practices, patient_anna
):
    rustpunt, eva, kern, joost = two_practices
    start = in_two_days_at_ten()
    follow_up = kern.appointment_types.get(slug="follow_up")
    actions.book_slot(
        practice=kern, therapist=joost, appointment_type=follow_up, kind="in_person",
        start=start, now=timezone.now(), patient=patient_anna,
    )  # fmt: skip
    log_in_with_cookie(page, live_server, patient_anna)
    page.goto(live_server.url + rustpunt.get_absolute_url())
    # Eva's intake at the same 10:00 (60 minutes) overlaps Anna's follow-up at Fysio de Kern.
    wanted = start.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")
    page.locator(f'a.slot[href*="start={wanted}"]').first.click()
    page.get_by_role("heading", name="Boek deze tijd").wait_for()
    page.get_by_role("button", name="Boek deze tijd").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Je hebt op dat moment al een afspraak" in alert.inner_text()
    assert_accessible(page)
    mine = Appointment.objects.filter(patient=patient_anna)
    assert mine.count() == 1 and mine.get().practice == kern
    assert mine.get().status == Status.CONFIRMED


def test_staff_screens_on_a_phone_agenda_first_and_hours_in_one_grid(
    page, live_server, two_practices, patient_anna, manager_mila
):
    rustpunt, eva, *_ = two_practices
    rustpunt.managers.add(manager_mila)
    follow_up = rustpunt.appointment_types.get(slug="follow_up")
    actions.book_slot(
        practice=rustpunt, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=in_two_days_at_ten(), now=timezone.now(), patient=patient_anna,
    )  # fmt: skip
    log_in_with_cookie(page, live_server, manager_mila)
    page.goto(live_server.url + f"/afspraken/agenda/{rustpunt.public_id}/")
    today = page.get_by_role("heading", name=re.compile("^Vandaag, "))
    assert today.bounding_box()["y"] < 844  # the first screen shows the days, not filters
    assert page.get_by_text("Anna").first.is_visible()
    assert not page.get_by_label("Dag of week").is_visible()  # folded away
    assert_accessible(page)
    page.get_by_text("Andere dag, weergave of therapeut").click()
    assert page.get_by_label("Dag of week").is_visible()
    assert_accessible(page)

    page.goto(live_server.url + f"/praktijken/{rustpunt.public_id}/openingstijden/")
    assert page.locator("table.week-grid").first.locator("tbody tr").count() == 7
    page.get_by_label("Maandag: tot", exact=True).fill("07:00")  # before it opens
    page.get_by_role("button", name="Openingstijden opslaan").click()
    page.get_by_text("Maandag: Het einde moet na het begin liggen.").wait_for()
    assert page.get_by_label("Maandag: tot", exact=True).input_value() == "07:00"
    assert_accessible(page)
