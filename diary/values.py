"""The values of one check-in and their rules (pure: standard library only).

Every entry point (form, "same as yesterday", API) builds a CheckInValues and
the action checks it again with `problems()`, so nothing half-valid is saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Final

from pijnreset.bounds import strip_control

SCORE_NAMES: Final = ("pain", "fatigue", "sleep_quality", "stress", "mood", "gut")
NOTE_MAX_LENGTH: Final = 2000


@dataclass(frozen=True)
class CheckInValues:
    pain: int
    fatigue: int | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    mood: int | None = None
    gut: int | None = None
    flare: bool = False
    note: str = ""
    pain_areas: tuple[str, ...] = field(default_factory=tuple)

    def problems(self, *, known_areas: Iterable[str]) -> dict[str, str]:
        """Field name -> problem code ("range", "required", "too_long", "unknown", "twice")."""
        found: dict[str, str] = {}
        for name in SCORE_NAMES:
            value = getattr(self, name)
            if value is None:
                if name == "pain":
                    found[name] = "required"
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
                found[name] = "range"
        if len(self.note) > NOTE_MAX_LENGTH:
            found["note"] = "too_long"
        known = set(known_areas)
        if any(area not in known for area in self.pain_areas):
            found["pain_areas"] = "unknown"
        elif len(set(self.pain_areas)) != len(self.pain_areas):
            found["pain_areas"] = "twice"
        return found

    def as_dict(self, *, area_order: Iterable[str]) -> dict[str, object]:
        """The stored form: pain areas in the body map's order."""
        order = {area: index for index, area in enumerate(area_order)}
        values = asdict(self)
        values["pain_areas"] = sorted(self.pain_areas, key=lambda area: order.get(area, 99))
        # NUL and other control characters never reach the database (PostgreSQL
        # refuses NUL); the note keeps its newlines and tabs.
        values["note"] = strip_control(self.note, multiline=True).strip()
        return values
