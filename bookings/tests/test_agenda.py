"""The practice's side: day and week agenda, blocked time, completed or no-show."""

from datetime import time

import pytest
import time_machine

from bookings import actions
from bookings.models import Appointment, BlockedTime, Status
from bookings.tests.conftest import at
from practices.tests.factories import make_therapist

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_on_tuesday(now, practice_a, eva, follow_up, patient_anna):
    return actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(3, 10), now=now, patient=patient_anna,
    )  # fmt: skip


def test_therapist_sees_the_week_with_local_times(client, now, practice_a, eva, anna_on_tuesday):
    client.force_login(eva.user)
    response = client.get(f"/afspraken/agenda/{practice_a.public_id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "dinsdag 3 maart 2026" in html and "10:00–10:30" in html and "Anna" in html


def test_day_view_and_therapist_filter(client, now, practice_a, eva, anna_on_tuesday):
    client.force_login(eva.user)
    day = client.get(
        f"/afspraken/agenda/{practice_a.public_id}/", {"view": "day", "date": "2026-03-02"}
    )
    assert "Anna" not in day.content.decode()
    day = client.get(
        f"/afspraken/agenda/{practice_a.public_id}/",
        {"view": "day", "date": "2026-03-03", "therapist": str(eva.public_id)},
    )
    assert "Anna" in day.content.decode()


def test_the_agenda_home_leads_to_the_own_practice(client, practice_a, eva, manager_mila):
    client.force_login(eva.user)
    assert (
        client.get("/afspraken/agenda/")["Location"] == f"/afspraken/agenda/{practice_a.public_id}/"
    )
    client.force_login(manager_mila)
    assert client.get("/afspraken/agenda/").status_code == 302


def test_another_practices_agenda_is_404(
    client, practice_a, practice_b, eva, joost, therapist_joost, patient_anna
):
    client.force_login(therapist_joost)
    assert client.get(f"/afspraken/agenda/{practice_a.public_id}/").status_code == 404
    client.force_login(patient_anna)
    assert client.get(f"/afspraken/agenda/{practice_a.public_id}/").status_code == 404
    assert client.get("/afspraken/agenda/").status_code == 404


def test_therapist_blocks_time_and_it_is_no_longer_bookable(
    client, now, practice_a, eva, anna_on_tuesday, patient_bram
):
    client.force_login(eva.user)
    response = client.post(
        f"/afspraken/agenda/{practice_a.public_id}/blokkeren/",
        {"therapist": str(eva.public_id), "first_day": "2026-03-03", "from_time": "09:00",
         "last_day": "2026-03-03", "until_time": "12:00", "reason": "Cursus"},
    )  # fmt: skip
    assert response.status_code == 302
    block = BlockedTime.objects.get()
    assert (block.start, block.end) == (at(3, 9), at(3, 12))
    messages = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert any("1 geboekte afspraak" in m for m in messages)  # Anna's stays, the practice decides
    slots = client.get(
        f"/afspraken/boeken/{practice_a.public_id}/?type=follow_up&kind=in_person&week=2026-03-03"
    )
    assert "start=2026-03-03T09:30:00Z" not in slots.content.decode()
    assert "start=2026-03-03T11:00:00Z" in slots.content.decode()
    client.post(
        f"/afspraken/agenda/{practice_a.public_id}/blokkeren/{block.public_id}/verwijderen/"
    )
    assert not BlockedTime.objects.exists()


def test_a_therapist_blocks_only_their_own_time_a_manager_anyones(
    client, now, practice_a, eva, manager_mila
):
    from practices.tests.factories import make_therapist

    colleague = make_therapist("Sanne Jansen", practices=(practice_a,))
    data = {"therapist": str(colleague.public_id), "first_day": "2026-03-03", "from_time": "09:00",
            "last_day": "2026-03-03", "until_time": "12:00"}  # fmt: skip
    client.force_login(eva.user)
    assert (
        client.post(f"/afspraken/agenda/{practice_a.public_id}/blokkeren/", data).status_code == 422
    )
    client.force_login(manager_mila)
    assert (
        client.post(f"/afspraken/agenda/{practice_a.public_id}/blokkeren/", data).status_code == 302
    )


def test_an_end_before_the_start_is_refused_next_to_the_field(client, now, practice_a, eva):
    client.force_login(eva.user)
    response = client.post(
        f"/afspraken/agenda/{practice_a.public_id}/blokkeren/",
        {"therapist": str(eva.public_id), "first_day": "2026-03-03", "from_time": "12:00",
         "last_day": "2026-03-03", "until_time": "09:00"},
    )  # fmt: skip
    assert response.status_code == 422 and "id_until_time_error" in response.content.decode()


def test_mark_completed_or_no_show_after_the_start(client, now, practice_a, eva, anna_on_tuesday):
    client.force_login(eva.user)
    url = f"/afspraken/{anna_on_tuesday.public_id}/uitkomst/"
    client.post(url, {"status": "completed"})
    anna_on_tuesday.refresh_from_db()
    assert anna_on_tuesday.status == Status.CONFIRMED  # not started yet
    with time_machine.travel(at(3, 10, 35), tick=False):
        client.force_login(eva.user)  # staff sessions end after 30 idle minutes
        client.post(url, {"status": "completed"})
        anna_on_tuesday.refresh_from_db()
        assert anna_on_tuesday.status == Status.COMPLETED
        client.post(url, {"status": "no_show"})
        client.post(url, {"status": "cancelled"})  # not an outcome
    anna_on_tuesday.refresh_from_db()
    assert anna_on_tuesday.status == Status.NO_SHOW


def test_a_patient_cannot_mark_an_outcome(client, now, anna_on_tuesday, patient_anna):
    client.force_login(patient_anna)
    with time_machine.travel(at(3, 11), tick=False):
        response = client.post(
            f"/afspraken/{anna_on_tuesday.public_id}/uitkomst/", {"status": "no_show"}
        )
    assert response.status_code == 404
    assert Appointment.objects.get().status == Status.CONFIRMED


def test_manager_edits_working_hours_and_types(
    client, practice_a, eva, manager_mila, therapist_joost
):
    client.force_login(manager_mila)
    url = f"/afspraken/praktijk/{practice_a.public_id}/werktijden/{eva.public_id}/"
    page = client.get(url)
    assert page.status_code == 200 and page.context["grid"].initial["opens_0"] == time(9)
    data = {"closed_5": "on", "closed_6": "on"} | {
        key: value
        for day in range(5)
        for key, value in ((f"opens_{day}", "10:00"), (f"closes_{day}", "15:00"))
    }
    assert client.post(url, data).status_code == 302
    assert set(eva.working_hours.values_list("start", "end")) == {(time(10), time(15))}
    assert eva.working_hours.count() == 5
    refused = client.post(url, data | {"opens_2": "", "opens2_3": "14:00", "closes2_3": "16:00"})
    assert refused.status_code == 422
    html = refused.content.decode()
    assert "Woensdag: Vul van en tot in, of vink gesloten aan." in html
    assert "Donderdag: Het tweede blok begint na het einde van het eerste." in html
    assert 'value="14:00"' in html  # what was typed stays
    assert eva.working_hours.count() == 5
    client.force_login(therapist_joost)
    assert client.get(url).status_code == 404
    assert (
        client.get(f"/afspraken/praktijk/{practice_a.public_id}/afspraaktypen/").status_code == 404
    )


def test_the_agenda_opens_on_today_for_the_therapist_looking(
    client, now, practice_a, eva, follow_up, anna_on_tuesday, patient_bram
):
    colleague = make_therapist("Sara Jansen", practices=(practice_a,))
    actions.book_slot(
        practice=practice_a, therapist=colleague, appointment_type=follow_up, kind="in_person",
        start=at(3, 11), now=now, patient=patient_bram,
    )  # fmt: skip
    client.force_login(eva.user)
    url = f"/afspraken/agenda/{practice_a.public_id}/"
    own = client.get(url).content.decode()
    assert "Agenda van Eva de Vries" in own and "Anna" in own and "Bram" not in own
    everyone = client.get(url, {"therapist": ""}).content.decode()
    assert "Anna" in everyone and "Bram" in everyone
    sara = client.get(url, {"therapist": str(colleague.public_id)}).content.decode()
    assert "Bram" in sara and "Anna" not in sara


def test_a_manager_who_is_no_therapist_sees_everyone(
    client, now, practice_a, eva, anna_on_tuesday, manager_mila
):
    client.force_login(manager_mila)
    html = client.get(f"/afspraken/agenda/{practice_a.public_id}/").content.decode()
    assert "Agenda van Praktijk Rustpunt" in html and "Anna" in html


def test_on_a_sunday_the_agenda_shows_the_seven_days_from_today(
    client, practice_a, eva, patient_anna, follow_up
):
    with time_machine.travel(at(8, 12), tick=False):  # Sunday 8 March
        client.force_login(eva.user)
        html = client.get(f"/afspraken/agenda/{practice_a.public_id}/").content.decode()
    assert "Vandaag, zondag 8 maart 2026" in html and "zaterdag 14 maart 2026" in html
    assert "maandag 2 maart 2026" not in html  # not the week that ends
    # The appointments come before the folded filters (the first screen on a phone).
    assert html.index("Vandaag, zondag") < html.index('<details class="agenda-filters"')
