"""Which practice the Today page offers (interface used by the programme app).

The exercises work replaces this body.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PracticeSuggestion:
    key: str
    title: str
    url: str
    done: bool


def practice_for(
    *, user: object, local_date: date, week: int | None, in_flare: bool
) -> PracticeSuggestion | None:
    return None
