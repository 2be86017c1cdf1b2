"""The pure geography module: distances, boxes and search keys."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practices.geo import (
    Point,
    bounding_box,
    haversine_km,
    nearest,
    normalise_place,
    normalise_postcode,
)

UTRECHT = Point(52.09083, 5.12222)
AMSTERDAM = Point(52.37403, 4.88969)
MAASTRICHT = Point(50.84833, 5.68889)
GRONINGEN = Point(53.21917, 6.56667)

dutch_points = st.builds(
    Point,
    st.floats(min_value=50.7, max_value=53.6, allow_nan=False),
    st.floats(min_value=3.3, max_value=7.3, allow_nan=False),
)


def test_known_distances():
    # London - Paris is the textbook example: 343.5 km on a sphere.
    assert haversine_km(Point(51.5074, -0.1278), Point(48.8566, 2.3522)) == pytest.approx(
        343.5, abs=0.5
    )
    assert haversine_km(UTRECHT, AMSTERDAM) == pytest.approx(35.3, abs=0.5)


def test_agrees_with_the_spherical_law_of_cosines():
    a, b = UTRECHT, MAASTRICHT
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlon = math.radians(b.longitude - a.longitude)
    cosines = math.acos(
        math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(dlon)
    )
    assert haversine_km(a, b) == pytest.approx(6371.0088 * cosines, rel=1e-9)


def test_distance_to_itself_is_zero():
    assert haversine_km(UTRECHT, UTRECHT) == 0


@given(dutch_points, dutch_points)
def test_distance_is_symmetric_and_never_negative(a, b):
    assert haversine_km(a, b) == pytest.approx(haversine_km(b, a))
    assert haversine_km(a, b) >= 0


@given(dutch_points, dutch_points, dutch_points)
def test_triangle_inequality(a, b, c):
    assert haversine_km(a, c) <= haversine_km(a, b) + haversine_km(b, c) + 1e-6


@given(dutch_points, dutch_points, st.floats(min_value=0.5, max_value=300))
def test_every_point_within_the_radius_lies_in_the_box(centre, other, radius):
    box = bounding_box(centre, radius)
    if haversine_km(centre, other) <= radius:
        assert box.min_latitude <= other.latitude <= box.max_latitude
        assert box.min_longitude <= other.longitude <= box.max_longitude


def test_box_near_the_pole_spans_every_longitude():
    box = bounding_box(Point(89.9, 0), 50)
    assert (box.min_longitude, box.max_longitude) == (-180.0, 180.0)


def test_points_are_checked():
    with pytest.raises(ValueError):
        Point(91, 0)
    with pytest.raises(ValueError):
        bounding_box(UTRECHT, -1)


def test_nearest_sorts_by_distance_and_respects_radius_and_limit():
    items = [
        (name, p.latitude, p.longitude)
        for name, p in (
            ("maastricht", MAASTRICHT),
            ("amsterdam", AMSTERDAM),
            ("groningen", GRONINGEN),
        )
    ]
    ranked = nearest(UTRECHT, items)
    assert [name for name, _ in ranked] == ["amsterdam", "maastricht", "groningen"]
    assert [name for name, _ in nearest(UTRECHT, items, radius_km=100)] == ["amsterdam"]
    assert len(nearest(UTRECHT, items, limit=2)) == 2
    assert math.isclose(ranked[0][1], haversine_km(UTRECHT, AMSTERDAM))


@pytest.mark.parametrize(
    "text",
    [
        "'s-Hertogenbosch",
        "’s-Hertogenbosch",
        "S-HERTOGENBOSCH",
        "s Hertogenbosch",
        " 's  Hertogenbosch ",
    ],
)
def test_place_keys_ignore_case_punctuation_and_apostrophes(text):
    assert normalise_place(text) == "s hertogenbosch"


def test_place_keys_ignore_diacritics():
    assert normalise_place("Fryslân") == normalise_place("FRYSLAN") == "fryslan"
    assert normalise_place("Zoetermeer-Oost") == "zoetermeer oost"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3511 ab", "3511 AB"),
        ("3511AB", "3511 AB"),
        (" 3511 ", "3511"),
        ("0123 AB", None),
        ("Utrecht", None),
    ],
)
def test_postcodes_are_recognised(text, expected):
    assert normalise_postcode(text) == expected
