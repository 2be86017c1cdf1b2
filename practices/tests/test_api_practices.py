"""GET /api/v1/practices and /api/v1/practices/{id}/slots: the public JSON contracts."""

import pytest

from practices.tests.factories import make_practice, make_therapist

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(practice_a, practice_b, eva, joost):
    local_only = make_practice(
        "Fysio Zeist", place="Zeist", at=(52.09, 5.23333), services=("in_person",)
    )
    make_therapist("Iris Smit", practices=(local_only,), kinds=("in_person",))
    return local_only


def test_search_by_place_name(client, network, practice_a):
    response = client.get("/api/v1/practices", {"q": "Utrecht"})
    assert response.status_code == 200
    first, second = response.json()
    first.pop("first_free_slot")  # their values: bookings/tests/test_first_free.py
    first.pop("first_free_by_kind")
    assert first == {
        "id": str(practice_a.public_id), "name": "Praktijk Rustpunt", "place": "Utrecht",
        "distance_km": 0.0, "services": ["in_person", "phone", "video"],
        "url": practice_a.get_absolute_url(), "direct_access": True, "insurers": [],
    }  # fmt: skip
    assert second["name"] == "Fysio Zeist" and 7 < second["distance_km"] < 8


def test_search_by_coordinates_and_radius(client, network):
    names = [
        row["name"]
        for row in client.get(
            "/api/v1/practices", {"lat": 52.09, "lon": 5.12, "radius_km": 25}
        ).json()
    ]
    assert names == ["Praktijk Rustpunt", "Fysio Zeist"]
    names = [
        row["name"]
        for row in client.get(
            "/api/v1/practices", {"lat": 53.2, "lon": 6.56, "radius_km": 25}
        ).json()
    ]
    assert names == ["Fysio Noord"]


def test_remote_lists_practices_with_phone_or_video_therapists(client, network):
    rows = client.get("/api/v1/practices", {"remote": "true"}).json()
    assert {row["name"] for row in rows} == {"Praktijk Rustpunt", "Fysio Noord"}
    assert all(row["distance_km"] is None for row in rows)


def test_ids_are_random_and_stable(client, network, practice_a):
    first = client.get("/api/v1/practices", {"q": "Utrecht"}).json()[0]["id"]
    again = client.get("/api/v1/practices", {"q": "utrecht"}).json()[0]["id"]
    assert first == again == str(practice_a.public_id) and first != str(practice_a.pk)


def test_unknown_place_and_missing_parameters(client, network):
    assert client.get("/api/v1/practices", {"q": "Atlantis"}).status_code == 404
    assert client.get("/api/v1/practices").status_code == 422
    assert client.get("/api/v1/practices", {"lat": 95, "lon": 5}).status_code == 422


def test_slots_list_free_times_with_therapist_start_and_end_in_utc(client, now, practice_a, eva):
    response = client.get(
        f"/api/v1/practices/{practice_a.public_id}/slots",
        {
            "from": "2026-03-03T00:00:00+01:00",
            "to": "2026-03-04T00:00:00+01:00",
            "kind": "video",
            "type": "video_consult",
        },
    )
    assert response.status_code == 200
    slots = response.json()
    assert slots[0] == {
        "therapist": str(eva.public_id), "therapist_name": "Eva de Vries",
        "start": "2026-03-03T08:00:00Z", "end": "2026-03-03T08:30:00Z",
    }  # fmt: skip
    assert len(slots) == 16  # 09:00-17:00 in half hours


@pytest.mark.parametrize(
    "params, status",
    [
        ({"from": "2026-03-03T00:00:00"}, 422),  # no time zone
        ({"from": "gisteren"}, 422),
        ({"from": "2026-03-03T00:00:00Z", "to": "2026-05-03T00:00:00Z"}, 422),  # too long
        ({"type": "massage"}, 422),  # names the field, like every booking entry point
        ({"type": "phone_consult", "kind": "video"}, 422),
        ({"kind": "fax"}, 422),
    ],
)
def test_slot_parameters_are_checked(client, now, practice_a, eva, params, status):
    assert (
        client.get(f"/api/v1/practices/{practice_a.public_id}/slots", params).status_code == status
    )


def test_slots_of_an_unknown_practice_are_404(client, now):
    assert (
        client.get("/api/v1/practices/00000000-0000-4000-8000-000000000000/slots").status_code
        == 404
    )
