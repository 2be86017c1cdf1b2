"""The one access helper of the insights app: a patient's own factor or experiment."""

from typing import TypeVar
from uuid import UUID

from django.db import models
from django.shortcuts import get_object_or_404

from accounts.access import require_patient
from accounts.models import User

M = TypeVar("M", bound=models.Model)


def own_or_404(model: type[M], user: User, public_id: UUID) -> M:
    """One of the patient's own rows by its public id; anyone else's answers 404."""
    require_patient(user)
    return get_object_or_404(model._default_manager.filter(patient=user), public_id=public_id)
