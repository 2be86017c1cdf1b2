"""Check-in pages with impossible dates in the address: 404 or the page's own refusal."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["0000-00-00", "2026-13-01", "2026-02-30"])
def test_an_impossible_date_in_the_address_is_not_found(client, patient_anna, day):
    client.force_login(patient_anna)
    assert client.get(f"/dagboek/{day}/").status_code == 404
    assert client.post(f"/dagboek/{day}/zoals-gisteren/").status_code == 404


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_far_date_cannot_be_filled_in(client, enrolled_anna, patient_anna, day):
    client.force_login(patient_anna)
    response = client.post(f"/dagboek/{day}/", {"pain": "3"})
    assert 400 <= response.status_code < 500
    assert not patient_anna.check_ins.exists()
