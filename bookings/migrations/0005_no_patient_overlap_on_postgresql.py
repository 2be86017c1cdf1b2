"""No patient holds two appointments at overlapping times.

First, rows that already break the rule (the old demo gave Anna dozens) are
settled: of two overlapping occupying appointments of one patient, the later
one is marked cancelled by the practice, so nothing is deleted. Then, on
PostgreSQL only, the exclusion constraint; on SQLite `book_slot` and
`reschedule_appointment` re-check under the IMMEDIATE write lock
(docs/locking.md).
"""

from django.db import migrations

from bookings.db import OCCUPYING_STATUSES, AddConstraintOnPostgreSQL, patient_overlap_constraint


def cancel_overlapping(apps, schema_editor):
    Appointment = apps.get_model("bookings", "Appointment")
    rows = (
        Appointment.objects.filter(patient__isnull=False, status__in=OCCUPYING_STATUSES)
        .order_by("patient_id", "start", "pk")
        .values_list("pk", "patient_id", "start", "end", "scheduled_at")
    )
    clashing = []
    patient, kept_until = None, None
    for pk, patient_id, start, end, scheduled_at in rows.iterator():
        if patient_id == patient and start < kept_until:
            clashing.append((pk, scheduled_at))
            continue
        patient, kept_until = patient_id, end
    for pk, scheduled_at in clashing:
        Appointment.objects.filter(pk=pk).update(
            status="cancelled", cancelled_as="practice", cancelled_at=scheduled_at
        )


class Migration(migrations.Migration):
    dependencies = [("bookings", "0004_cancelled_by_whom")]

    operations = [
        migrations.RunPython(cancel_overlapping, migrations.RunPython.noop, elidable=True),
        AddConstraintOnPostgreSQL(model_name="appointment", constraint=patient_overlap_constraint()),
    ]
