"""Every table with the patient's rows is exported (or says why not), and the pure parts."""

from datetime import date
from decimal import Decimal

from django.apps import apps

from accounts.models import User
from dataports.collect import KINDS, NOT_EXPORTED
from dataports.figures import Day, averages, baseline_change, series


def test_every_table_with_a_key_to_the_user_is_exported_or_explained():
    exported = {(kind.label, kind.owner) for kind in KINDS}
    found = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is User
    }
    unknown = found - exported - set(NOT_EXPORTED)
    assert not unknown, f"export these in dataports/collect.py KINDS or explain: {unknown}"
    assert not (exported | set(NOT_EXPORTED)) - found  # nothing stale


def _days(pains, first=date(2026, 3, 1)):
    from datetime import timedelta

    return {first + timedelta(days=i): p for i, p in enumerate(pains)}


def test_change_against_the_baseline_follows_clinical_3_2_exactly():
    start = date(2026, 3, 1)
    # 20/3 -> 14/3 is 30.0 % moderate (means rounded first give 29.99 %).
    pains = {**_days([7, 7, 7, 7, 6, 6], start), **_days([5, 5, 5, 5, 4, 4], date(2026, 4, 1))}
    change = baseline_change(pains, start=start, last_day=date(2026, 4, 6))
    assert change.result is not None
    assert (change.result.display, change.result.meaning) == (Decimal("30.0"), "moderate")
    # 7.75 (8, 8, 8, 7) -> 38/7 (6, 6, 6, 5, 5, 5, 5): exact 29.95, shown 30.0, moderate.
    pains = {**_days([8, 8, 8, 7], start), **_days([6, 6, 6, 5, 5, 5, 5], date(2026, 4, 1))}
    change = baseline_change(pains, start=start, last_day=date(2026, 4, 7))
    assert (change.result.display, change.result.meaning) == (Decimal("30.0"), "moderate")
    # 5.0 -> 6.0: 20.0 % higher, worse.
    pains = {**_days([5] * 4, start), **_days([6] * 4, date(2026, 4, 1))}
    change = baseline_change(pains, start=start, last_day=date(2026, 4, 4))
    assert (change.result.direction, change.result.shown_size) == ("higher", Decimal("20.0"))
    assert change.result.meaning == "worse"


def test_too_few_check_ins_is_not_enough_data():
    start = date(2026, 3, 1)
    three = {**_days([7, 7, 7], start), **_days([5] * 7, date(2026, 4, 1))}
    assert not baseline_change(three, start=start, last_day=date(2026, 4, 7)).enough_data
    recent = {**_days([7] * 14, start), **_days([5] * 3, date(2026, 4, 5))}
    assert not baseline_change(recent, start=start, last_day=date(2026, 4, 7)).enough_data
    assert not baseline_change({}, start=start, last_day=date(2026, 4, 7)).enough_data


def test_averages_round_once_half_up_and_count_days():
    days = [Day(date(2026, 3, d), {"pain": p, "fatigue": None}) for d, p in ((1, 2), (2, 3))]
    found = averages(days, ("pain", "fatigue"))
    assert found["pain"].shown == Decimal("2.5") and found["pain"].days == 2
    assert found["fatigue"].shown is None and found["fatigue"].days == 0
    quarter = [Day(date(2026, 3, d), {"pain": p}) for d, p in ((1, 2), (2, 2), (3, 2), (4, 3))]
    assert averages(quarter, ("pain",))["pain"].shown == Decimal("2.3")  # 2.25 half up


def test_series_has_a_gap_for_a_missing_day():
    days = [Day(date(2026, 3, 1), {"pain": 4}), Day(date(2026, 3, 3), {"pain": 6})]
    assert series(days, "pain", date(2026, 3, 1), date(2026, 3, 3)) == [4, None, 6]
