"""Practice managers edit their own practice and therapists; the operator edits all."""

import pytest

from practices.models import Closure, Therapist

pytestmark = pytest.mark.django_db


def form_data(practice, **changes):
    data = {
        "name": practice.name, "street": practice.street, "postcode": practice.postcode,
        "place": practice.place, "province": practice.province,
        "phone": practice.phone, "email": practice.email,
        "website": "", "services": list(practice.services), "languages": list(practice.languages),
        "about_nl": "", "about_en": "", "minimum_notice_hours": 2, "horizon_weeks": 8,
        "free_cancel_hours": 24, "max_reschedules": 2, "cancellation_policy_nl": "",
        "cancellation_policy_en": "",
    }  # fmt: skip
    return data | changes


def test_manager_edits_the_own_practice(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    url = f"/praktijken/{practice_a.public_id}/bewerken/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, form_data(practice_a, name="Praktijk Rustpunt Centrum", postcode="3511ab")
    )
    assert response.status_code == 302
    practice_a.refresh_from_db()
    assert (practice_a.name, practice_a.postcode) == ("Praktijk Rustpunt Centrum", "3511 AB")


def test_invalid_input_answers_422_and_keeps_what_was_typed(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    response = client.post(
        f"/praktijken/{practice_a.public_id}/bewerken/",
        form_data(practice_a, name="Nieuw", postcode="12"),
    )
    assert response.status_code == 422
    assert (
        'value="Nieuw"' in response.content.decode()
        and "id_postcode_error" in response.content.decode()
    )


def test_the_address_places_the_practice_on_the_map(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    url = f"/praktijken/{practice_a.public_id}/bewerken/"
    html = client.get(url).content.decode()
    assert 'name="latitude"' not in html and 'name="longitude"' not in html
    assert 'name="street"' in html and 'name="postcode"' in html and 'name="place"' in html
    moved = form_data(practice_a, street="Dam 1", postcode="1012 JS", place="Amsterdam")
    assert client.post(url, moved).status_code == 302
    practice_a.refresh_from_db()
    assert round(practice_a.latitude, 1) == 52.4 and round(practice_a.longitude, 1) == 4.9
    assert "postcodegebied 1012 (Amsterdam)" in client.get(url).content.decode()


def test_an_unknown_postcode_is_a_form_error_keeping_the_address(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    before = (practice_a.latitude, practice_a.longitude, practice_a.postcode)
    response = client.post(
        f"/praktijken/{practice_a.public_id}/bewerken/",
        form_data(practice_a, street="Postbus 12", postcode="1000 AB"),
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert 'value="Postbus 12"' in html and 'value="1000 AB"' in html
    assert "We vinden deze postcode niet op de kaart" in html
    practice_a.refresh_from_db()
    assert (practice_a.latitude, practice_a.longitude, practice_a.postcode) == before


@pytest.mark.parametrize("who", ["manager_mila", "therapist_eva", "patient_anna"])
def test_another_practice_is_404_for_managers_therapists_and_patients(
    client, request, practice_b, who
):
    client.force_login(request.getfixturevalue(who))
    for url in (
        f"/praktijken/{practice_b.public_id}/bewerken/",
        f"/praktijken/{practice_b.public_id}/openingstijden/",
        f"/praktijken/{practice_b.public_id}/therapeuten/nieuw/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_operator_edits_every_practice_and_grants_the_label(client, practice_b, operator_olaf):
    client.force_login(operator_olaf)
    data = form_data(practice_b, quality_label="on", is_active="on")
    assert client.post(f"/praktijken/{practice_b.public_id}/bewerken/", data).status_code == 302
    practice_b.refresh_from_db()
    assert practice_b.quality_label


def test_a_manager_cannot_grant_the_quality_label(client, practice_a, manager_mila):
    client.force_login(manager_mila)
    client.post(
        f"/praktijken/{practice_a.public_id}/bewerken/", form_data(practice_a, quality_label="on")
    )
    practice_a.refresh_from_db()
    assert not practice_a.quality_label


def test_manager_adds_a_therapist_and_a_closure(client, practice_a, manager_mila, now):
    client.force_login(manager_mila)
    response = client.post(
        f"/praktijken/{practice_a.public_id}/therapeuten/nieuw/",
        {"name": "Noor Visser", "profession": "physiotherapist", "kinds": ["in_person", "video"],
         "languages": ["nl"], "specialisations": ["fibromyalgia"], "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Therapist.objects.get(name="Noor Visser").practices.get() == practice_a
    response = client.post(
        f"/praktijken/{practice_a.public_id}/sluitingen/",
        {
            "closure-first_day": "2026-04-27",
            "closure-last_day": "2026-04-27",
            "closure-reason": "Koningsdag",
        },
    )
    assert response.status_code == 302
    closure = Closure.objects.get()
    assert closure.practice == practice_a
    client.post(f"/praktijken/{practice_a.public_id}/sluitingen/verwijderen/", {"closure": "x"})
    assert Closure.objects.exists()
    client.post(
        f"/praktijken/{practice_a.public_id}/sluitingen/verwijderen/", {"closure": closure.pk}
    )
    assert not Closure.objects.exists()


def test_a_closed_day_has_no_slots(client, practice_a, eva, now):
    Closure.objects.create(
        practice=practice_a, first_day="2026-03-03", last_day="2026-03-03", reason="Studiedag"
    )
    html = client.get(
        f"/afspraken/boeken/{practice_a.public_id}/?type=follow_up&kind=in_person&week=2026-03-03"
    ).content.decode()
    assert "start=2026-03-03T" not in html and "start=2026-03-04T" in html


def test_manager_edits_a_therapist_of_another_practice_404(client, practice_a, joost, manager_mila):
    client.force_login(manager_mila)
    assert (
        client.get(f"/praktijken/{practice_a.public_id}/therapeuten/{joost.public_id}/").status_code
        == 404
    )


def test_my_practices_lists_only_managed_ones(client, practice_a, practice_b, manager_mila):
    client.force_login(manager_mila)
    html = client.get("/praktijken/beheer/").content.decode()
    assert practice_a.name in html and practice_b.name not in html


def test_manager_replaces_the_opening_hours_in_the_weekly_grid(client, practice_a, manager_mila):
    from datetime import time

    from practices.models import OpeningHours

    practice_a.opening_hours.all().delete()
    OpeningHours.objects.create(practice=practice_a, weekday=0, opens=time(8), closes=time(17))
    OpeningHours.objects.create(practice=practice_a, weekday=1, opens=time(8), closes=time(17))
    client.force_login(manager_mila)
    url = f"/praktijken/{practice_a.public_id}/openingstijden/"
    page = client.get(url)
    assert page.context["grid"].initial["closed_2"] is True  # no hours on Wednesday: closed
    data = {f"closed_{day}": "on" for day in (1, 2, 3, 5, 6)} | {
        "opens_0": "09:00", "closes_0": "12:00", "opens2_0": "13:00", "closes2_0": "17:00",
        "opens_1": "08:00", "closes_1": "17:00",  # ticked closed: the times are left out
        "opens_4": "13:00", "closes_4": "18:00",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert set(practice_a.opening_hours.values_list("weekday", "opens", "closes")) == {
        (0, time(9), time(12)),
        (0, time(13), time(17)),
        (4, time(13), time(18)),
    }
    page = client.post(url, data | {"closes_0": "08:00"})  # closes before it opens
    assert page.status_code == 422
    html = page.content.decode()
    assert 'value="08:00"' in html and "Maandag: Het einde moet na het begin liggen." in html
    assert len(practice_a.opening_hours.all()) == 3  # nothing lost
