"""Which practice (or therapist) a user may reach: one helper per object, used by the
HTML views, the API and the admin alike. Anything else answers 404, exactly as an id
that does not exist, so nobody learns which ids are real."""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from accounts.models import User
from practices.models import Practice, Therapist


def practice_managed_by(user: User, practice_id: UUID | str) -> Practice:
    """A practice `user` manages (the operator manages all); Http404 for any other."""
    return get_object_or_404(Practice.objects.managed_by(user), public_id=practice_id)


def practice_staffed_by(user: User, practice_id: UUID | str) -> Practice:
    """A practice where `user` works or that they manage; Http404 for any other."""
    return get_object_or_404(Practice.objects.staffed_by(user), public_id=practice_id)


def therapist_at(practice: Practice, therapist_id: UUID | str) -> Therapist:
    """A therapist who works at `practice` (already reached through one of the above)."""
    return get_object_or_404(Therapist.objects.filter(practices=practice), public_id=therapist_id)
