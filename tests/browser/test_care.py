"""The care journey (issue 15, acceptance): a patient with a booked appointment shares
with its therapist from the booking in one tap and checks in; the therapist logs in with
a TOTP code, sees the patient on the overview, opens the details and the pre-visit
summary; the patient sees those views in "who looked at my data", stops sharing, and
the therapist gets 404.

(The booking itself is made by the fixture: the booking pages have their own journey,
tests/browser/test_booking.py.)"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from care.models import Share
from care.tests.helpers import appointment, give_second_factor, totp_code
from diary.models import CheckIn
from practices.tests.factories import make_practice, make_therapist
from tests.browser.conftest import assert_accessible
from tests.browser.test_daily import choose

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, url, email, password):
    page.goto(url + "/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()


def test_share_check_in_therapist_looks_patient_sees_it_and_stops(
    browser, page, live_server, password, patient_anna, therapist_eva
):
    url = live_server.url
    practice = make_practice("Praktijk Rustpunt")
    eva = make_therapist("Eva de Vries", practices=(practice,), user=therapist_eva)
    give_second_factor(therapist_eva)
    appointment(patient_anna, eva, practice, timezone.now() + timedelta(days=3))

    # The patient shares from the booked appointment, in one tap, and checks in.
    log_in(page, url, patient_anna.email, password)
    page.wait_for_url("**/vandaag/")
    page.goto(url + "/delen/")
    assert_accessible(page)
    page.get_by_role("button", name="Delen met Eva de Vries").click()
    page.get_by_text("Je deelt nu met").wait_for()
    share = Share.objects.get(patient=patient_anna)
    assert not share.notes
    page.goto(url + "/vandaag/")
    page.locator("main").get_by_role("link", name="Check-in", exact=True).click()
    choose(page, "Pijn", 6)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_text("Dank je wel.").wait_for()
    assert CheckIn.objects.filter(patient=patient_anna).exists()

    # The therapist logs in with the password and a code from the authenticator app.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    therapist = context.new_page()
    therapist.set_default_timeout(15_000)
    log_in(therapist, url, therapist_eva.email, password)
    therapist.wait_for_url(re.compile(r".*/2fa/authenticate/.*"))
    therapist.locator("input[name=code]").fill(totp_code())
    therapist.locator("form button[type=submit]").first.click()
    therapist.wait_for_load_state()
    therapist.goto(url + "/zorg/")
    therapist.get_by_role("link", name="Anna").click()
    therapist.get_by_role("heading", name="Anna", level=1).wait_for()
    assert therapist.locator("svg.sparkline polyline").count() >= 1
    assert_accessible(therapist)
    therapist.get_by_role("link", name="Samenvatting voor de afspraak").click()
    therapist.get_by_role("heading", level=1).filter(has_text="Samenvatting").wait_for()
    assert_accessible(therapist)

    # The patient sees who looked, then stops sharing.
    page.goto(url + "/delen/ingezien/")
    table = page.locator("table")
    assert table.get_by_text("opende de gegevens van de patiënt").count() >= 1
    assert table.get_by_text("opende de samenvatting voor de afspraak").count() == 1
    assert table.get_by_text("Eva").count() >= 1
    assert_accessible(page)
    page.goto(url + "/delen/")
    page.get_by_role("button", name="Stop met delen met Eva de Vries").click()
    page.get_by_text("Je bent gestopt met delen").wait_for()

    # From now on the therapist gets 404.
    answer = therapist.goto(url + f"/zorg/patient/{share.public_id}/")
    assert answer is not None and answer.status == 404
    context.close()
