"""Newest wins: one day's check-in edited on two devices offline (issue 19, docs/offline.md)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from diary.actions import record_check_in
from diary.models import CheckIn, CheckInRevision
from diary.values import CheckInValues

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=AMSTERDAM)
DAY = date(2026, 3, 10)
PHONE = CheckInValues(pain=6, mood=4, note="op de bank")
TABLET = CheckInValues(pain=3, mood=7, note="beter na de wandeling", pain_areas=("neck",))
PHONE_AT = datetime(2026, 3, 10, 8, 15, 2, 123000, tzinfo=AMSTERDAM)
TABLET_AT = PHONE_AT + timedelta(minutes=40)

pytestmark = pytest.mark.django_db


def save(patient, values, edited_at, *, now=NOW, source=CheckInRevision.Source.API):
    return record_check_in(
        patient=patient, day=DAY, values=values, now=now, source=source, edited_at=edited_at
    )


def state(patient):
    check_in = CheckIn.objects.get(patient=patient, date=DAY)
    revisions = list(CheckInRevision.objects.filter(check_in=check_in).order_by("id"))
    return check_in, revisions


@pytest.mark.parametrize(
    "order", [("phone", "tablet"), ("tablet", "phone")], ids=["older-first", "newer-first"]
)
def test_two_devices_end_with_one_row_the_newest_values_and_one_offline_revision(
    patient_anna, order
):
    sends = {"phone": (PHONE, PHONE_AT), "tablet": (TABLET, TABLET_AT)}
    for device in order:
        save(patient_anna, *sends[device])
    check_in, revisions = state(patient_anna)
    assert CheckIn.objects.filter(patient=patient_anna).count() == 1
    assert (check_in.pain, check_in.mood, check_in.pain_areas) == (3, 7, ["neck"])
    assert check_in.edited_at == TABLET_AT
    [revision] = revisions
    assert revision.source == CheckInRevision.Source.OFFLINE == "offline"
    assert (revision.previous["pain"], revision.previous["note"]) == (6, "op de bank")
    assert revision.edited_at == PHONE_AT


def test_the_older_write_arriving_last_is_answered_with_the_stored_newer_check_in(patient_anna):
    save(patient_anna, TABLET, TABLET_AT)
    recorded = save(patient_anna, PHONE, PHONE_AT)
    assert recorded.kept_newer and not recorded.changed
    assert recorded.check_in.pain == 3


@pytest.mark.parametrize(
    "sends",
    [
        ["phone", "phone", "tablet", "tablet", "phone"],
        ["tablet", "phone", "phone", "tablet", "phone"],
    ],
)
def test_every_send_repeated_in_any_order_still_gives_one_revision(patient_anna, sends):
    values = {"phone": (PHONE, PHONE_AT), "tablet": (TABLET, TABLET_AT)}
    for device in sends:
        save(patient_anna, *values[device])
    check_in, revisions = state(patient_anna)
    assert check_in.pain == 3 and len(revisions) == 1


def test_the_same_queued_write_sent_twice_changes_nothing(patient_anna):
    save(patient_anna, PHONE, PHONE_AT)
    before, _ = state(patient_anna)
    again = save(patient_anna, PHONE, PHONE_AT, now=NOW + timedelta(minutes=5))
    after, revisions = state(patient_anna)
    assert not again.changed and not revisions
    assert (after.updated_at, after.edited_at) == (before.updated_at, before.edited_at)


def test_an_older_write_with_the_stored_values_adds_no_history(patient_anna):
    save(patient_anna, PHONE, TABLET_AT)
    save(patient_anna, PHONE, PHONE_AT)
    check_in, revisions = state(patient_anna)
    assert not revisions and check_in.edited_at == TABLET_AT


def test_the_same_values_made_later_move_the_time_so_an_edit_in_between_loses(patient_anna):
    save(patient_anna, PHONE, PHONE_AT)
    save(patient_anna, PHONE, PHONE_AT + timedelta(hours=1))  # a third device, same values
    save(patient_anna, TABLET, TABLET_AT)  # edited 40 minutes after the phone: still older
    check_in, [revision] = state(patient_anna)
    assert check_in.pain == 6 and revision.previous["pain"] == 3


def test_an_online_check_in_before_both_devices_is_in_the_history_too(patient_anna):
    save(patient_anna, CheckInValues(pain=8), None, now=PHONE_AT - timedelta(hours=1))
    save(patient_anna, TABLET, TABLET_AT)
    save(patient_anna, PHONE, PHONE_AT)
    check_in, revisions = state(patient_anna)
    assert check_in.pain == 3
    assert [(r.source, r.previous["pain"]) for r in revisions] == [("offline", 8), ("offline", 6)]


def test_without_edited_at_the_write_replaces_as_before(patient_anna):
    save(patient_anna, TABLET, TABLET_AT)
    recorded = save(patient_anna, PHONE, None, source=CheckInRevision.Source.FORM)
    check_in, [revision] = state(patient_anna)
    assert recorded.changed and check_in.pain == 6 and check_in.edited_at == NOW
    assert (revision.source, revision.previous["pain"], revision.edited_at) == (
        "form",
        3,
        TABLET_AT,
    )


def test_a_device_clock_running_ahead_counts_as_now_and_a_resend_changes_nothing(patient_anna):
    ahead = NOW + timedelta(hours=3)
    save(patient_anna, PHONE, ahead)
    check_in, _ = state(patient_anna)
    assert check_in.edited_at == NOW
    save(patient_anna, PHONE, ahead, now=NOW + timedelta(minutes=1))
    check_in, revisions = state(patient_anna)
    assert check_in.edited_at == NOW and not revisions
    # An edit made after it on a device with a right clock wins.
    save(patient_anna, TABLET, NOW + timedelta(seconds=30), now=NOW + timedelta(minutes=2))
    check_in, [revision] = state(patient_anna)
    assert check_in.pain == 3 and revision.previous["pain"] == 6


def test_a_tie_keeps_the_stored_values(patient_anna):
    save(patient_anna, PHONE, PHONE_AT)
    recorded = save(patient_anna, TABLET, PHONE_AT)
    check_in, [revision] = state(patient_anna)
    assert recorded.kept_newer and check_in.pain == 6 and revision.previous["pain"] == 3


def test_an_older_note_about_wanting_to_die_still_offers_help(patient_anna):
    save(patient_anna, TABLET, TABLET_AT)
    recorded = save(patient_anna, CheckInValues(pain=9, note="ik wil dood"), PHONE_AT)
    assert recorded.kept_newer and recorded.offer_help
    assert recorded.check_in.note == "beter na de wandeling"


def test_a_row_from_before_the_edit_time_existed_compares_by_its_update_time(patient_anna):
    save(patient_anna, PHONE, None, now=TABLET_AT)
    CheckIn.objects.filter(patient=patient_anna).update(edited_at=None)
    assert save(patient_anna, TABLET, PHONE_AT).kept_newer
    assert save(patient_anna, TABLET, TABLET_AT + timedelta(seconds=1)).changed
