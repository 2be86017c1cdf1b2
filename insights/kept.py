"""The trends page's body, rendered once per patient version (issue 18).

Computing the trends (ten queries and the statistics) and rendering their charts and
tables was nearly all of the page's time, on every visit. The body holds nothing of the
request (no form, no CSRF token, no user name), so it is kept as HTML in the shared cache
under the patient's version and the content version (pijnreset/versions.py: bumped by
every writing request of the patient and every save of their rows, exactly as for Today,
programme/day_state.py), the period with its first and last day, the time zone and the
language. Without a cache every process shares (`DAY_STATE_CACHE` off) another worker
could not see a bump, so the body is rendered every time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.utils.translation import get_language

from accounts.models import User
from pijnreset import versions

TTL = 15 * 60


def trends_body(
    patient: User, *, period: str, first: date, last: date, render: Callable[[], str]
) -> str:
    """The body `render` gives, kept until the patient's data or the content changes."""
    if not settings.DAY_STATE_CACHE:
        return render()
    key = ":".join(
        (
            "inzicht",
            str(patient.pk),
            period,
            first.isoformat(),
            last.isoformat(),
            str(patient.zone),
            get_language() or settings.LANGUAGE_CODE,
        )
    )
    names = [versions.patient(patient.pk), versions.CONTENT]
    return versions.kept(key, names, render, TTL)
