"""One compact weekly grid for opening hours and working hours: a row per weekday with
"from", "until" and "closed", and an optional second block per day (a lunch break).

Used by the practice's opening hours (practices/manage_views.py) and a therapist's
working hours (bookings/staff_views.py). A wrong row keeps what was typed and says
what to change next to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from practices.models import OpeningHours

BLOCKS_PER_DAY = 2


def _time_field(label: Any) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )


@dataclass
class GridRow:
    """One weekday of the grid, as the template shows it."""

    weekday: int
    label: str
    closed: forms.BoundField
    opens: forms.BoundField
    closes: forms.BoundField
    opens2: forms.BoundField
    closes2: forms.BoundField

    @property
    def short(self) -> str:
        """ "ma", "di": the row's heading on a narrow phone (the fields keep the full name)."""
        return self.label[:2].lower()

    @property
    def errors(self) -> list[str]:
        return [str(e) for field in (self.opens, self.closes2) for e in field.errors]

    @property
    def has_second(self) -> bool:
        return bool(self.opens2.value() or self.closes2.value() or self.closes2.errors)


class WeeklyHoursForm(forms.Form):
    """`blocks`: the current (weekday, start, end) rows. After `is_valid()`, `cleaned_blocks`
    holds the new ones, in the same shape."""

    def __init__(self, *args: Any, blocks: Iterable[tuple[int, time, time]] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        by_day: dict[int, list[tuple[time, time]]] = defaultdict(list)
        for weekday, start, end in sorted(blocks):
            by_day[weekday].append((start, end))
        for day, name in OpeningHours.Weekday.choices:
            named = {"day": capfirst(str(name))}
            self.fields[f"closed_{day}"] = forms.BooleanField(
                label=_("%(day)s: closed") % named, required=False
            )
            self.fields[f"opens_{day}"] = _time_field(_("%(day)s: from") % named)
            self.fields[f"closes_{day}"] = _time_field(_("%(day)s: until") % named)
            self.fields[f"opens2_{day}"] = _time_field(_("%(day)s: from (second block)") % named)
            self.fields[f"closes2_{day}"] = _time_field(_("%(day)s: until (second block)") % named)
            shown = by_day.get(day, [])[:BLOCKS_PER_DAY]
            self.initial[f"closed_{day}"] = not shown
            for number, (start, end) in enumerate(shown):
                suffix = "2" if number else ""
                self.initial[f"opens{suffix}_{day}"] = start
                self.initial[f"closes{suffix}_{day}"] = end
        self.cleaned_blocks: list[tuple[int, time, time]] = []

    def rows(self) -> list[GridRow]:
        return [
            GridRow(
                day,
                str(capfirst(name)),
                self[f"closed_{day}"],
                self[f"opens_{day}"],
                self[f"closes_{day}"],
                self[f"opens2_{day}"],
                self[f"closes2_{day}"],
            )
            for day, name in OpeningHours.Weekday.choices
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        blocks: list[tuple[int, time, time]] = []
        for day in range(7):
            if data.get(f"closed_{day}"):
                continue
            opens, closes = data.get(f"opens_{day}"), data.get(f"closes_{day}")
            opens2, closes2 = data.get(f"opens2_{day}"), data.get(f"closes2_{day}")
            if self.has_error(f"opens_{day}") or self.has_error(f"closes_{day}"):
                continue
            if opens is None or closes is None:
                self.add_error(f"opens_{day}", _("Fill in from and until, or tick closed."))
                continue
            if closes <= opens:
                self.add_error(f"opens_{day}", _("The end must be after the start."))
                continue
            blocks.append((day, opens, closes))
            if opens2 is None and closes2 is None:
                continue
            if opens2 is None or closes2 is None:
                self.add_error(
                    f"closes2_{day}", _("Fill in both times of the second block, or neither.")
                )
            elif closes2 <= opens2:
                self.add_error(f"closes2_{day}", _("The end must be after the start."))
            elif opens2 < closes:
                self.add_error(f"closes2_{day}", _("The second block starts after the first ends."))
            else:
                blocks.append((day, opens2, closes2))
        self.cleaned_blocks = blocks
        return data
