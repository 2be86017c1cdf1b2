"""My data in a real browser: the PDF overview, the three exports, and bringing the exported
CSV back into a new account (issue 14, points 6-8)."""

import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from conftest import make_user
from dataports.tests.helpers import fill_days, submit
from diary.models import CheckIn
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCORES = ("date", "pain", "fatigue", "sleep_quality", "stress", "mood", "gut")


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def _download(page, click) -> bytes:
    with page.expect_download() as info:
        click()
    return Path(info.value.path()).read_bytes()


def _scores(user):
    return list(CheckIn.objects.filter(patient=user).order_by("date").values_list(*SCORES))


def test_overview_pdf_exports_and_restoring_the_csv_in_a_new_account(page, live_server):
    anna = make_user("anna@example.nl", name="Anna")
    today = anna.local_date()
    fill_days(anna, today, [6, 5, 7, 4, 5, 3], fatigue=5, sleep_quality=6, note="Rustige dag.")
    submit(anna, "phq9", answer=0)
    _log_in(page, live_server, anna)

    page.goto(f"{live_server.url}/mijn-gegevens/")
    page.get_by_role("heading", name="Mijn gegevens", level=1).wait_for()
    assert_accessible(page)

    # The overview for a doctor or therapist.
    page.get_by_role("link", name="Maak een overzicht").click()
    page.get_by_label("Je naam op het overzicht (mag leeg blijven)").fill("Anna de Vries")
    page.get_by_label("Zet mijn eigen notities uit de check-ins erbij").check()
    assert_accessible(page)
    page.get_by_role("button", name="Maak het overzicht").click()
    link = page.get_by_role("link", name="Download het overzicht (PDF)")
    link.wait_for()
    assert_accessible(page)
    reader = PdfReader(io.BytesIO(_download(page, link.click)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert 1 <= len(reader.pages) <= 2
    for words in ("Overzicht voor je arts of therapeut", "Anna de Vries", "PHQ-9", "Rustige dag"):
        assert words in text, words

    # The three exports.
    page.goto(f"{live_server.url}/mijn-gegevens/")
    as_json = json.loads(
        _download(page, page.get_by_role("button", name="Download als JSON").click)
    )
    assert len(as_json["checkins"]) == 6
    assert as_json["checkins"][0]["recorded_at"][-6] in "+-"
    csv_zip = _download(
        page, page.get_by_role("button", name="Download als CSV-bestanden (ZIP)").click
    )
    assert "checkins.csv" in zipfile.ZipFile(io.BytesIO(csv_zip)).namelist()
    fhir = json.loads(
        _download(page, page.get_by_role("button", name="Download als FHIR (voor zorg-apps)").click)
    )
    Bundle.model_validate(fhir)
    page.reload()
    page.get_by_role("heading", name="Wanneer je je gegevens downloadde").wait_for()
    assert_accessible(page)

    # A new account brings the exported CSV back: the same scores.
    page.context.clear_cookies()
    newcomer = make_user("nieuw@example.nl", name="Nieuw")
    _log_in(page, live_server, newcomer)
    page.goto(f"{live_server.url}/mijn-gegevens/importeren/")
    page.get_by_label("CSV-bestand met je dagelijkse scores").set_input_files(
        files=[{"name": "pijnreset-csv.zip", "mimeType": "application/zip", "buffer": csv_zip}]
    )
    page.get_by_role("button", name="Verder: kies de kolommen").click()
    page.get_by_text("6 dagen zijn nieuw.").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Zet deze scores erin").click()
    page.get_by_role("heading", name="Scores toegevoegd").wait_for()
    assert [row[1:] for row in _scores(newcomer)] == [row[1:] for row in _scores(anna)]
    assert [row[0] for row in _scores(newcomer)] == [row[0] for row in _scores(anna)]


def test_bad_files_get_a_clear_message(page, live_server):
    bram = make_user("bram@example.nl", name="Bram")
    _log_in(page, live_server, bram)
    page.goto(f"{live_server.url}/mijn-gegevens/importeren/")
    field = page.get_by_label("CSV-bestand met je dagelijkse scores")
    field.set_input_files(
        files=[{"name": "foto.csv", "mimeType": "text/csv", "buffer": b"\x89PNG\r\n\x00\x00"}]
    )
    page.get_by_role("button", name="Verder: kies de kolommen").click()
    page.get_by_text("Dit lijkt geen CSV-bestand").wait_for()
    assert_accessible(page)
    future = (bram.local_date() + timedelta(days=3)).isoformat()
    field = page.get_by_label("CSV-bestand met je dagelijkse scores")
    field.set_input_files(
        files=[
            {
                "name": "scores.csv",
                "mimeType": "text/csv",
                "buffer": f"datum,pijn\n{future},5\n2026-01-02,14\n".encode(),
            }
        ]
    )
    page.get_by_role("button", name="Verder: kies de kolommen").click()
    page.get_by_text("0 dagen zijn nieuw.").wait_for()
    assert page.get_by_text("overgeslagen: deze datum ligt in de toekomst").count() >= 1
    assert page.get_by_text("overgeslagen: een score ligt niet tussen 0 en 10").count() >= 1
    assert_accessible(page)


def test_permissions_with_dates_withdrawn_at_once_and_the_erasure_explained(page, live_server):
    from accounts.models import User
    from conftest import PASSWORD

    anna = make_user("anna@example.nl", name="Anna")
    fill_days(anna, anna.local_date(), [5])
    _log_in(page, live_server, anna)
    page.goto(f"{live_server.url}/account/profiel/")
    page.get_by_role("link", name="Mijn gegevens").wait_for()
    assert page.get_by_role("button", name="Deze toestemming intrekken").count() == 1
    assert_accessible(page)
    page.get_by_role("button", name="Deze toestemming intrekken").click()
    page.goto(f"{live_server.url}/mijn-gegevens/")  # at once: nothing clinical any more
    assert page.get_by_role("heading", name="Mijn gegevens", level=1).count() == 0

    page.goto(f"{live_server.url}/account/verwijderen/")
    page.get_by_text("WGBO", exact=False).wait_for()
    assert_accessible(page)
    page.get_by_label("Je wachtwoord").fill(PASSWORD)
    page.get_by_label("Ja, verwijder mijn account en al mijn gegevens voorgoed.").check()
    page.get_by_role("button", name="Mijn account verwijderen").click()
    page.wait_for_url(f"{live_server.url}/")
    assert not User.objects.filter(pk=anna.pk).exists()
    assert not CheckIn.objects.exists()
