"""Writes about practices and therapists that span rows."""

from __future__ import annotations

from django.db import transaction
from django.forms import BaseInlineFormSet

from practices.forms import TherapistForm
from practices.models import Practice, Therapist


def save_opening_hours(*, formset: BaseInlineFormSet) -> None:  # type: ignore[type-arg]
    """Replace a practice's opening hours as edited. One atomic block: all or nothing."""
    with transaction.atomic():
        formset.save()


def save_therapist(*, form: TherapistForm, practice: Practice) -> Therapist:
    """Save a therapist and make sure they work at `practice`. One atomic block."""
    with transaction.atomic():
        therapist = form.save()
        therapist.practices.add(practice)
    return therapist
