"""The weekly summary: on Today each Monday, and by e-mail when the patient opts in."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts import actions as account_actions
from accounts.models import Consent
from insights import actions
from insights.models import SummaryPreference
from insights.tests.helpers import fill_days

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY = datetime(2026, 3, 9, 8, 0, tzinfo=AMSTERDAM)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_command():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_weekly_summaries")

    return run_command


@pytest.fixture
def with_data(patient_anna):
    fill_days(patient_anna, today=MONDAY.date() - timedelta(days=1), days=14)
    return patient_anna


def test_today_shows_last_weeks_summary_on_monday(client, with_data, enrolled_anna, lessons):
    client.force_login(with_data)
    text = client.get(reverse("programme:today")).content.decode()
    assert "Je afgelopen week" in text
    assert "2 maart – 8 maart" in text
    assert "Oefeningen gedaan:" in text


def test_today_shows_no_summary_on_other_days(client, with_data, enrolled_anna, lessons, monday):
    monday.shift(timedelta(days=1))
    client.force_login(with_data)
    assert "Je afgelopen week" not in client.get(reverse("programme:today")).content.decode()


def test_the_summary_mail_goes_once_to_patients_who_opted_in(with_data, patient_bram, run):
    actions.set_summary_email(patient=with_data, email=True)
    actions.set_summary_email(patient=patient_bram, email=False)
    run()
    run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [with_data.email]
    assert message.subject == "Je week in het kort"
    assert "Pijn:" in message.body and "de week ervoor:" in message.body
    assert "Je rustigste dag qua pijn was" in message.body
    preference = SummaryPreference.objects.get(patient=with_data)
    assert preference.last_sent_week == MONDAY.date() - timedelta(days=7)


def test_no_summary_mail_on_other_days(with_data, run, monday):
    actions.set_summary_email(patient=with_data, email=True)
    monday.shift(timedelta(days=2))
    run()
    assert mail.outbox == []


def test_the_next_monday_brings_the_next_summary(with_data, run, monday):
    actions.set_summary_email(patient=with_data, email=True)
    run()
    monday.shift(timedelta(days=7))
    run()
    assert len(mail.outbox) == 2


def test_no_summary_mail_after_the_health_data_consent_is_withdrawn(with_data, run):
    actions.set_summary_email(patient=with_data, email=True)
    account_actions.withdraw_consent(
        user=with_data, purpose=Consent.Purpose.HEALTH_DATA, now=MONDAY
    )
    run()
    assert mail.outbox == []


def test_the_setting_is_saved_from_the_insights_page(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post(reverse("insights:summary_setting"), {"email": "on"})
    assert response.status_code == 302
    assert SummaryPreference.objects.get(patient=patient_anna).email
    client.post(reverse("insights:summary_setting"), {})
    assert not SummaryPreference.objects.get(patient=patient_anna).email
