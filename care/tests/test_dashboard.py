"""The caseload overview (issue 15 point 2): sorted by need, constant queries, logged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Consent, User
from assessments.models import SafetyFlag
from care.models import AccessLogEntry, Action, Share
from care.tests.helpers import share
from conftest import make_user
from diary.models import CheckIn

pytestmark = pytest.mark.django_db


def _check_ins(patient, today, scores_by_offset):
    now = timezone.now()
    CheckIn.objects.bulk_create(
        CheckIn(
            patient=patient,
            date=today - timedelta(days=offset),
            pain=pain,
            created_at=now,
            updated_at=now,
        )
        for offset, pain in scores_by_offset.items()
    )


def _crisis(patient):
    SafetyFlag.objects.create(
        patient=patient, kind=SafetyFlag.Kind.CRISIS, created_at=timezone.now()
    )


def test_sorted_by_need_with_sparkline_and_last_check_in(eva_client, therapist_eva, eva):
    today = therapist_eva.local_date(timezone.now())
    steady = make_user("steady@example.nl", name="Aa Steady")
    quiet = make_user("quiet@example.nl", name="Bb Quiet")
    worse = make_user("worse@example.nl", name="Cc Worse")
    crisis = make_user("crisis@example.nl", name="Dd Crisis")
    _check_ins(steady, today, {d: 4 for d in range(21)})
    _check_ins(quiet, today, {d: 4 for d in range(8, 21)})
    _check_ins(worse, today, {**{d: 3 for d in range(7, 21)}, **{d: 6 for d in range(7)}})
    _check_ins(crisis, today, {d: 4 for d in range(21)})
    _crisis(crisis)
    for patient in (steady, quiet, worse, crisis):
        share(patient, eva)
    page = eva_client.get(reverse("care_staff:dashboard")).content.decode()
    order = [page.index(name) for name in ("Dd Crisis", "Cc Worse", "Bb Quiet", "Aa Steady")]
    assert order == sorted(order)
    assert page.count("<polyline") == 4
    only_quiet = eva_client.get(reverse("care_staff:dashboard") + "?toon=quiet").content.decode()
    assert "Bb Quiet" in only_quiet and "Aa Steady" not in only_quiet
    assert eva_client.get(reverse("care_staff:dashboard") + "?toon=<x>").status_code == 200


def test_a_crisis_flag_shows_only_when_questionnaires_are_shared(eva_client, eva, patient_anna):
    _crisis(patient_anna)
    share(patient_anna, eva, questionnaires=False)
    page = eva_client.get(reverse("care_staff:dashboard")).content.decode()
    assert "Anna" in page and "badge--crisis" not in page


def test_every_row_shown_is_logged(eva_client, therapist_eva, eva, patient_anna, patient_bram):
    share(patient_anna, eva)
    share(patient_bram, eva)
    eva_client.get(reverse("care_staff:dashboard"))
    logged = AccessLogEntry.objects.filter(action=Action.DASHBOARD_ROW, actor=therapist_eva)
    assert sorted(logged.values_list("patient_id", flat=True)) == sorted(
        [patient_anna.pk, patient_bram.pk]
    )


def _caseload(eva, count: int) -> None:
    """`count` sharing patients, each with 28 days of check-ins, in bulk."""
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"p{i}@example.nl", display_name=f"Patient {i}", role="patient")
        for i in range(count)
    )
    health = Consent.objects.bulk_create(
        Consent(user=u, purpose=Consent.Purpose.HEALTH_DATA, text_version="t", given_at=now)
        for u in users
    )
    sharing = Consent.objects.bulk_create(
        Consent(user=u, purpose=Consent.Purpose.THERAPIST_SHARING, text_version="t", given_at=now)
        for u in users
    )
    assert len(health) == count
    today = timezone.localdate()
    Share.objects.bulk_create(
        Share(
            patient=u,
            therapist=eva,
            practice=eva.practices.get(),
            via=Share.Via.THERAPIST,
            starts_on=today - timedelta(days=30),
            consent=c,
            text_version="t",
            given_at=now,
        )
        for u, c in zip(users, sharing, strict=True)
    )
    CheckIn.objects.bulk_create(
        CheckIn(
            patient=u,
            date=today - timedelta(days=d),
            pain=(i + d) % 11,
            created_at=now,
            updated_at=now,
        )
        for i, u in enumerate(users)
        for d in range(28)
    )


def test_two_hundred_patients_in_at_most_ten_queries(eva_client, therapist_eva, eva):
    _caseload(eva, 200)
    eva_client.get(reverse("care_staff:dashboard"))  # warm caches (sessions, site)
    with CaptureQueriesContext(connection) as queries:
        response = eva_client.get(reverse("care_staff:dashboard"))
    assert response.status_code == 200
    assert response.content.decode().count("<polyline") == 200
    assert len(queries) <= 10, "\n".join(q["sql"][:150] for q in queries)
    assert AccessLogEntry.objects.filter(action=Action.DASHBOARD_ROW).count() == 400
