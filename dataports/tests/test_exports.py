"""Exports: JSON, a ZIP of CSV files and a FHIR R4 bundle, from the page and from the API."""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from fhir.resources.R4B.bundle import Bundle

from accounts import actions as account_actions
from dataports.models import ExportRecord
from dataports.texts import NOT_SENT_YET
from diary import actions as diary_actions
from diary.models import CheckInRevision
from diary.values import CheckInValues

from .helpers import submit

pytestmark = pytest.mark.django_db


def _check_in_with_history(anna):
    now = timezone.now()
    day = anna.local_date(now)
    for pain in (6, 4):
        diary_actions.record_check_in(
            patient=anna,
            day=day,
            values=CheckInValues(pain=pain, fatigue=5, note="rustig"),
            now=now,
            source=CheckInRevision.Source.FORM,
        )
    return day


def _download(client, fmt):
    response = client.post(reverse("dataports:export"), {"format": fmt})
    assert response.status_code == 200, response.content[:500]
    assert "attachment" in response["Content-Disposition"]
    return response


def test_json_has_every_entry_with_offset_local_date_values_and_history(client, patient_anna):
    day = _check_in_with_history(patient_anna)
    client.force_login(patient_anna)
    data = json.loads(_download(client, "json").content)
    (entry,) = data["checkins"]
    assert entry["local_date"] == day.isoformat()
    assert entry["pain"] == 4
    recorded = entry["recorded_at"]
    assert recorded[-6] in "+-" and recorded[-3] == ":"  # ISO 8601 with the offset
    assert entry["history"][0]["previous"]["pain"] == 6
    assert data["account"]["email"] == "anna@example.nl"
    assert ExportRecord.objects.get(patient=patient_anna).format == "json"


def test_csv_zip_has_one_file_per_kind(client, patient_anna):
    day = _check_in_with_history(patient_anna)
    client.force_login(patient_anna)
    archive = zipfile.ZipFile(io.BytesIO(_download(client, "csv").content))
    assert {"checkins.csv", "questionnaires.csv", "movement.csv"} <= set(archive.namelist())
    rows = list(csv.DictReader(io.StringIO(archive.read("checkins.csv").decode())))
    assert rows[0]["local_date"] == day.isoformat()
    assert rows[0]["pain"] == "4"


def test_fhir_bundle_validates_with_loinc_for_pain_phq9_and_gad7(client, patient_anna):
    _check_in_with_history(patient_anna)
    submit(patient_anna, "phq9", answer=0)
    submit(patient_anna, "gad7", answer=2)
    client.force_login(patient_anna)
    data = json.loads(_download(client, "fhir").content)
    Bundle.model_validate(data)
    codes = [
        coding["code"]
        for entry in data["entry"]
        if entry["resource"]["resourceType"] == "Observation"
        for coding in entry["resource"]["code"]["coding"]
    ]
    assert {"72514-3", "fatigue", "44261-6", "70274-6"} <= set(codes)
    answers = [e["resource"] for e in data["entry"]]
    observations = [r for r in answers if r["resourceType"] == "Observation"]
    gad7 = next(r for r in observations if r["code"]["coding"][0]["code"] == "70274-6")
    assert gad7["valueInteger"] == 14 and gad7["interpretation"][0]["text"] == "moderate"
    kinds = [r["resourceType"] for r in answers]
    assert kinds.count("QuestionnaireResponse") == 2


def test_every_export_of_an_empty_account_works(client, patient_bram):
    client.force_login(patient_bram)
    for fmt in ("json", "csv", "fhir"):
        _download(client, fmt)
    Bundle.model_validate(json.loads(_download(client, "fhir").content))
    assert ExportRecord.objects.filter(patient=patient_bram).count() == 4


def test_an_unknown_format_is_a_clear_422(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post(reverse("dataports:export"), {"format": "xml"})
    assert response.status_code == 422
    assert not ExportRecord.objects.exists()


def test_api_export_in_each_format_and_logged(client, patient_anna):
    _check_in_with_history(patient_anna)
    client.force_login(patient_anna)
    answer = client.get("/api/v1/me/export?format=json")
    assert answer.status_code == 200
    assert json.loads(answer.content)["checkins"][0]["pain"] == 4
    assert client.get("/api/v1/me/export?format=csv")["Content-Type"] == "application/zip"
    fhir = client.get("/api/v1/me/export?format=fhir")
    assert fhir["Content-Type"] == "application/fhir+json"
    assert client.get("/api/v1/me/export?format=pdf").status_code == 422
    assert ExportRecord.objects.filter(patient=patient_anna, channel="api").count() == 3


def test_after_withdrawing_consent_nothing_can_be_exported(client, patient_anna):
    account_actions.withdraw_consent(
        user=patient_anna, purpose="health_data", now=timezone.now() + timedelta(seconds=1)
    )
    client.force_login(patient_anna)
    assert client.post(reverse("dataports:export"), {"format": "json"}).status_code == 403
    assert client.get("/api/v1/me/export").status_code == 403
    assert not ExportRecord.objects.exists()


def test_my_data_says_that_what_waits_on_the_device_is_not_in_the_download(client, patient_anna):
    client.force_login(patient_anna)
    dutch = client.get(reverse("dataports:overview")).content.decode()
    assert (
        "Check-ins en oefeningen die nog op je apparaat wachten om verstuurd te worden, "
        "zitten niet in deze download." in dutch
    )
    with translation.override("en"):
        english = client.get(reverse("dataports:overview")).content.decode()
        assert str(NOT_SENT_YET) in english
    assert "Check-ins and exercises still waiting on your device to be sent" in english


def test_the_json_export_says_it_too_and_keeps_a_newer_phones_history(client, patient_anna):
    now = timezone.now()
    day = patient_anna.local_date(now)
    for pain, minutes in ((3, 0), (6, -30)):  # the edit from 30 minutes before arrives last
        diary_actions.record_check_in(
            patient=patient_anna,
            day=day,
            values=CheckInValues(pain=pain),
            now=now,
            source=CheckInRevision.Source.API,
            edited_at=now + timedelta(minutes=minutes),
        )
    client.force_login(patient_anna)
    data = json.loads(_download(client, "json").content)
    assert data["not_included"].startswith("Check-ins en oefeningen die nog op je apparaat")
    (entry,) = data["checkins"]
    assert entry["pain"] == 3
    (older,) = entry["history"]
    assert (older["source"], older["previous"]["pain"]) == ("offline", 6)
    assert older["edited_at"][-6] in "+-" and older["edited_at"][-3] == ":"
