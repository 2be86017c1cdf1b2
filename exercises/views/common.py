"""What every exercise page needs: the catalogue entry, the script, access checks."""

from typing import Any, TypeVar
from uuid import UUID

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from accounts.models import User
from assessments.safety import exercises_paused
from exercises.catalogue import CATALOGUE
from exercises.models import ExerciseScript

M = TypeVar("M", bound=models.Model)


def current_language() -> str:
    return (get_language() or "nl")[:2]


def script_for(key: str) -> ExerciseScript | None:
    """The script in the page's language, or None when the scripts are not loaded yet."""
    return ExerciseScript.objects.filter(key=key, language=current_language()).first()


def own_or_404(model: type[M], user: User, public_id: UUID) -> M:
    """One of the user's own rows by its public id; anyone else's answers 404."""
    return get_object_or_404(model._default_manager.filter(patient=user), public_id=public_id)


def page_context(user: User, key: str, **extra: Any) -> dict[str, Any]:
    exercise = CATALOGUE[key]
    script = script_for(key)
    return {
        "exercise": exercise,
        "script": script,
        "title": script.title if script else exercise.title,
        "paused": exercises_paused(user),
        **extra,
    }
