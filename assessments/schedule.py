"""What questionnaire is due for a patient today (CLINICAL.md section 4).

Interface used by the Today page. The assessments work replaces this body.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DueQuestionnaire:
    instrument_key: str
    title: str
    url: str


def due_questionnaire(
    *, user: object, programme_week: int | None, in_flare: bool, today: date
) -> DueQuestionnaire | None:
    """At most one questionnaire at a time, never during flare mode."""
    if in_flare:
        return None
    return None
