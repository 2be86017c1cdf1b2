import pytest

from conftest import make_user
from exercises import demo
from exercises.models import (
    EmotionEntry,
    ExerciseScript,
    ExerciseSession,
    GratitudeEntry,
    MovementLog,
    MovementQuota,
    SocialIntention,
)

MODELS = (
    ExerciseSession,
    MovementLog,
    MovementQuota,
    GratitudeEntry,
    SocialIntention,
    EmotionEntry,
)


@pytest.mark.django_db
def test_the_demo_steps_give_anna_some_history_and_are_idempotent():
    anna = make_user(demo.ANNA, name="Anna")
    for _ in range(2):
        for _name, step in demo.STEPS:
            step()
    counts = {model.__name__: model.objects.filter(patient=anna).count() for model in MODELS}
    assert counts == {
        "ExerciseSession": 4,
        "MovementLog": 5,
        "MovementQuota": 1,
        "GratitudeEntry": 3,
        "SocialIntention": 1,
        "EmotionEntry": 1,
    }
    assert ExerciseSession.objects.filter(status="finished").count() == 3
    assert ExerciseScript.objects.count() == 14  # the scripts in content/ are loaded
