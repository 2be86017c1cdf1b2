"""Another patient's appointment answers 404 in every view and endpoint; a therapist
sees only their own practice's appointments."""

import pytest

from bookings import actions
from bookings.models import Status
from bookings.tests.conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def annas(now, practice_a, eva, follow_up, patient_anna):
    return actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="video",
        start=at(4, 10), now=now, patient=patient_anna,
    )  # fmt: skip


def requests_for(appointment):
    base = f"/afspraken/{appointment.public_id}/"
    api = f"/api/v1/appointments/{appointment.public_id}"
    return [
        ("get", base, {}),
        ("get", base + "annuleren/", {}),
        ("post", base + "annuleren/", {}),
        ("get", base + "verzetten/", {}),
        ("post", base + "verzetten/", {"start": "2026-03-04T10:00:00Z", "kind": "video"}),
        ("post", base + "uitkomst/", {"status": "completed"}),
        ("get", api, {}),
        ("post", api + "/cancel", {}),
    ]


@pytest.mark.parametrize("who", ["patient_bram", "therapist_joost"])
def test_every_view_and_endpoint_answers_404_to_others(client, request, annas, joost, who):
    client.force_login(request.getfixturevalue(who))
    for method, url, data in requests_for(annas):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (who, method, url, response.status_code)
    annas.refresh_from_db()
    assert (annas.status, annas.start, annas.sequence) == (Status.CONFIRMED, at(4, 10), 0)


def test_the_own_patient_and_the_practice_may_see_it(
    client, annas, patient_anna, eva, manager_mila, operator_olaf
):
    for user in (patient_anna, eva.user, manager_mila, operator_olaf):
        client.force_login(user)
        assert client.get(f"/afspraken/{annas.public_id}/").status_code == 200, user


def test_logged_out_visitors_are_sent_to_log_in(client, annas):
    response = client.get(f"/afspraken/{annas.public_id}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert client.get(f"/api/v1/appointments/{annas.public_id}").status_code == 401


def test_my_appointments_lists_only_mine(client, annas, patient_anna, patient_bram):
    client.force_login(patient_bram)
    assert "Eva de Vries" not in client.get("/afspraken/").content.decode()
    client.force_login(patient_anna)
    assert "woensdag 4 maart 2026, 10:00" in client.get("/afspraken/").content.decode()
