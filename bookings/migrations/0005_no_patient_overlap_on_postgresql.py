"""PostgreSQL only: no patient holds two appointments at overlapping times.

On SQLite this does nothing; there `book_slot` and `reschedule_appointment`
re-check under the IMMEDIATE write lock (docs/locking.md).
"""

from django.db import migrations

from bookings.db import AddConstraintOnPostgreSQL, patient_overlap_constraint


class Migration(migrations.Migration):
    dependencies = [("bookings", "0004_cancelled_by_whom")]

    operations = [
        AddConstraintOnPostgreSQL(model_name="appointment", constraint=patient_overlap_constraint()),
    ]
