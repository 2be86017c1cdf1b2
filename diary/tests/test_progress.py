from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from diary import actions
from diary.models import CheckInRevision
from diary.values import CheckInValues

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = date(2026, 3, 10)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def record(user, day, pain, note=""):
    actions.record_check_in(
        patient=user,
        day=day,
        values=CheckInValues(pain=pain, note=note),
        now=timezone.now(),
        source=CheckInRevision.Source.FORM,
    )


def test_the_month_links_recent_days_to_the_form_and_older_check_ins_to_a_read_only_day(
    client, patient_anna
):
    with time_machine.travel(NOW - timedelta(days=20), tick=False):
        record(patient_anna, date(2026, 2, 18), 7, note="oude dag")
    record(patient_anna, date(2026, 3, 9), 4)
    client.force_login(patient_anna)

    page = client.get("/voortgang/").content.decode()
    assert 'href="/dagboek/2026-03-09/"' in page  # within 7 days: the check-in form
    assert 'href="/dagboek/"' in page and 'aria-current="date"' in page  # today
    assert "/dagboek/2026-03-01/" not in page  # too old to fill in, and empty: no link
    assert "?maand=2026-02" in page and "?maand=2026-04" not in page

    february = client.get("/voortgang/?maand=2026-02").content.decode()
    assert 'href="/voortgang/dag/2026-02-18/"' in february
    day = client.get("/voortgang/dag/2026-02-18/")
    assert day.status_code == 200
    assert "oude dag" in day.content.decode()
    assert "/dagboek/2026-02-18/" not in day.content.decode()  # no longer editable


@pytest.mark.parametrize(
    "query", ["9999-12", "0000-00", "-5", "2026-99", "x" * 5000, "2026-03%00", "1-1"]
)
def test_extreme_months_in_the_query_never_fail(client, patient_anna, query):
    client.force_login(patient_anna)
    assert client.get("/voortgang/", {"maand": query}).status_code == 200


def test_another_patient_never_sees_a_day_and_staff_are_refused(
    client, patient_anna, patient_bram, therapist_eva
):
    record(patient_anna, date(2026, 3, 5), 6, note="alleen van Anna")
    client.force_login(patient_bram)
    assert client.get("/voortgang/dag/2026-03-05/").status_code == 404
    assert "alleen van Anna" not in client.get("/voortgang/?maand=2026-03").content.decode()
    client.force_login(therapist_eva)
    assert client.get("/voortgang/").status_code == 403


def test_the_latest_questionnaire_results_and_the_full_list_are_linked(client, patient_anna):
    client.force_login(patient_anna)
    page = client.get("/voortgang/").content.decode()
    assert 'href="/vragenlijsten/"' in page
