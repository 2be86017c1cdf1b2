"""The patient, the report for their doctor and their therapist see the same change against
the start (docs/clinical.md 3.2; assessments.change.pain_change), also in the first weeks."""

from datetime import timedelta

import pytest
from django.utils import timezone

from care.detail import baseline_change as therapists_change
from dataports.models import Report
from dataports.report import gather
from diary.models import CheckIn
from insights.data import change_for
from programme.tests.helpers import enrol

pytestmark = pytest.mark.django_db


def _checkins(patient, start, scores):
    now = timezone.now()
    CheckIn.objects.bulk_create(
        CheckIn(patient=patient, date=start + timedelta(days=n), pain=score, created_at=now,
                updated_at=now)
        for n, score in enumerate(scores)
    )  # fmt: skip


def _report_change(patient, today):
    report = Report.objects.create(
        patient=patient, first_day=today - timedelta(days=27), last_day=today, language="nl",
        created_at=timezone.now(),
    )  # fmt: skip
    return gather(report).change


@pytest.mark.parametrize(("days_in", "expect_result"), [(10, False), (40, True)])
def test_every_page_shows_one_change(patient_anna, days_in, expect_result):
    today = patient_anna.local_date()
    start = today - timedelta(days=days_in)
    enrol(patient_anna, days_ago=days_in)
    # Daily check-ins from the start: 7 in the first two weeks, 5 since.
    _checkins(patient_anna, start, [7 if n < 14 else 5 for n in range(days_in + 1)])

    patients = change_for(patient_anna, today).result
    therapists = therapists_change(patient_anna, today)
    report = _report_change(patient_anna, today)
    assert report is not None
    if not expect_result:  # day 10: the windows would overlap, so no change yet anywhere
        assert patients is None and therapists is None and report.result is None
        return
    assert patients is not None and patients.display == therapists.display
    assert report.result is not None and report.result.display == patients.display
    assert patients.meaning == therapists.meaning == report.result.meaning == "minimal"
