"""Pure geography: great-circle distances, bounding boxes and search keys.

No Django imports: the finder turns rows into plain numbers and asks this
module how far apart they are. Coordinates are WGS84 degrees.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "EARTH_RADIUS_KM",
    "BoundingBox",
    "Point",
    "bounding_box",
    "haversine_km",
    "nearest",
    "normalise_place",
    "normalise_postcode",
]

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

T = TypeVar("T")


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float

    def __post_init__(self) -> None:
        if not -90.0 <= self.latitude <= 90.0:
            raise ValueError(f"latitude must be -90..90, got {self.latitude}")
        if not -180.0 <= self.longitude <= 180.0:
            raise ValueError(f"longitude must be -180..180, got {self.longitude}")


@dataclass(frozen=True)
class BoundingBox:
    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance between two points in kilometres."""
    return _haversine(a.latitude, a.longitude, b.latitude, b.longitude)


def _haversine(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    lat1, lat2 = math.radians(lat_a), math.radians(lat_b)
    dlat = lat2 - lat1
    dlon = math.radians(lon_b - lon_a)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(centre: Point, radius_km: float) -> BoundingBox:
    """A latitude/longitude box that contains every point within `radius_km`.

    The box is a cheap index-friendly pre-filter; the exact test is
    :func:`haversine_km`. Near the poles the longitude span is the whole world.
    """
    if radius_km < 0:
        raise ValueError(f"radius must not be negative, got {radius_km}")
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    min_lat, max_lat = centre.latitude - dlat, centre.latitude + dlat
    if min_lat <= -90.0 or max_lat >= 90.0:
        return BoundingBox(max(min_lat, -90.0), min(max_lat, 90.0), -180.0, 180.0)
    # The widest longitude span is at the latitude farthest from the equator.
    widest = max(abs(min_lat), abs(max_lat))
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * math.cos(math.radians(widest))))
    if dlon >= 180.0:
        return BoundingBox(min_lat, max_lat, -180.0, 180.0)
    return BoundingBox(min_lat, max_lat, centre.longitude - dlon, centre.longitude + dlon)


def nearest(
    origin: Point,
    items: Iterable[tuple[T, float, float]],
    *,
    limit: int | None = None,
    radius_km: float | None = None,
) -> list[tuple[T, float]]:
    """Items (item, latitude, longitude) sorted by distance from `origin`.

    Returns (item, distance in km) pairs, only those within `radius_km` when
    given, at most `limit` when given. Ties keep their input order.
    """
    lat, lon = origin.latitude, origin.longitude
    measured = [(item, _haversine(lat, lon, lat_b, lon_b)) for item, lat_b, lon_b in items]
    if radius_km is not None:
        measured = [pair for pair in measured if pair[1] <= radius_km]
    measured.sort(key=lambda pair: pair[1])
    return measured if limit is None else measured[:limit]


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise_place(text: str) -> str:
    """A search key for a place name: no diacritics, lower case, single spaces.

    Hyphens and other punctuation become spaces and apostrophes disappear, so
    "'s-Hertogenbosch", "’s Hertogenbosch" and "S-HERTOGENBOSCH" give the same
    key ("s hertogenbosch"); "Île" and "ile" too.
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("'", "").replace("\u2019", ""))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain.casefold()).strip()


_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$")


def normalise_postcode(text: str) -> str | None:
    """A Dutch postcode in the form "1234 AB" (or "1234" for digits only), else None."""
    match = _POSTCODE.match(text)
    if match is None:
        return None
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}" if letters else digits
