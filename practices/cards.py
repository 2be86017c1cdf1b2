"""The finder's result cards, worked out in Python once per result (issue 18).

Links, the distance, labels and the waits (bookings/wait_texts.py) are plain text
here; the template only places and escapes them, in one loop without includes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext

from bookings.first_free import waits
from bookings.wait_texts import WaitText, wait_texts
from practices.finder import Found
from practices.models import Practice


@dataclass(frozen=True)
class Card:
    practice: Practice
    url: str
    book_url: str
    book_label: str  # "Boek bij <name>"
    distance: str  # "<km> km away", or "" without a searched place
    services: list[str]
    insurers: str  # the labels, comma separated
    waits: list[WaitText]


def cards(
    found: Sequence[Found], first: Mapping[int, Mapping[str, datetime | None]], *, now: datetime
) -> list[Card]:
    """One card per result, with `first` from bookings.first_free.first_free_by_kind."""
    return [_card(item, first[item.practice.pk], now) for item in found]


def _card(found: Found, by_kind: Mapping[str, datetime | None], now: datetime) -> Card:
    practice = found.practice
    zone = practice.zone
    distance = ""
    if found.distance_km is not None:
        distance = gettext("%(km)s km away") % {"km": floatformat(found.distance_km, 1)}
    return Card(
        practice=practice,
        url=practice.get_absolute_url(),
        book_url=reverse("bookings:slots", args=[practice.public_id]),
        book_label=gettext("Book at %(name)s") % {"name": practice.name},
        distance=distance,
        services=practice.service_labels(),
        insurers=", ".join(practice.insurer_labels()),
        waits=wait_texts(waits(by_kind, now=now, zone=zone), zone),
    )
