"""Safety rules that other apps ask about (docs/clinical.md section 6).

Used by the Today page and the exercise pages.
"""

from typing import Any

from django.urls import reverse


def exercises_paused(user: Any) -> bool:
    """True while a red flag waits: until the patient says they have seen a doctor, or that
    a doctor already knows (``actions.resume_exercises``). One query."""
    if not getattr(user, "is_authenticated", False):
        return False
    # Imported here so other apps can import this module while Django is still loading.
    from assessments.models import RedFlagCheck

    return RedFlagCheck.objects.awaiting_doctor().filter(patient=user).exists()


def red_flags_url() -> str:
    """Where the patient answers the red-flag questions ("something new?") or ends a pause."""
    return reverse("assessments:red_flags")
