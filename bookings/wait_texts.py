"""The waits of bookings/first_free.py as shown on a page, worked out in Python once.

"In de praktijk: maandag 2 maart, 10:00 (vandaag)": the time on the practice's
clock and how far off it is, in the active language. Formatting these in the
template (a time zone block, two filters and a plural per wait, per result) was
most of the finder's rendering time (issue 18); the text is the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils.formats import date_format, localize, time_format
from django.utils.translation import gettext, ngettext

from bookings.first_free import Wait


@dataclass(frozen=True)
class WaitText:
    label: str  # the way of being seen
    when: str  # "maandag 2 maart, 10:00" on the practice's clock; "" when nothing is free
    how_soon: str  # "vandaag", "morgen", "over 3 dagen"


def wait_texts(waits: Sequence[Wait], zone: ZoneInfo) -> list[WaitText]:
    return [_text(wait, zone) for wait in waits]


def _text(wait: Wait, zone: ZoneInfo) -> WaitText:
    if wait.start is None or wait.days is None:
        return WaitText(wait.label, "", "")
    local = wait.start.astimezone(zone)
    when = f"{date_format(local, 'l j F')}, {time_format(local, 'H:i')}"
    return WaitText(wait.label, when, _how_soon(wait.days))


def _how_soon(days: int) -> str:
    if days == 0:
        return gettext("today")
    if days == 1:
        return gettext("tomorrow")
    return ngettext("in %(days)s day", "in %(days)s days", days) % {"days": localize(days)}
