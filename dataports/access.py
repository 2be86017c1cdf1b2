"""Which report or upload a user may reach: only their own, as a patient. Anything else
answers 404, exactly as an id that does not exist, so nobody learns which ids are real."""

from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from accounts.access import require_patient
from accounts.models import User
from dataports.models import ImportUpload, Report


def report_of(user: User, report_id: UUID | str) -> Report:
    """One of the patient's own reports; Http404 for any other."""
    require_patient(user)
    return get_object_or_404(Report.objects.filter(patient=user), public_id=report_id)


def upload_of(user: User, upload_id: UUID | str) -> ImportUpload:
    """One of the patient's own uploads that was not imported yet; Http404 for any other."""
    require_patient(user)
    pending = ImportUpload.objects.filter(patient=user, imported_at__isnull=True)
    return get_object_or_404(pending, public_id=upload_id)
