"""A practice the operator adds in the admin can be booked at once: it comes
through practices.actions.create_practice, with the default appointment types."""

import pytest

from bookings.models import Appointment, AppointmentType
from practices.models import Practice
from practices.tests.factories import make_therapist

pytestmark = pytest.mark.django_db


def admin_add_form(**changes):
    management = {
        f"{prefix}-{name}": value
        for prefix in ("opening_hours", "closures")
        for name, value in [("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"),
                            ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000")]
    }  # fmt: skip
    fields = {
        "slug": "de-rustige-plek", "name": "De Rustige Plek", "street": "Lange Nieuwstraat 4",
        "postcode": "3512 PH", "place": "Utrecht", "province": "UT", "latitude": "52.088",
        "longitude": "5.121", "phone": "030 765 43 21", "email": "", "website": "",
        "time_zone": "Europe/Amsterdam", "services": ["in_person", "video"],
        "languages": ["nl"], "about_nl": "", "about_en": "", "is_active": "on",
        "minimum_notice_hours": "2", "horizon_weeks": "8", "free_cancel_hours": "24",
        "max_reschedules": "2", "cancellation_policy_nl": "", "cancellation_policy_en": "",
    }  # fmt: skip
    return management | fields | changes


def test_a_practice_added_in_the_admin_can_be_booked_through_the_api(
    client, now, admin_olaf, patient_anna
):
    client.force_login(admin_olaf)
    add_url = "/beheer/practices/practice/add/"
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, admin_add_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    practice = Practice.objects.get(slug="de-rustige-plek")
    assert set(practice.appointment_types.values_list("slug", flat=True)) == {
        "intake", "follow_up", "phone_consult", "video_consult"
    }  # fmt: skip
    # A therapist starts working there (Monday to Friday, 09:00-17:00).
    therapist = make_therapist("Lotte Visser", practices=(practice,))

    client.force_login(patient_anna)
    response = client.post(
        "/api/v1/appointments",
        {
            "therapist": str(therapist.public_id),
            "start": "2026-03-03T09:00:00Z",  # Tuesday 10:00 in Utrecht
            "kind": "in_person",
            "type": "follow_up",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    appointment = Appointment.objects.get()
    assert appointment.practice == practice
    assert appointment.appointment_type == AppointmentType.objects.get(
        practice=practice, slug="follow_up"
    )


def test_editing_a_practice_in_the_admin_adds_no_second_set_of_types(client, admin_olaf):
    client.force_login(admin_olaf)
    client.post("/beheer/practices/practice/add/", admin_add_form())
    practice = Practice.objects.get(slug="de-rustige-plek")
    change_url = f"/beheer/practices/practice/{practice.pk}/change/"
    response = client.post(change_url, admin_add_form(name="De Rustigste Plek"))
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.name == "De Rustigste Plek"
    assert practice.appointment_types.count() == 4
