"""Erasure (GDPR art. 17, CLINICAL.md section 8): deleting an account erases the patient's
own data for real, table by table.

The tables are DISCOVERED: every model with a foreign key (or one-to-one, or many-to-many)
to the user. Each must hold a row of Anna before she deletes her account (so the test
proves something) unless EXEMPT says why it cannot, and none may hold a row of hers after.
A new table with a key to the user is in this test the day it is added. Bram's rows stay.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from conftest import PASSWORD
from programme.tests.helpers import lessons  # noqa: F401  (fixture)
from tests.test_clinical_gate import build_anna

# (model label, field) -> why Anna has no row there before she deletes her account.
EXEMPT = {
    ("admin.LogEntry", "user"): "staff actions in the admin; a patient has none",
    ("practices.Practice", "managers"): "practice managers are staff",
    ("practices.Therapist", "user"): "a therapist's own profile is staff",
    ("bookings.Appointment", "cancelled_by"): "set when an appointment is cancelled (SET_NULL)",
    ("reviews.ModerationDecision", "moderator"): "moderators are the network's staff",
    ("reviews.Reply", "author"): "replies are written by a practice's staff",
    ("reviews.ReviewReport", "reporter"): "reports are made by a practice's staff",
    ("stories.StoryDecision", "moderator"): "moderators are the network's staff",
    ("mfa.Authenticator", "user"): "a second factor (required for staff); CASCADE with the user",
    ("shop.Order", "user"): "a shop order is the seller's bookkeeping, kept 7 years, with no "
    "health data; deleting the account clears its link (SET_NULL)",
    ("care.ClinicalNote", "patient"): "the practice's own record (WGBO, CLINICAL.md 8); "
    "deleting the account clears its link (SET_NULL)",
    ("care.ClinicalNote", "author"): "clinical notes are written by therapists",
    ("care.Homework", "patient"): "set by a therapist the patient shares with; CASCADE",
    ("care.CareMessage", "patient"): "written by a therapist the patient shares with; CASCADE",
}
# Rows that stay after the account is gone, and why: the NEN 7513 access log is append-only
# and kept five years by law; it holds ids and what was read, never the health data itself.
KEPT_BY_LAW = {
    ("care.AccessLogEntry", "patient"): "NEN 7513 access log, kept 5 years",
    ("care.AccessLogEntry", "actor"): "NEN 7513 access log, kept 5 years",
}

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def user_keys() -> list[tuple[type[models.Model], models.Field]]:
    """Every (model, field) that points at a user, found by introspection."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is User:
                found.append((model, field))
    return found


def rows_of(model: type[models.Model], field: models.Field, user_id: int) -> int:
    return model._default_manager.filter(**{field.name: user_id}).count()


def _everything_of(anna: User) -> None:
    """Anna with a row in every table: the clinical gate's data, plus bookings and dataports."""
    from bookings import actions as booking_actions
    from dataports import actions as data_actions
    from practices.tests.factories import make_practice, make_therapist

    build_anna(anna)
    practice = make_practice("Praktijk Rustpunt")
    eva = make_therapist("Eva de Vries", practices=(practice,))
    appointment = booking_actions.book_slot(
        practice=practice,
        therapist=eva,
        appointment_type=practice.appointment_types.get(slug="follow_up"),
        kind="in_person",
        start=datetime(2026, 3, 4, 9, 0, tzinfo=UTC),  # a Wednesday morning, as in NOW's week
        now=timezone.now(),
        patient=anna,
    )
    now = timezone.now()
    today = anna.local_date(now)
    data_actions.export_data(patient=anna, fmt="json", channel="web", now=now)
    data_actions.request_report(
        patient=anna, first=today - timedelta(days=6), last=today, full_name="Anna",
        birth_date=None, include_notes=True, language="nl", now=now,
    )  # fmt: skip
    data_actions.upload_scores(
        patient=anna, filename="s.csv", raw=b"date,pain\n2026-01-01,4\n", now=now
    )
    from exercises.models import MovementQuota, MovementSettings

    MovementQuota.objects.create(
        patient=anna, minutes=10, started_on=today, reason="start", created_at=now
    )
    MovementSettings.objects.create(patient=anna, updated_at=now)
    from bookings.models import Status
    from insights.models import SummaryPreference
    from reviews.models import Review

    SummaryPreference.objects.create(patient=anna, email=True)
    from stories.actions import StoryValues, write_story

    appointment.status = Status.COMPLETED
    appointment.save(update_fields=["status"])
    Review.objects.create(
        appointment=appointment, practice=practice, therapist=eva, author=anna, overall=4,
        recommends=True, text="Rustige uitleg en goed geluisterd.", created_at=now,
        updated_at=now,
    )  # fmt: skip
    write_story(
        actor=anna, values=StoryValues(title="Mijn weg", text="Het gaat langzaam beter. " * 8),
        language="nl", now=now,
    )  # fmt: skip


@pytest.mark.django_db
def test_deleting_an_account_erases_every_table_of_the_patient(
    client,
    patient_anna,
    patient_bram,
    lessons,  # noqa: F811
):
    with time_machine.travel(NOW, tick=False):
        _everything_of(patient_anna)
        build_anna(patient_bram)
    keys = user_keys()
    assert len(keys) >= 20, [f"{m._meta.label}.{f.name}" for m, f in keys]
    missing = [
        f"{model._meta.label}.{field.name}"
        for model, field in keys
        if (model._meta.label, field.name) not in EXEMPT | KEPT_BY_LAW
        and rows_of(model, field, patient_anna.pk) == 0
    ]
    assert not missing, f"give Anna a row in these tables, or explain in EXEMPT: {missing}"
    bram_before = {f"{m._meta.label}.{f.name}": rows_of(m, f, patient_bram.pk) for m, f in keys}

    anna_id = patient_anna.pk
    client.force_login(patient_anna)
    page = client.get(reverse("accounts:delete"))
    assert "WGBO" in page.content.decode()  # what a practice keeps is explained first
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302

    assert not User.objects.filter(pk=anna_id).exists()
    left = {
        f"{m._meta.label}.{f.name}": rows_of(m, f, anna_id)
        for m, f in keys
        if rows_of(m, f, anna_id) and (m._meta.label, f.name) not in KEPT_BY_LAW
    }
    assert left == {}, f"rows of the deleted patient are still there: {left}"
    bram_after = {f"{m._meta.label}.{f.name}": rows_of(m, f, patient_bram.pk) for m, f in keys}
    assert bram_after == bram_before


@pytest.mark.django_db
def test_a_wrong_password_deletes_nothing(client, patient_anna):
    client.force_login(patient_anna)
    response = client.post(reverse("accounts:delete"), {"password": "fout", "confirm": "on"})
    assert response.status_code == 422
    assert User.objects.filter(pk=patient_anna.pk).exists()
