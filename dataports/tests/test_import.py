"""Bringing in daily scores from a CSV file: upload, columns, preview, import, report."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dataports.models import ImportUpload
from diary.models import CheckIn

from .helpers import fill_days

pytestmark = pytest.mark.django_db


def _upload(client, content: bytes, name="scores.csv"):
    return client.post(reverse("dataports:import"), {"file": SimpleUploadedFile(name, content)})


def _columns_url(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def test_upload_preview_and_import_report_row_by_row(client, patient_anna):
    today = patient_anna.local_date()
    fill_days(patient_anna, today - timedelta(days=1), [3])
    rows = [
        "Datum;Pijn;Moeheid;Opmerking",
        f"{(today - timedelta(days=3)).strftime('%d-%m-%Y')};6;5;goed",
        f"{(today - timedelta(days=2)).isoformat()};7;;",
        f"{(today - timedelta(days=1)).isoformat()};5;5;",
        f"{(today + timedelta(days=1)).isoformat()};5;5;",
        f"{(today - timedelta(days=4)).isoformat()};12;5;",
        "niet-een-datum;5;5;",
    ]
    client.force_login(patient_anna)
    url = _columns_url(_upload(client, "\n".join(rows).encode("cp1252")))
    preview = client.get(url)  # Datum and Pijn are recognised: a preview at once
    text = preview.content.decode()
    assert "2 dagen zijn nieuw" in text
    assert "deze datum ligt in de toekomst" in text
    assert "een score ligt niet tussen 0 en 10" in text
    assert "je hebt op deze dag al een check-in" in text
    assert "de datum is niet te lezen" in text
    assert CheckIn.objects.filter(patient=patient_anna).count() == 1  # nothing saved yet

    mapping = {"date": "0", "pain": "1", "fatigue": "2", "action": "import"}
    done = client.post(url, mapping)
    assert done.status_code == 200
    assert "2 dagen zijn nieuw" in done.content.decode()
    scores = dict(CheckIn.objects.filter(patient=patient_anna).values_list("date", "fatigue"))
    assert scores[today - timedelta(days=3)] == 5 and scores[today - timedelta(days=2)] is None
    assert CheckIn.objects.get(patient=patient_anna, date=today - timedelta(days=1)).pain == 3
    assert client.post(url, mapping).status_code == 404  # an upload is imported once

    again = client.post(_columns_url(_upload(client, "\n".join(rows).encode("cp1252"))), mapping)
    assert "0 dagen zijn nieuw" in again.content.decode()
    assert "staat al in je check-ins" in again.content.decode()
    assert CheckIn.objects.filter(patient=patient_anna).count() == 3


def test_unknown_columns_are_chosen_by_the_patient(client, patient_anna):
    day = patient_anna.local_date() - timedelta(days=2)
    client.force_login(patient_anna)
    url = _columns_url(_upload(client, f"when,how bad\n{day.isoformat()},4\n".encode()))
    page = client.get(url)
    assert page.status_code == 200 and "Laat zien wat er gebeurt" in page.content.decode()
    same_column = client.post(url, {"date": "0", "pain": "0", "action": "preview"})
    assert same_column.status_code == 422
    missing = client.post(url, {"date": "0", "action": "preview"})
    assert missing.status_code == 422
    wide = client.post(url, {"date": "0", "pain": "99", "action": "preview"})
    assert wide.status_code == 422
    preview = client.post(url, {"date": "0", "pain": "1", "action": "preview"})
    assert "1 dag is nieuw" in preview.content.decode()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "leeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "lijkt geen CSV-bestand"),
        (b'date,pain\n"2026-01-01,4\n', "niet als tabel lezen"),
        (b"date,pain\n", "geen regels met scores"),
        (b"date,pain\n" + b"2026-01-01,4\n" * 90_000, "te groot"),
        (b"PK\x03\x04broken", "niet als tabel lezen"),
    ],
)
def test_a_bad_file_gets_a_clear_message_never_a_500(client, patient_anna, content, words):
    client.force_login(patient_anna)
    response = _upload(client, content)
    assert response.status_code == 422
    assert words in response.content.decode()
    assert not ImportUpload.objects.exists()


def test_our_own_csv_export_brings_the_same_scores_into_a_new_account(
    client, patient_anna, patient_bram
):
    today = patient_anna.local_date()
    fill_days(patient_anna, today, [3, 5, 7, 2], fatigue=4, sleep_quality=8, mood=6)
    client.force_login(patient_anna)
    exported = client.post(reverse("dataports:export"), {"format": "csv"}).content
    original = list(
        CheckIn.objects.filter(patient=patient_anna)
        .order_by("date")
        .values_list("date", "pain", "fatigue", "sleep_quality", "stress", "mood", "gut")
    )
    client.force_login(patient_bram)
    url = _columns_url(_upload(client, exported, name="pijnreset-csv.zip"))
    preview = client.get(url)
    assert "4 dagen zijn nieuw" in preview.content.decode("utf-8")
    form = {"date": "", "pain": "", "action": "import"}
    from dataports.models import ImportUpload as Upload

    form.update({k: str(v) for k, v in Upload.objects.get(patient=patient_bram).mapping.items()})
    client.post(url, form)
    restored = list(
        CheckIn.objects.filter(patient=patient_bram)
        .order_by("date")
        .values_list("date", "pain", "fatigue", "sleep_quality", "stress", "mood", "gut")
    )
    assert restored == original


def test_bram_cannot_reach_annas_upload(client, patient_anna, patient_bram):
    client.force_login(patient_anna)
    url = _columns_url(_upload(client, b"date,pain\n2026-01-01,4\n"))
    client.force_login(patient_bram)
    assert client.get(url).status_code == 404
    assert client.post(url, {"date": "0", "pain": "1", "action": "import"}).status_code == 404
    assert not CheckIn.objects.exists()


def test_a_zip_without_check_ins_is_refused(client, patient_anna):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("other.csv", "a,b\n1,2\n")
    client.force_login(patient_anna)
    assert _upload(client, buffer.getvalue(), name="x.zip").status_code == 422
