"""The practice the Today page offers (exercises.today.practice_for)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from exercises.models import ExerciseSession, GratitudeEntry, MovementLog, SocialIntention
from exercises.today import OPENS_IN_WEEK, practice_for, practice_key

DAY = date(2026, 3, 16)


def test_in_a_flare_it_is_always_short_breathing():
    for n in range(14):
        assert (
            practice_key(local_date=DAY + timedelta(days=n), week=9, in_flare=True) == "breathing"
        )


def test_the_first_two_weeks_offer_breathing_only():
    for week in (1, 2):
        keys = {
            practice_key(local_date=DAY + timedelta(days=n), week=week, in_flare=False)
            for n in range(7)
        }
        assert keys == {"breathing"}


def test_week_three_alternates_breathing_and_muscle_relaxation():
    keys = [
        practice_key(local_date=DAY + timedelta(days=n), week=3, in_flare=False) for n in range(4)
    ]
    assert sorted(set(keys)) == ["breathing", "pmr"]
    assert keys[0] != keys[1] and keys[0] == keys[2]


def test_from_week_ten_and_without_a_programme_every_exercise_takes_its_turn():
    for week in (10, 12, None):
        keys = {
            practice_key(local_date=DAY + timedelta(days=n), week=week, in_flare=False)
            for n in range(7)
        }
        assert keys == {key for _week, key in OPENS_IN_WEEK}


def test_the_same_date_always_gives_the_same_practice():
    assert practice_key(local_date=DAY, week=8, in_flare=False) == practice_key(
        local_date=DAY, week=8, in_flare=False
    )


@pytest.mark.django_db
def test_flare_practice_links_to_three_minutes_of_breathing(patient_anna):
    suggestion = practice_for(user=patient_anna, local_date=DAY, week=5, in_flare=True)
    assert suggestion.key == "breathing"
    assert suggestion.url == "/oefeningen/breathing/?minutes=3"
    assert suggestion.title == "Rustig ademen" and suggestion.done is False


@pytest.mark.django_db
def test_breathing_is_done_only_with_a_finished_session_that_local_date(
    patient_anna, patient_bram, django_assert_max_num_queries
):
    now = timezone.now()
    common = {
        "exercise": "breathing",
        "started_at": now,
        "planned_seconds": 60,
        "breath_in": 4,
        "breath_hold": 4,
        "breath_out": 6,
    }
    ExerciseSession.objects.create(patient=patient_anna, local_date=DAY, **common)  # still running
    ExerciseSession.objects.create(
        patient=patient_anna,
        local_date=DAY - timedelta(days=1),
        status="finished",
        ended_at=now,
        duration_seconds=60,
        **common,
    )
    ExerciseSession.objects.create(
        patient=patient_bram,
        local_date=DAY,
        status="finished",
        ended_at=now,
        duration_seconds=60,
        **common,
    )
    with django_assert_max_num_queries(1):
        assert practice_for(user=patient_anna, local_date=DAY, week=1, in_flare=False).done is False
    ExerciseSession.objects.create(
        patient=patient_anna,
        local_date=DAY,
        status="stopped",
        ended_at=now,
        duration_seconds=20,
        **common,
    )
    assert practice_for(user=patient_anna, local_date=DAY, week=1, in_flare=False).done is False
    ExerciseSession.objects.create(
        patient=patient_anna,
        local_date=DAY,
        status="finished",
        ended_at=now,
        duration_seconds=60,
        **common,
    )
    assert practice_for(user=patient_anna, local_date=DAY, week=1, in_flare=False).done is True


@pytest.mark.django_db
def test_movement_gratitude_and_social_count_as_done_by_their_entries(patient_anna):
    now = timezone.now()
    by_key = {}
    for n in range(7):
        day = DAY + timedelta(days=n)
        by_key.setdefault(practice_key(local_date=day, week=None, in_flare=False), day)
    MovementLog.objects.create(
        patient=patient_anna,
        local_date=by_key["movement"],
        activity="walk",
        minutes=10,
        felt="easy",
        symptoms_after="same",
        created_at=now,
    )
    GratitudeEntry.objects.create(
        patient=patient_anna, local_date=by_key["gratitude"], first="thee", updated_at=now
    )
    SocialIntention.objects.create(
        patient=patient_anna,
        week_start=by_key["social"] - timedelta(days=by_key["social"].weekday()),
        intention="Bel Sanne",
        set_on=by_key["social"],
    )
    for key in ("movement", "gratitude", "social"):
        suggestion = practice_for(
            user=patient_anna, local_date=by_key[key], week=None, in_flare=False
        )
        assert (suggestion.key, suggestion.done) == (key, True)
    assert (
        practice_for(
            user=patient_anna, local_date=by_key["emotion"], week=None, in_flare=False
        ).done
        is False
    )
