"""The access log (NEN 7513): written for reads, append-only, shown to the patient,
exported for an audit, pruned after five years and only then."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.utils import DatabaseError, InternalError, ProgrammingError
from django.urls import reverse
from django.utils import timezone

from care.log import record_access
from care.models import AccessLogAppendOnly, AccessLogEntry, Action, Outcome
from care.operator_views import csv_cell
from care.retention import cutoff, prune_access_log
from care.tests.helpers import give_second_factor, share

pytestmark = pytest.mark.django_db
TABLE = AccessLogEntry._meta.db_table


def _entry(patient, actor, *, at=None, action=Action.DETAIL):
    entry = record_access(actor=actor, action=action, now=at or timezone.now(), patient=patient)
    return entry


def test_an_entry_names_what_when_who_whose_responsibility_and_outcome(
    patient_anna, therapist_eva, eva
):
    now = timezone.now()
    shared = share(patient_anna, eva, now=now)
    entry = record_access(actor=therapist_eva, action=Action.DETAIL, now=now, share=shared)
    entry.refresh_from_db()
    assert entry.at == now
    assert entry.patient_id == patient_anna.pk
    assert entry.actor_id == therapist_eva.pk
    assert entry.actor_name == "Eva"
    assert entry.actor_role == "therapist"
    assert entry.responsible == "Praktijk Rustpunt"
    assert entry.action == "detail"
    assert entry.scope == "check_ins questionnaires practices"
    assert entry.outcome == Outcome.ALLOWED
    assert entry.share_public_id == shared.public_id


def test_nothing_secret_is_a_column_of_the_log():
    names = {field.name for field in AccessLogEntry._meta.get_fields()}
    for secret in ("password", "token", "session", "cookie", "key"):
        assert not [n for n in names if secret in n], names


def test_the_application_cannot_change_or_delete_an_entry(patient_anna, therapist_eva):
    entry = _entry(patient_anna, therapist_eva)
    entry.action = Action.SUMMARY
    with pytest.raises(AccessLogAppendOnly):
        entry.save()
    with pytest.raises(AccessLogAppendOnly):
        entry.delete()
    with pytest.raises(AccessLogAppendOnly):
        AccessLogEntry.objects.filter(pk=entry.pk).update(action=Action.SUMMARY)
    with pytest.raises(AccessLogAppendOnly):
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    assert AccessLogEntry.objects.get(pk=entry.pk).action == Action.DETAIL


def test_on_postgresql_the_database_refuses_update_and_delete(patient_anna, therapist_eva):
    """A trigger (migration 0002) refuses UPDATE and DELETE on PostgreSQL; SQLite has no
    such trigger, there only the model stands guard (the raw statement goes through)."""
    entry = _entry(patient_anna, therapist_eva)
    on_postgres = connection.vendor == "postgresql"
    for statement in (
        f"UPDATE {TABLE} SET action = 'summary' WHERE id = %s",  # noqa: S608
        f"DELETE FROM {TABLE} WHERE id = %s",  # noqa: S608
    ):
        refused = False
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(statement, [entry.pk])
                transaction.set_rollback(True)
        except (InternalError, ProgrammingError, DatabaseError, IntegrityError) as error:
            refused = "append-only" in str(error)
        assert refused is on_postgres, statement
    assert AccessLogEntry.objects.get(pk=entry.pk).action == Action.DETAIL


def test_retention_removes_only_entries_older_than_five_years(patient_anna, therapist_eva):
    now = timezone.now()
    old = _entry(patient_anna, therapist_eva, at=now - timedelta(days=5 * 366 + 2))
    recent = _entry(patient_anna, therapist_eva, at=now - timedelta(days=5 * 365 - 10))
    out = io.StringIO()
    call_command("prune_access_log", stdout=out)
    assert "Removed 1 " in out.getvalue()
    assert not AccessLogEntry.objects.filter(pk=old.pk).exists()
    assert AccessLogEntry.objects.filter(pk=recent.pk).exists()
    assert prune_access_log(now=now) == 0


def test_even_the_retention_path_cannot_remove_a_recent_entry_on_postgresql(
    patient_anna, therapist_eva
):
    """With the retention setting on, the trigger still checks the row's age itself."""
    recent = _entry(patient_anna, therapist_eva)
    refused = False
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET LOCAL pijnreset.access_log_retention = 'on'")
            cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [recent.pk])  # noqa: S608
            transaction.set_rollback(True)
    except (InternalError, ProgrammingError, DatabaseError) as error:
        refused = "append-only" in str(error)
    assert refused is (connection.vendor == "postgresql")
    assert AccessLogEntry.objects.filter(pk=recent.pk).exists()


def test_cutoff_is_five_years_back_and_survives_a_leap_day():
    now = timezone.now().replace(year=2028, month=2, day=29)
    assert cutoff(now).year == 2023
    assert (cutoff(now).month, cutoff(now).day) == (2, 28)


def test_the_patient_sees_who_looked_newest_first(client, patient_anna, therapist_eva, eva):
    now = timezone.now()
    shared = share(patient_anna, eva, now=now)
    record_access(
        actor=therapist_eva, action=Action.DETAIL, now=now - timedelta(hours=2), share=shared
    )
    record_access(actor=therapist_eva, action=Action.SUMMARY, now=now, share=shared)
    record_access(actor=therapist_eva, action=Action.DETAIL, now=now, share=shared, allowed=False)
    client.force_login(patient_anna)
    page = client.get(reverse("care:access_log")).content.decode()
    assert "Eva" in page and "Praktijk Rustpunt" in page
    assert page.count("<tr>") == 3  # the header and two reads: the refused attempt is no read
    api = client.get("/api/v1/me/access-log")
    assert api.status_code == 200
    body = api.json()
    assert [row["what"] for row in body] == ["summary", "detail"]
    assert body[0] == {
        "at": body[0]["at"],
        "who": "Eva",
        "role": "therapist",
        "practice": "Praktijk Rustpunt",
        "what": "summary",
        "scope": ["check_ins", "questionnaires", "practices"],
    }


def test_another_patient_sees_none_of_it(client, patient_anna, patient_bram, therapist_eva):
    _entry(patient_anna, therapist_eva)
    client.force_login(patient_bram)
    assert client.get("/api/v1/me/access-log").json() == []
    assert "<td>Eva" not in client.get(reverse("care:access_log")).content.decode()


def test_staff_and_anonymous_get_no_access_log_of_their_own(client, therapist_eva):
    assert client.get("/api/v1/me/access-log").status_code == 401
    client.force_login(therapist_eva)
    assert client.get("/api/v1/me/access-log").status_code == 403


def test_the_operator_exports_the_log_as_csv(client, operator_olaf, patient_anna, therapist_eva):
    _entry(patient_anna, therapist_eva, at=timezone.now() - timedelta(days=3))
    give_second_factor(operator_olaf)
    client.force_login(operator_olaf)
    response = client.get(reverse("care_staff:audit_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["at", "actor_id", "actor_name"]
    assert rows[1][2] == "Eva" and rows[1][5] == str(patient_anna.pk)
    later = client.get(reverse("care_staff:audit_export") + "?van=2999-01-01")
    assert len(list(csv.reader(io.StringIO(b"".join(later.streaming_content).decode())))) == 1


def test_only_the_operator_with_a_second_factor_exports(
    client, operator_olaf, therapist_eva, manager_mila
):
    url = reverse("care_staff:audit_export")
    assert client.get(url).status_code == 302
    for user in (therapist_eva, manager_mila):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(operator_olaf)
    assert client.get(url)["Location"] == reverse("care_staff:second_factor")


def test_a_csv_cell_never_starts_a_formula():
    assert csv_cell("=SUM(A1)") == "'=SUM(A1)"
    assert csv_cell("@x") == "'@x"
    assert csv_cell("Eva") == "Eva"
    assert csv_cell(None) == ""


def test_opening_a_patient_record_in_the_admin_is_logged(client, admin_olaf, patient_anna):
    from assessments.models import SafetyFlag

    flag = SafetyFlag.objects.create(
        patient=patient_anna, kind=SafetyFlag.Kind.CRISIS, created_at=timezone.now()
    )
    client.force_login(admin_olaf)
    response = client.get(reverse("admin:assessments_safetyflag_change", args=[flag.pk]))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(action=Action.ADMIN)
    assert entry.patient_id == patient_anna.pk and entry.actor_id == admin_olaf.pk
    assert client.get(reverse("admin:care_accesslogentry_changelist")).status_code == 200
