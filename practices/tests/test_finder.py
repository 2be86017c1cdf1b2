"""The finder at /praktijken/: by place, postcode or location, nearest first, with filters."""

import re

import pytest

from practices.models import Practice
from practices.tests.factories import GRONINGEN, make_practice, make_therapist

pytestmark = pytest.mark.django_db

AMERSFOORT = (52.155, 5.3875)
DEN_BOSCH = (51.69917, 5.30417)


def names_in_order(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/(?:en/)?praktijken/[0-9a-f-]+/">([^<]+)</a></h3>', html)


@pytest.fixture
def network(practice_a, practice_b, eva, joost):
    far = make_practice("Fysio Amersfoort", place="Amersfoort", at=AMERSFOORT, postcode="3811 HA")
    make_therapist("Iris Smit", practices=(far,), kinds=("in_person",))
    bosch = make_practice(
        "Praktijk Binnendieze", place="'s-Hertogenbosch", at=DEN_BOSCH, postcode="5211 HX",
        province="NB", services=("in_person",), wheelchair_accessible=True,
    )  # fmt: skip
    make_therapist("Koen Bos", practices=(bosch,), kinds=("in_person",))
    return {"utrecht": practice_a, "groningen": practice_b, "amersfoort": far, "bosch": bosch}


def test_search_by_place_sorts_by_distance_and_shows_it(client, network):
    response = client.get("/praktijken/", {"q": "Utrecht"})  # within 25 km
    html = response.content.decode()
    assert response.status_code == 200
    assert names_in_order(html) == ["Praktijk Rustpunt", "Fysio Amersfoort"]
    assert "0,0 km hiervandaan" in html and "19,5 km hiervandaan" in html  # Dutch decimal comma


def test_den_bosch_finds_s_hertogenbosch(client, network):
    for typed in ("Den Bosch", "den bosch", "'s-Hertogenbosch", "S-HERTOGENBOSCH"):
        html = client.get("/praktijken/", {"q": typed}).content.decode()
        assert names_in_order(html) == ["Praktijk Binnendieze"], typed


def test_search_by_a_practices_postcode(client, network):
    html = client.get("/praktijken/", {"q": "9711aa"}).content.decode()
    assert names_in_order(html)[0] == "Fysio Noord"


def test_search_by_the_browsers_location(client, network):
    html = client.get("/praktijken/", {"lat": GRONINGEN[0], "lon": GRONINGEN[1]}).content.decode()
    assert names_in_order(html) == ["Fysio Noord"]


def test_an_unknown_place_says_so_next_to_the_field_in_dutch(client, network):
    response = client.get("/praktijken/", {"q": "Atlantis"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "id_q_error" in html and "Atlantis" in html  # what was typed stays
    assert "We kennen deze plaats niet" in html


def test_filters_narrow_the_results(client, network):
    base = {"q": "Utrecht", "radius_km": 100}
    assert names_in_order(
        client.get("/praktijken/", base | {"service": "video"}).content.decode()
    ) == ["Praktijk Rustpunt", "Fysio Amersfoort"]
    network["amersfoort"].services = ["in_person"]
    network["amersfoort"].save()
    assert names_in_order(
        client.get("/praktijken/", base | {"service": "video"}).content.decode()
    ) == ["Praktijk Rustpunt"]
    assert names_in_order(
        client.get("/praktijken/", base | {"wheelchair": "on"}).content.decode()
    ) == ["Praktijk Binnendieze"]
    assert (
        names_in_order(client.get("/praktijken/", base | {"language": "tr"}).content.decode()) == []
    )


def test_open_evenings_filter(client, network):
    make_practice("Avondpraktijk", place="Utrecht", at=(52.1, 5.13), evening=True)
    html = client.get("/praktijken/", {"q": "Utrecht", "evening": "on"}).content.decode()
    assert names_in_order(html) == ["Avondpraktijk"]


def test_specialisation_filter_looks_at_the_therapists(client, network):
    html = client.get(
        "/praktijken/", {"q": "Utrecht", "radius_km": 100, "specialisation": "sleep"}
    ).content.decode()
    assert names_in_order(html) == []
    html = client.get(
        "/praktijken/", {"q": "Utrecht", "radius_km": 100, "specialisation": "fibromyalgia"}
    ).content.decode()
    assert "Praktijk Rustpunt" in names_in_order(html)


def test_no_practice_near_you_points_to_phone_and_video(client, network):
    html = client.get("/praktijken/", {"q": "Maastricht", "radius_km": 10}).content.decode()
    assert names_in_order(html) == []
    assert 'href="/praktijken/op-afstand/"' in html
    remote = client.get("/praktijken/op-afstand/").content.decode()
    assert "Eva de Vries" in remote and "Iris Smit" not in remote  # Iris only sees people in person
    assert "kind=video" in remote


def test_the_finder_works_in_english_under_en(client, network):
    html = client.get("/en/praktijken/", {"q": "Utrecht"}).content.decode()
    assert "Find a practice" in html and "Praktijk Rustpunt" in html


def test_suggestions_while_typing(client, network):
    response = client.get("/praktijken/suggesties/", {"q": "den b"}, HTTP_HX_REQUEST="true")
    assert '<option value="&#x27;s-Hertogenbosch">' in response.content.decode()
    assert client.get("/praktijken/suggesties/", {"q": "x"}).content.decode().strip() == ""


def test_without_javascript_the_form_is_a_plain_get_form(client, network):
    html = client.get("/praktijken/").content.decode()
    assert re.search(r'<form method="get" action="/praktijken/"', html)
    assert 'hx-get="/praktijken/suggesties/"' in html
    assert 'type="module" src="/static/practices/finder.js"' in html


def test_find_a_physiotherapist_lists_therapists_nearest_first(client, network):
    html = client.get(
        "/praktijken/therapeuten/", {"q": "Utrecht", "radius_km": 50}
    ).content.decode()
    assert html.index("Eva de Vries") < html.index("Iris Smit")
    assert "Joost Bakker" not in html


def _bulk(count: int) -> None:
    for number in range(count):
        practice = make_practice(f"Praktijk {number}", at=(52.09 + number / 1000, 5.12))
        make_therapist(f"Therapeut {number}", practices=(practice,))


@pytest.mark.parametrize("count", [3, 25])
def test_finder_query_count_does_not_grow_with_the_results(
    client, django_assert_max_num_queries, count
):
    _bulk(count)
    # At most five boxes for 50 km (each at least doubling from 5 km), then the cards,
    # then 7 for every card's first free time at once (bookings/first_free.py).
    with django_assert_max_num_queries(6 + 7):
        response = client.get("/praktijken/", {"q": "Utrecht", "radius_km": 50})
    assert len(names_in_order(response.content.decode())) == min(count, 20)


@pytest.mark.parametrize("count", [3, 25])
def test_practice_page_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    practice = make_practice("Grote praktijk")
    for number in range(count):
        make_therapist(f"Therapeut {number}", practices=(practice,))
    # 5, plus 2 for the reviews block (the aggregate and the newest reviews, issue 16), plus
    # 5 for the first week of free times shown at once (bookings/offer.py: types,
    # therapists, their hours, busy time, closures), plus 7 for the wait per way
    # (bookings/first_free.py), however many therapists.
    with django_assert_max_num_queries(12 + 7):
        response = client.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("/praktijken/therapeut/") == count


@pytest.mark.parametrize("count", [3, 25])
def test_therapist_search_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    _bulk(count)
    with django_assert_max_num_queries(8):
        client.get("/praktijken/therapeuten/", {"q": "Utrecht", "radius_km": 50})


def test_practice_page_shows_address_hours_and_what_can_be_booked(client, practice_a, eva):
    html = client.get(practice_a.get_absolute_url()).content.decode()
    assert "<address>" in html and practice_a.postcode in html
    assert "maandag" in html and "08:00–17:00" in html
    assert 'value="video_consult"' in html and 'value="video"' in html
    assert f"/afspraken/boeken/{practice_a.public_id}/" in html


def test_an_unlisted_or_unknown_practice_is_404(client, practice_a):
    Practice.objects.filter(pk=practice_a.pk).update(is_active=False)
    assert client.get(practice_a.get_absolute_url()).status_code == 404
    assert client.get("/praktijken/00000000-0000-4000-8000-000000000000/").status_code == 404
    assert client.get(f"/afspraken/boeken/{practice_a.public_id}/").status_code == 404


def test_therapist_page(client, eva):
    html = client.get(eva.get_absolute_url()).content.decode()
    assert "Eva de Vries" in html and "Fibromyalgie" in html and "Praktijk Rustpunt" in html
