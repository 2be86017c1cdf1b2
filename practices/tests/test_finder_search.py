"""One finder search (practices.finder.search_from): the finder page and GET /api/v1/practices
find the same practices for the same parameters, filters and priority included."""

import pytest

from practices import finder
from practices.tests.factories import GRONINGEN, make_practice, make_therapist

pytestmark = pytest.mark.django_db

AMERSFOORT = (52.155, 5.3875)
ZEIST = (52.0907, 5.2332)


@pytest.fixture
def network(practice_a, practice_b, eva, joost):
    """Utrecht (A), Groningen (B), and three more near Utrecht that differ in one thing each."""
    parking = make_practice(
        "Fysio Zeist", place="Zeist", at=ZEIST, postcode="3701 AA", parking=True
    )
    make_therapist("Lieke Jansen", practices=(parking,), kinds=("in_person",))
    evening = make_practice(
        "Fysio Amersfoort", place="Amersfoort", at=AMERSFOORT, postcode="3811 HA", evening=True,
        services=("in_person",), wheelchair_accessible=True,
    )  # fmt: skip
    make_therapist("Iris Smit", practices=(evening,), kinds=("in_person",))
    return [practice_a, practice_b, parking, evening]


def _page_ids(client, params) -> list[str]:
    response = client.get("/praktijken/", params)
    assert response.status_code == 200, response.content
    result = response.context["result"]
    return [str(found.practice.public_id) for found in result.found] if result else []


def _api_ids(client, params) -> list[str]:
    response = client.get("/api/v1/practices", params)
    assert response.status_code == 200, response.content
    return [found["id"] for found in response.json()]


UTRECHT_Q = {"q": "Utrecht", "radius_km": "25"}


@pytest.mark.parametrize(
    "params",
    [
        UTRECHT_Q,
        UTRECHT_Q | {"parking": "true"},
        UTRECHT_Q | {"wheelchair": "true"},
        UTRECHT_Q | {"evening": "true"},
        UTRECHT_Q | {"service": "video"},
        UTRECHT_Q | {"language": "en"},
        UTRECHT_Q | {"radius_km": "10"},
        {"lat": "52.09", "lon": "5.12", "radius_km": "50"},
        {"lat": str(GRONINGEN[0]), "lon": str(GRONINGEN[1]), "radius_km": "25"},
        # q wins over the browser's location: Utrecht, not Groningen.
        UTRECHT_Q | {"lat": str(GRONINGEN[0]), "lon": str(GRONINGEN[1])},
    ],
)
def test_the_page_and_the_api_find_the_same_practices(client, network, params):
    page, api = _page_ids(client, params), _api_ids(client, params)
    assert page == api
    assert page  # every case finds something, so an empty answer on both sides fails


def test_parking_narrows_both_alike(client, network):
    with_parking = UTRECHT_Q | {"parking": "true"}
    assert _api_ids(client, with_parking) == [str(network[2].public_id)]
    assert _page_ids(client, with_parking) == [str(network[2].public_id)]
    assert len(_api_ids(client, UTRECHT_Q)) == 3


def test_q_wins_over_lat_and_lon(network):
    search = finder.search_from(q="Groningen", lat=52.09, lon=5.12)
    assert search.origin is not None
    assert [found.practice for found in search.run().found] == [network[1]]


def test_an_unknown_place_is_refused_by_both(client, network):
    assert client.get("/praktijken/", {"q": "Atlantis"}).status_code == 422
    assert client.get("/api/v1/practices", {"q": "Atlantis"}).status_code == 404
    with pytest.raises(finder.UnknownPlace):
        finder.search_from(q="Atlantis", lat=52.09, lon=5.12)
