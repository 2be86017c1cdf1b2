import threading
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connections

from diary.actions import end_flare, set_checkin_reminder, start_flare
from diary.models import CheckIn, ReminderPreference

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EVENING = datetime(2026, 3, 10, 19, 5, tzinfo=AMSTERDAM)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def evening():
    with time_machine.travel(EVENING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def wants_reminder(patient_anna):
    set_checkin_reminder(user=patient_anna, enabled=True, at=time(19, 0), during_flare=False)
    return patient_anna


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """The command; the mail task is enqueued on commit, which the test transaction runs here."""

    def run_command():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_checkin_reminders")

    return run_command


def test_running_the_command_twice_sends_one_kind_short_mail(wants_reminder, run):
    run()
    run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.nl"]
    assert "check-in" in message.subject.lower()
    assert "http://testserver/dagboek/" in message.body or "/dagboek/" in message.body
    assert len(message.body) < 700
    assert (
        ReminderPreference.objects.get(user=wants_reminder).last_sent_on.isoformat() == "2026-03-10"
    )


def test_the_next_day_brings_the_next_reminder(wants_reminder, evening, run):
    run()
    evening.move_to(datetime(2026, 3, 11, 19, 1, tzinfo=AMSTERDAM))
    run()
    assert len(mail.outbox) == 2


def test_no_reminder_before_the_chosen_local_time_or_long_after_it(wants_reminder, evening, run):
    evening.move_to(datetime(2026, 3, 10, 18, 59, tzinfo=AMSTERDAM))
    run()
    evening.move_to(datetime(2026, 3, 10, 23, 30, tzinfo=AMSTERDAM))
    run()
    assert mail.outbox == []


def test_the_time_is_the_patients_own_time_zone(wants_reminder, evening, run):
    wants_reminder.time_zone = "America/New_York"
    wants_reminder.save()
    run()  # 19:05 in Amsterdam is 14:05 in New York
    assert mail.outbox == []
    evening.move_to(datetime(2026, 3, 10, 19, 10, tzinfo=ZoneInfo("America/New_York")))
    run()
    assert len(mail.outbox) == 1


def test_no_reminder_on_a_day_the_check_in_is_done(wants_reminder, run):
    CheckIn.objects.create(
        patient=wants_reminder, date=EVENING.date(), pain=3, created_at=EVENING, updated_at=EVENING
    )
    run()
    assert mail.outbox == []


def test_no_reminder_during_a_flare_unless_asked(wants_reminder, run):
    start_flare(user=wants_reminder, now=EVENING)
    run()
    assert mail.outbox == []
    set_checkin_reminder(user=wants_reminder, enabled=True, at=time(19, 0), during_flare=True)
    run()
    assert len(mail.outbox) == 1


def test_after_the_flare_ends_reminders_come_again(wants_reminder, run):
    start_flare(user=wants_reminder, now=EVENING)
    end_flare(user=wants_reminder, now=EVENING)
    run()
    assert len(mail.outbox) == 1


def test_switched_off_means_no_mail(patient_anna, run):
    set_checkin_reminder(user=patient_anna, enabled=False, at=time(19, 0), during_flare=False)
    run()
    assert mail.outbox == []


def test_the_mail_is_in_the_patients_language(wants_reminder, patient_bram, run):
    set_checkin_reminder(user=patient_bram, enabled=True, at=time(19, 0), during_flare=False)
    run()
    by_person = {m.to[0]: m for m in mail.outbox}
    assert "/en/dagboek/" in by_person["bram@example.nl"].body
    assert "/en/" not in by_person["anna@example.nl"].body


def test_the_settings_page_saves_the_choice(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post(
        "/dagboek/herinnering/", {"enabled": "on", "at": "08:30", "during_flare": ""}
    )
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=patient_anna)
    assert (preference.enabled, preference.at, preference.during_flare) == (
        True,
        time(8, 30),
        False,
    )


def test_a_bad_time_is_refused_next_to_the_field(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post("/dagboek/herinnering/", {"enabled": "on", "at": "25:99"})
    assert response.status_code == 422
    assert 'id="id_at_error"' in response.content.decode()
    assert not ReminderPreference.objects.exists()


@pytest.mark.parametrize("due", [1, 30])
def test_the_job_asks_the_same_for_one_and_thirty_due_patients(
    due, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    from conftest import make_user
    from diary.actions import send_due_reminders

    users = [make_user(f"p{number}@example.nl") for number in range(due + 1)]
    for user in users[:-1]:
        set_checkin_reminder(user=user, enabled=True, at=time(19, 0), during_flare=False)
    # The last one checked in today already: no reminder, and no query of its own.
    set_checkin_reminder(user=users[-1], enabled=True, at=time(18, 30), during_flare=False)
    CheckIn.objects.create(
        patient=users[-1], date=EVENING.date(), pain=3, created_at=EVENING, updated_at=EVENING
    )
    with django_capture_on_commit_callbacks() as enqueued:
        # candidates, their check-ins, then savepoint, lock, claim, release
        with django_assert_max_num_queries(6):
            sent = send_due_reminders(now=EVENING)
    assert sent == len(enqueued) == due
    assert ReminderPreference.objects.filter(last_sent_on=EVENING.date()).count() == due


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_each_reminder_once():
    from conftest import make_user
    from diary.actions import send_due_reminders

    for number in range(5):
        user = make_user(f"p{number}@example.nl")
        set_checkin_reminder(user=user, enabled=True, at=time(19, 0), during_flare=False)
    both_ready = threading.Barrier(2)
    counts = []

    def run() -> None:
        try:
            both_ready.wait()
            counts.append(send_due_reminders(now=EVENING))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(counts) == 5 and len(counts) == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"p{number}@example.nl" for number in range(5)
    ]
