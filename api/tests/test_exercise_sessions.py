"""PUT /api/v1/exercise-sessions/{client_id}: a session done offline, stored once."""

import json
import threading
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError, connection, transaction
from django.test import Client

from exercises.models import ExerciseSession
from tests.race import race

NOW = datetime(2026, 3, 10, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = NOW.date()  # in Amsterdam; still 9 March in UTC


def in_amsterdam(moment):
    return moment.astimezone(ZoneInfo("Europe/Amsterdam")).isoformat()


def session_body(**changes):
    body = {
        "exercise": "breathing",
        "local_date": TODAY.isoformat(),
        "started_at": (NOW - timedelta(minutes=3)).isoformat(),
        "ended_at": (NOW - timedelta(minutes=2)).isoformat(),
        "planned_seconds": 60,
        "duration_seconds": 60,
        "finished": True,
        "breath_in": 4,
        "breath_hold": 0,
        "breath_out": 6,
        "feeling_before": 4,
        "feeling_after": 6,
    }
    body.update(changes)
    return body


def put(client, client_id, body, **extra):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.put(
        f"/api/v1/exercise-sessions/{client_id}", data, content_type="application/json", **extra
    )


def errors(response):
    return {tuple(error["loc"]): error["type"] for error in response.json()["detail"]}


@pytest.fixture
def api(anna_token):
    return Client(headers={"Authorization": f"Bearer {anna_token}"})


@pytest.mark.django_db
class TestOneSessionPerClientId:
    @pytest.fixture(autouse=True)
    def frozen(self):
        with time_machine.travel(NOW, tick=False):
            yield

    def test_the_first_put_stores_the_session_as_it_went_on_the_device(self, api, patient_anna):
        client_id = uuid.uuid4()
        response = put(api, client_id, session_body())
        assert response.status_code == 200, response.content
        assert response.json()["created"] is True
        session = ExerciseSession.objects.get(patient=patient_anna)
        assert session.client_id == client_id
        assert session.local_date == TODAY
        assert session.status == "finished"
        assert session.duration_seconds == 60
        assert session.breath_pattern == (4, 0, 6)
        assert (session.feeling_before, session.feeling_after) == (4, 6)
        assert session.ended_at == NOW - timedelta(minutes=2)

    def test_a_retry_with_the_same_client_id_adds_nothing(self, api, patient_anna):
        client_id = uuid.uuid4()
        first = put(api, client_id, session_body())
        again = put(api, client_id, session_body(feeling_after=2))
        assert first.status_code == again.status_code == 200
        assert again.json()["created"] is False
        assert again.json()["feeling_after"] == 6  # the stored session, unchanged
        assert ExerciseSession.objects.filter(patient=patient_anna).count() == 1

    def test_another_patient_may_use_the_same_client_id(self, api, patient_bram):
        client_id = uuid.uuid4()
        assert put(api, client_id, session_body()).status_code == 200
        bram = Client()
        bram.force_login(patient_bram)
        response = put(bram, client_id, session_body(feeling_after=9))
        # Bram's session is his own row; Anna's is neither touched nor shown.
        assert response.status_code == 200
        assert response.json()["created"] is True
        assert response.json()["feeling_after"] == 9
        assert ExerciseSession.objects.filter(client_id=client_id).count() == 2

    def test_a_stopped_guided_session_is_stored_with_its_version(self, api, patient_anna):
        body = session_body(
            exercise="body_scan", version="5", planned_seconds=300, duration_seconds=120,
            finished=False, breath_in=None, breath_hold=None, breath_out=None,
        )  # fmt: skip
        assert put(api, uuid.uuid4(), body).status_code == 200
        session = ExerciseSession.objects.get(patient=patient_anna)
        assert (session.exercise, session.version, session.status) == ("body_scan", "5", "stopped")
        assert session.breath_pattern is None

    def test_a_paused_patient_keeps_a_session_already_done(self, api, patient_anna):
        from assessments.models import RedFlagCheck

        RedFlagCheck.objects.create(
            patient=patient_anna, context="something_new", answers={"weight_loss": True},
            routing="gp", submitted_at=NOW,
        )  # fmt: skip
        assert put(api, uuid.uuid4(), session_body()).status_code == 200

    @pytest.mark.parametrize(
        ("changes", "loc"),
        [
            ({"local_date": (TODAY - timedelta(days=8)).isoformat()}, ("body", "local_date")),
            ({"local_date": (TODAY + timedelta(days=1)).isoformat()}, ("body", "local_date")),
            ({"planned_seconds": 90, "duration_seconds": 60}, ("body", "planned_seconds")),
            ({"planned_seconds": 660, "duration_seconds": 60}, ("body", "planned_seconds")),
            ({"breath_in": 1}, ("body", "breath_in")),
            ({"breath_out": None}, ("body", "breath_in")),
            ({"version": "long"}, ("body", "version")),
            ({"duration_seconds": 61}, ("body", "duration_seconds")),
            ({"started_at": (NOW + timedelta(hours=1)).isoformat()}, ("body", "started_at")),
            ({"ended_at": (NOW - timedelta(hours=1)).isoformat()}, ("body", "ended_at")),
            ({"exercise": "pmr", "version": "middle"}, ("body", "version")),
        ],
    )
    def test_values_outside_the_pages_windows_are_422_naming_the_field(
        self, api, patient_anna, changes, loc
    ):
        response = put(api, uuid.uuid4(), session_body(**changes))
        assert response.status_code == 422, response.content
        assert errors(response).get(loc) == "invalid", response.json()
        assert not ExerciseSession.objects.exists()

    @pytest.mark.parametrize(
        ("changes", "loc", "kind"),
        [
            ({"exercise": "movement"}, ("body", "exercise"), "literal_error"),
            ({"feeling_after": 11}, ("body", "feeling_after"), "less_than_equal"),
            ({"finished": "yes"}, ("body", "finished"), "bool_type"),
            ({"started_at": "2026-03-10T00:00:00"}, ("body", "started_at"), "timezone_aware"),
            ({"started_at": "9999-12-31T23:59:59-23:59"}, ("body", "started_at"), "value_error"),
            ({"ended_at": 1773126000}, ("body", "ended_at"), "value_error"),  # a Unix time
            ({"planned_seconds": 2**40}, ("body", "planned_seconds"), "less_than_equal"),
            ({"colour": "blue"}, ("body", "colour"), "extra_forbidden"),
        ],
    )
    def test_the_schema_refuses_wrong_types_in_the_one_error_format(self, api, changes, loc, kind):
        response = put(api, uuid.uuid4(), session_body(**changes))
        assert response.status_code == 422
        assert errors(response).get(loc) == kind, response.json()

    def test_a_client_id_that_is_no_uuid_is_422(self, api):
        response = put(api, "not-a-uuid", session_body())
        assert response.status_code == 422
        assert ("path", "client_id") in errors(response)

    def test_staff_get_403_before_the_body_is_read(self, therapist_eva):
        client = Client(enforce_csrf_checks=False)
        client.force_login(therapist_eva)
        response = put(client, uuid.uuid4(), {"pain": 6})
        assert response.status_code == 403
        assert response.json()["detail"][0]["type"] == "not_patient"

    def test_without_log_in_401(self):
        assert put(Client(), uuid.uuid4(), session_body()).status_code == 401

    def test_the_page_session_needs_the_csrf_token(self, patient_anna):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(patient_anna)
        assert put(browser, uuid.uuid4(), session_body()).status_code == 403
        browser.get("/vandaag/")  # sets the CSRF cookie, as the page does
        token = browser.cookies["csrftoken"].value
        response = put(browser, uuid.uuid4(), session_body(), headers={"X-CSRFToken": token})
        assert response.status_code == 200
        assert ExerciseSession.objects.filter(patient=patient_anna).count() == 1


@pytest.mark.django_db(transaction=True)
def test_without_the_constraint_a_look_then_insert_makes_two_rows(patient_anna):
    """The race is real: look, then insert without the unique constraint's help.

    On PostgreSQL both transactions look before either inserts; only the
    constraint (patient, client_id) stops the second row. SQLite's BEGIN IMMEDIATE
    makes the second writer wait, so it sees the first row.
    """
    client_id = uuid.uuid4()
    postgres = connection.vendor == "postgresql"
    looked = threading.Barrier(2)
    now = datetime.now(tz=ZoneInfo("UTC"))

    def unguarded(i):
        with transaction.atomic():
            exists = ExerciseSession.objects.filter(
                patient=patient_anna, client_id=client_id
            ).exists()
            if postgres:
                looked.wait()
            if not exists:
                ExerciseSession.objects.create(
                    patient=patient_anna, client_id=client_id, exercise="pmr", version="short",
                    local_date=now.date(), started_at=now, planned_seconds=300,
                )  # fmt: skip
        return "saved"

    results = race(unguarded, attempts=2)
    if postgres:
        assert sum(isinstance(r, IntegrityError) for r in results) == 1
    else:
        assert results == ["saved", "saved"]
    assert ExerciseSession.objects.filter(client_id=client_id).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_puts_of_one_session_all_succeed_with_one_row(patient_anna, anna_token):
    client_id = uuid.uuid4()
    # Subtract in UTC: minus two minutes on an Amsterdam wall clock just after the
    # spring change lands in the skipped hour, which Python reads as an hour later.
    now = datetime.now(tz=ZoneInfo("UTC"))
    body = session_body(
        local_date=patient_anna.local_date().isoformat(),
        started_at=in_amsterdam(now - timedelta(minutes=2)),
        ended_at=in_amsterdam(now - timedelta(minutes=1)),
    )

    def send(i):
        client = Client(headers={"Authorization": f"Bearer {anna_token}"})
        response = put(client, client_id, body)
        return response.status_code, response.json().get("created")

    results = race(send, attempts=8)
    assert [status for status, _created in results] == [200] * 8
    assert sum(bool(created) for _status, created in results) == 1
    assert ExerciseSession.objects.filter(patient=patient_anna).count() == 1
