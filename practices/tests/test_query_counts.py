"""Query guard: the finder asks the database the same number of times for one
practice in Utrecht as for fifty (no query per result)."""

import pytest

from practices.tests.factories import make_practice, make_therapist

pytestmark = pytest.mark.django_db

# The bound holds on SQLite and PostgreSQL alike: the candidates near the place,
# the candidates again in a wider circle when few lie near, then the page's rows;
# then 7 for every result's first free time at once (bookings/first_free.py).
FINDER_QUERIES = 3 + 7


@pytest.mark.parametrize("rows", [1, 50])
def test_the_finder_asks_the_same_for_one_and_fifty_practices(
    client, django_assert_max_num_queries, rows
):
    for number in range(rows):
        practice = make_practice(f"Praktijk {number} Utrecht", at=(52.09 + number / 1000, 5.12))
        make_therapist(f"Therapeut {number} Test", practices=(practice,))
    with django_assert_max_num_queries(FINDER_QUERIES):
        response = client.get("/praktijken/", {"q": "Utrecht"})
    assert response.status_code == 200
    assert response.content.decode().count('<h3><a href="/praktijken/') == min(rows, 20)
