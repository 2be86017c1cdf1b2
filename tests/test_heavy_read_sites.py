"""Every heavy read-only call site runs inside `heavy_reads()` (issue 18, point 6).

tests/test_scaling.py shows that reads inside `heavy_reads()` go to the replica when
one is configured; here each call site is seen doing its reads inside it: a wrapper
on the database connection (Django's execute_wrapper) notes, for every SELECT,
whether it ran inside `heavy_reads()`.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from api.actions import create_access_token
from care.tests.helpers import give_second_factor
from dataports import actions as dataports
from diary.models import CheckIn
from pijnreset.db_routing import reading_heavily

pytestmark = pytest.mark.django_db


class Reads:
    def __init__(self) -> None:
        self.heavy: list[str] = []
        self.light: list[str] = []

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        if sql.lstrip().upper().startswith("SELECT"):
            (self.heavy if reading_heavily() else self.light).append(sql)
        return execute(sql, params, many, context)

    def of(self, table: str, *, heavy: bool) -> list[str]:
        return [sql for sql in (self.heavy if heavy else self.light) if table in sql]


def watched(call):  # type: ignore[no-untyped-def]
    reads = Reads()
    with connection.execute_wrapper(reads):
        call()
    return reads


def a_year_of_check_ins(patient, days=365):  # type: ignore[no-untyped-def]
    now, today = timezone.now(), patient.local_date()
    CheckIn.objects.bulk_create(
        CheckIn(patient=patient, date=today - timedelta(days=n), pain=n % 11, mood=5,
                created_at=now, updated_at=now)
        for n in range(days)
    )  # fmt: skip


def test_the_export_reads_the_account_heavily(patient_anna):
    a_year_of_check_ins(patient_anna, 30)
    reads = watched(
        lambda: dataports.export_data(
            patient=patient_anna, fmt="json", channel="web", now=timezone.now()
        )
    )
    assert reads.of("diary_checkin", heavy=True)
    assert not reads.of("diary_checkin", heavy=False)


def test_the_pdf_report_gathers_heavily(patient_anna):
    a_year_of_check_ins(patient_anna, 30)
    today = patient_anna.local_date()
    report = dataports.request_report(
        patient=patient_anna, first=today - timedelta(days=200), last=today,
        full_name="Anna", birth_date=None, include_notes=False, language="nl",
        now=timezone.now(),
    )  # fmt: skip
    report.status = report.Status.QUEUED
    report.save(update_fields=["status"])
    reads = watched(lambda: dataports.make_report(report.pk))
    assert reads.of("diary_checkin", heavy=True)
    assert not reads.of("diary_checkin", heavy=False)


def test_the_network_outcomes_page_reads_heavily(client, operator_olaf, patient_anna):
    a_year_of_check_ins(patient_anna, 30)
    give_second_factor(operator_olaf)
    client.force_login(operator_olaf)
    url = reverse("care_staff:outcomes")
    reads = watched(lambda: client.get(url))
    assert client.get(url).status_code == 200
    assert reads.of("diary_checkin", heavy=True)
    assert not reads.of("diary_checkin", heavy=False)


def test_a_long_trends_period_reads_heavily_and_a_short_one_on_the_primary(client, patient_anna):
    a_year_of_check_ins(patient_anna)
    client.force_login(patient_anna)
    long = watched(lambda: client.get("/inzicht/?periode=alles"))
    assert long.of("diary_checkin", heavy=True)
    short = watched(lambda: client.get("/inzicht/"))
    assert short.of("diary_checkin", heavy=False) and not short.of("diary_checkin", heavy=True)


def test_a_long_trends_period_in_the_api_reads_heavily(patient_anna):
    a_year_of_check_ins(patient_anna)
    token = create_access_token(user=patient_anna, name="t", now=timezone.now()).secret
    api = Client(headers={"Authorization": f"Bearer {token}"})
    today = patient_anna.local_date()
    url = f"/api/v1/me/trends?from={today - timedelta(days=300)}&to={today}"
    reads = watched(lambda: api.get(url))
    assert reads.of("diary_checkin", heavy=True)
    short = watched(lambda: api.get("/api/v1/me/trends"))
    assert short.of("diary_checkin", heavy=False) and not short.of("diary_checkin", heavy=True)
