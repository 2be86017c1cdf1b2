"""Which practice the Today page offers (interface used by the programme app).

The rotation, simple on purpose:

- In flare mode: a short breathing session (3 minutes), every day.
- Otherwise the exercises open up as the programme reaches the week that
  teaches them (the lesson arc of issue 5): breathing from week 1, muscle
  relaxation from week 3, movement from week 4, gratitude from week 6,
  emotion awareness from week 7, the body scan from week 8 and social
  contact from week 10. Not enrolled (week None): all of them.
- The day's practice is `opened[local_date.toordinal() % len(opened)]`,
  so the practices take turns day by day, and the same date always gives
  the same practice (a reload never changes it).
- While `assessments.safety.exercises_paused(user)` is true the caller (the
  Today page) offers no practice; the exercise pages themselves show a
  "please see your GP first" notice instead of starting.

`done` is true when the patient did it that local date: a finished timed
session, a movement log, a gratitude or emotion entry, or a social
intention set or looked back on. One query, none for the choice itself.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from django.urls import reverse

from exercises.catalogue import CATALOGUE, FLARE_BREATHING_MINUTES, TIMED, ExerciseKey
from exercises.models import (
    EmotionEntry,
    ExerciseSession,
    GratitudeEntry,
    MovementLog,
    SocialIntention,
)


@dataclass(frozen=True)
class PracticeSuggestion:
    key: str
    title: str
    url: str
    done: bool


OPENS_IN_WEEK: tuple[tuple[int, str], ...] = (
    (1, ExerciseKey.BREATHING),
    (3, ExerciseKey.PMR),
    (4, ExerciseKey.MOVEMENT),
    (6, ExerciseKey.GRATITUDE),
    (7, ExerciseKey.EMOTION),
    (8, ExerciseKey.BODY_SCAN),
    (10, ExerciseKey.SOCIAL),
)


def practice_key(*, local_date: date, week: int | None, in_flare: bool) -> str:
    """The practice of the day by the rotation above (pure)."""
    if in_flare:
        return ExerciseKey.BREATHING
    opened = [key for opens, key in OPENS_IN_WEEK if week is None or opens <= max(week, 1)]
    return opened[local_date.toordinal() % len(opened)]


def practice_for(
    *, user: Any, local_date: date, week: int | None, in_flare: bool
) -> PracticeSuggestion | None:
    key = practice_key(local_date=local_date, week=week, in_flare=in_flare)
    url = reverse(f"exercises:{key}")
    if in_flare:
        url += f"?minutes={FLARE_BREATHING_MINUTES}"
    return PracticeSuggestion(
        key=key, title=CATALOGUE[key].title, url=url, done=_done(user, key, local_date)
    )


def _done(user: Any, key: str, day: date) -> bool:
    if key in TIMED:
        return (
            ExerciseSession.objects.of(user)
            .finished()
            .filter(exercise=key, local_date=day)
            .exists()
        )
    if key == ExerciseKey.MOVEMENT:
        return MovementLog.objects.of(user).filter(local_date=day).exists()
    if key == ExerciseKey.GRATITUDE:
        return GratitudeEntry.objects.of(user).filter(local_date=day).exists()
    if key == ExerciseKey.EMOTION:
        return EmotionEntry.objects.of(user).filter(local_date=day).exists()
    return SocialIntention.objects.of(user).filter(Q(set_on=day) | Q(checked_on=day)).exists()
