"""GET /api/v1/me/change, /me/trends, /me/insights and PUT /me/factors/{date}.

The change endpoint reproduces the table of docs/clinical.md 3.2 from real daily
check-ins (exact fractions, the shown value decides the meaning)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from assessments.change import percent_change
from diary.models import CheckIn
from insights import actions
from insights.models import FactorEntry
from insights.tests.helpers import fill_days
from programme.tests.helpers import enrol

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(anna_token):
    return Client(headers={"Authorization": f"Bearer {anna_token}"})


def _check_ins(patient, first, scores):
    now = timezone.now()
    CheckIn.objects.bulk_create(
        CheckIn(patient=patient, date=first + timedelta(days=n), pain=p, created_at=now,
                updated_at=now)
        for n, p in enumerate(scores)
    )  # fmt: skip


# (baseline days, current days, baseline, current, percent_change, meaning): CLINICAL 3.2.
TABLE = [
    ([8, 8, 8, 8], [4, 4, 4, 4], "8.0", "4.0", "50.0", "substantial"),
    ([6, 6, 6, 6], [5, 6, 5, 6, 6, 5], "6.0", "5.5", "8.3", "no_important_change"),
    ([6, 6, 6, 6], [5, 5, 5, 5], "6.0", "5.0", "16.7", "minimal"),
    ([5, 5, 5, 5], [6, 6, 6, 6], "5.0", "6.0", "-20.0", "worse"),
    ([0, 0, 0, 0], [2, 2, 2, 2], "0.0", "2.0", None, "not_applicable"),
    ([7, 7, 7, 7, 6, 6], [5, 5, 5, 5, 4, 4], "6.7", "4.7", "30.0", "moderate"),
    ([8, 8, 8, 7], [6, 6, 6, 5, 5, 5, 5], "7.8", "5.4", "30.0", "moderate"),
    ([5, 5, 5, 4, 4, 4, 3, 3], [4, 4, 4, 4, 4, 3, 3], "4.1", "3.7", "10.0", "minimal"),
    ([6, 6, 6, 6], [6, 7, 6, 7], "6.0", "6.5", "-8.3", "no_important_change"),
    ([1, 2, 1, 2], [2, 2, 2, 1], "1.5", "1.8", "-16.7", "no_important_change"),
]


@pytest.mark.parametrize(("before", "now", "baseline", "current", "percent", "meaning"), TABLE)
def test_the_change_endpoint_reproduces_the_table_of_clinical_3_2(
    api, patient_anna, before, now, baseline, current, percent, meaning
):
    today = patient_anna.local_date()
    enrol(patient_anna, days_ago=40)
    _check_ins(patient_anna, today - timedelta(days=40), before)
    _check_ins(patient_anna, today - timedelta(days=len(now) - 1), now)
    body = api.get("/api/v1/me/change").json()
    assert (body["baseline"], body["current"]) == (baseline, current)
    assert (body["percent_change"], body["meaning"]) == (percent, meaning)
    assert (body["baseline_check_ins"], body["current_check_ins"]) == (len(before), len(now))


def test_seven_to_four_point_nine_is_thirty_percent_moderate_never_float_29_99():
    result = percent_change(Decimal("7.0"), Decimal("4.9"))
    assert (result.display, result.meaning) == (Decimal("30.0"), "moderate")


def test_fewer_than_4_check_ins_in_a_window_is_not_enough_data(api, patient_anna):
    today = patient_anna.local_date()
    enrol(patient_anna, days_ago=30)
    _check_ins(patient_anna, today - timedelta(days=30), [6, 6, 6])
    _check_ins(patient_anna, today - timedelta(days=3), [4, 4, 4, 4])
    body = api.get("/api/v1/me/change").json()
    assert body == body | {"baseline": None, "percent_change": None, "meaning": "not_enough_data"}
    assert body["current"] == "4.0"


def test_a_patient_with_one_check_in_has_not_enough_data(api, patient_anna):
    _check_ins(patient_anna, patient_anna.local_date(), [5])
    body = api.get("/api/v1/me/change").json()
    assert body["meaning"] == "not_enough_data"
    assert body["pgic"] == []


def test_the_current_window_never_overlaps_the_baseline(api, patient_anna):
    today = patient_anna.local_date()
    enrol(patient_anna, days_ago=10)
    _check_ins(patient_anna, today - timedelta(days=10), [6] * 11)
    body = api.get("/api/v1/me/change").json()
    assert body["meaning"] == "not_enough_data"
    assert body["current_check_ins"] == 0


def test_trends_give_daily_scores_with_the_rolling_mean(api, patient_anna):
    today = patient_anna.local_date()
    _check_ins(patient_anna, today - timedelta(days=4), [2, 3, 4, 5, 6])
    body = api.get(f"/api/v1/me/trends?from={today - timedelta(days=4)}&to={today}").json()
    assert body["from"] == str(today - timedelta(days=4))
    days = body["days"]
    assert [d["scores"]["pain"] for d in days] == [2, 3, 4, 5, 6]
    assert [d["rolling_mean"]["pain"] for d in days] == [None, None, None, "3.5", "4.0"]
    assert days[0]["scores"]["fatigue"] is None
    assert body["questionnaires"] == []


def test_trends_of_a_period_without_data_are_empty_days(api):
    body = api.get("/api/v1/me/trends?from=2001-01-01&to=2001-01-03").json()
    assert [d["scores"]["pain"] for d in body["days"]] == [None, None, None]


@pytest.mark.parametrize(
    "query",
    [
        "from=0001-01-01", "to=9999-12-31", "from=2026-13-45", "from=1899-12-31",
        "to=2101-01-01", "from=1900-01-01&to=2100-12-31", "from=2026-03-02&to=2026-03-01",
        "from=%00", "to=" + "x" * 3000, "from=2026-03-02T10:00:00+14:00",
    ],
)  # fmt: skip
def test_wide_trend_periods_are_refused_with_422_never_a_500(api, query):
    response = api.get(f"/api/v1/me/trends?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_insights_list_every_comparison_and_at_most_three_shown(api, patient_anna):
    fill_days(patient_anna, today=patient_anna.local_date(), days=90, breathing_effect=2)
    body = api.get("/api/v1/me/insights").json()
    assert 1 <= len(body["shown"]) <= 3
    shown = next(c for c in body["shown"] if c["factor"] == "breathing")
    assert shown["outcome"] == "pain"
    assert Decimal(shown["interval_high"]) < 0 < shown["days_with"]
    assert len(body["tested"]) == 12  # six factors x next-day pain and tiredness


def test_factor_values_over_the_api(api, patient_anna):
    factor = actions.add_factor(patient=patient_anna, name="werk", kind="scale", now=timezone.now())
    url = f"/api/v1/me/factors/{patient_anna.local_date()}"
    ok = api.put(url, {"values": {str(factor.public_id): 7}}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["stored"] == 1
    assert FactorEntry.objects.get().value == 7
    bad = api.put(url, {"values": {str(factor.public_id): 11}}, content_type="application/json")
    assert bad.status_code == 422
    extra = api.put(url, {"pain": 3}, content_type="application/json")
    assert extra.status_code == 422 and extra.json()["detail"][0]["type"] == "extra_forbidden"
    unknown = api.put(url, {"values": {"nope": 1}}, content_type="application/json")
    assert unknown.status_code == 422
    old = f"/api/v1/me/factors/{patient_anna.local_date() - timedelta(days=30)}"
    assert api.put(old, {"values": {}}, content_type="application/json").status_code == 422


def test_a_therapist_gets_403(therapist_eva):
    from api.actions import create_access_token

    token = create_access_token(user=therapist_eva, name="t", now=timezone.now()).secret
    client = Client(headers={"Authorization": f"Bearer {token}"})
    for url in ("/api/v1/me/change", "/api/v1/me/trends", "/api/v1/me/insights"):
        assert client.get(url).status_code == 403
